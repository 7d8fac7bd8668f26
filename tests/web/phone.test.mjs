// The participant phone page in headless Chromium against a real `samling --headless --demo`:
// join from the QR link, write, survive a reload and a lost answer, edit, delete, and check
// with the HTTP API that the server holds exactly the notes the page says it saved.
// Env: SAMLING_BIN (the built app), SAMLING_ARTIFACTS (screenshots; created if missing).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = process.env.SAMLING_BIN;
const ARTIFACTS = process.env.SAMLING_ARTIFACTS || join(here, 'artifacts');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const NOTE_1 = 'Vi får ikke tid til å snakke sammen på tvers – særlig ikke om barna i overgangene (æøå ÆØÅ)';
const NOTE_1_EDITED = 'Lederne møtes sjelden på tvers av skole, barnehage og PPT';
const NOTE_XSS = '<img src=x onerror=alert(1)>';
const NOTE_DELETED = 'Denne lappen skal slettes';
const NOTE_LOST = 'Wi-Fi falt ut, men lappen kom fram én gang';

let child;
let childExit; // resolves to the exit code
let stderr = '';
let dataDir;
let joinUrl;
let base;
let code;
let room; // GET /api/room answer
let browser;
let page;
const dialogs = [];
const pageProblems = [];

function startServer() {
  if (!BIN) throw new Error('SAMLING_BIN is not set: point it at the built samling binary');
  dataDir = mkdtempSync(join(tmpdir(), 'samling-web-'));
  child = spawn(BIN, ['--headless', '--demo', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  childExit = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ? signal : code)));
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('no join line within 15 s'), 15000);
    function fail(why) {
      clearTimeout(timer);
      reject(new Error(`samling did not start: ${why}\n--- stderr ---\n${stderr}`));
    }
    child.on('error', (e) => fail(e.message));
    child.on('exit', (c, s) => fail(`exited with ${s || c}`));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^samling: participants join at (http:\/\/\S+)$/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      resolve(m[1]);
    });
  });
}

async function api(path, token) {
  const res = await fetch(base + path, { headers: token ? { Authorization: 'Bearer ' + token } : {} });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

async function tokenOf(p) {
  const session = await p.evaluate(() => JSON.parse(localStorage.getItem('samling.session')));
  assert.ok(session && session.token, 'the page keeps its token in localStorage');
  return session;
}

function watch(p) {
  p.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  p.on('pageerror', (e) => pageProblems.push('pageerror: ' + e.message));
  p.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text())) pageProblems.push(m.text());
  });
}

const note = (text, state) => page.locator(`#note-list > li${state ? `[data-state="${state}"]` : ''}`)
  .filter({ has: page.locator('.card-text', { hasText: text }) });

async function until(condition, what, ms = 5000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting until ' + what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function write(text) {
  await page.fill('#note-text', text);
  await page.click('#send');
}

describe('participant phone page', { timeout: 60000 }, () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    joinUrl = await startServer();
    const url = new URL(joinUrl);
    base = url.origin;
    code = url.searchParams.get('room');
    assert.ok(code, 'the join URL carries ?room=');
    room = (await api('/api/room?code=' + encodeURIComponent(code))).body;
    assert.ok(room.groups.length >= 2, 'the demo has at least two leader groups');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    page = await (await browser.newContext(PHONE)).newPage();
    watch(page);
  });

  after(async () => {
    if (browser) await browser.close().catch(() => {});
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await childExit;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('joins the second leader group from the QR link', async () => {
    await page.goto(joinUrl);
    await page.locator('#group-list button').nth(room.groups.length - 1).waitFor();
    assert.equal(await page.textContent('#join-room'), room.room.name);
    assert.equal(await page.locator('#group-list button').count(), room.groups.length);
    assert.equal(await page.inputValue('#name-input'), '', 'anonymous by default');
    await page.screenshot({ path: join(ARTIFACTS, 'phone-join.png') });

    await page.locator('#group-list button').nth(1).click();
    await page.locator('#screen-write').waitFor();
    await page.locator('#where-group', { hasText: room.groups[1].name }).waitFor();
    const session = await tokenOf(page);
    assert.equal(session.group, room.groups[1].id);
    assert.equal(session.code, code);
  });

  it('writes a note with æøå and shows it saved', async () => {
    await page.locator('#prompt').waitFor();
    assert.notEqual((await page.textContent('#prompt')).trim(), '', 'the step prompt is shown');
    await page.fill('#note-text', NOTE_1);
    assert.equal(await page.textContent('#counter'), `${[...NOTE_1].length} / 280`);
    await page.click('#send');
    await note(NOTE_1, 'saved').waitFor({ timeout: 5000 });
    assert.match(await note(NOTE_1).locator('.state').textContent(), /Lagret/);
    assert.equal(await page.inputValue('#note-text'), '', 'the form is ready for the next note');
    await page.fill('#note-text', 'Vi vet for lite om hva');
    await page.screenshot({ path: join(ARTIFACTS, 'phone-writing.png') });
    await page.fill('#note-text', '');
  });

  it('keeps identity and notes across a reload', async () => {
    await page.reload();
    await note(NOTE_1, 'saved').waitFor({ timeout: 5000 });
    assert.equal(await page.isVisible('#screen-join'), false);
    assert.equal(await page.isVisible('#screen-code'), false);
    assert.equal(await page.isVisible('#note-form'), true);
  });

  it('shows markup in a note as literal text', async () => {
    await write(NOTE_XSS);
    await note(NOTE_XSS, 'saved').waitFor({ timeout: 5000 });
    assert.equal(await note(NOTE_XSS).locator('.card-text').textContent(), NOTE_XSS);
    assert.equal(await page.locator('#note-list img').count(), 0);
    await page.waitForTimeout(300); // an onerror handler would have fired by now
    assert.deepEqual(dialogs, []);
  });

  it('edits a note inline', async () => {
    await note(NOTE_1).getByRole('button', { name: 'Endre' }).click();
    const area = page.locator('#note-list textarea.edit-text');
    assert.equal(await area.inputValue(), NOTE_1);
    await area.fill(NOTE_1_EDITED);
    await page.locator('#note-list li.editing').getByRole('button', { name: 'Lagre' }).click();
    await note(NOTE_1_EDITED, 'saved').waitFor({ timeout: 5000 });
    assert.equal(await note(NOTE_1).count(), 0);
  });

  it('deletes a note after a confirm', async () => {
    await write(NOTE_DELETED);
    await note(NOTE_DELETED, 'saved').waitFor({ timeout: 5000 });
    await note(NOTE_DELETED).getByRole('button', { name: 'Slett' }).click();
    await note(NOTE_DELETED).locator('.state', { hasText: 'Slette lappen?' }).waitFor();
    await note(NOTE_DELETED).getByRole('button', { name: 'Slett' }).click();
    await note(NOTE_DELETED).waitFor({ state: 'detached', timeout: 5000 });
  });

  it('re-sends a note whose answer was lost, across a reload, without a duplicate', async () => {
    let lost = 0;
    // The server gets and stores the note, but the phone never hears back.
    await page.route('**/api/notes', async (route) => {
      try {
        if (route.request().method() !== 'POST') return await route.continue();
        await route.fetch();
        lost++;
        await route.abort('connectionreset');
      } catch { /* the page reloaded meanwhile and dropped the request */ }
    });
    await write(NOTE_LOST);
    await note(NOTE_LOST, 'failed').waitFor({ timeout: 5000 });
    assert.match(await note(NOTE_LOST).textContent(), /Ikke sendt – prøv igjen/);
    assert.equal(await note(NOTE_LOST).getByRole('button', { name: 'Prøv igjen' }).count(), 1);

    await page.reload(); // answers still lost: the outbox survives and is sent again at once
    await until(() => lost >= 2, 'the note is sent again after the reload');
    await note(NOTE_LOST, 'failed').waitFor({ timeout: 5000 });
    await page.unroute('**/api/notes');
    await note(NOTE_LOST, 'saved').waitFor({ timeout: 8000 }); // retried by itself
    assert.ok(lost >= 2, `the same note was sent ${lost} times while answers were lost`);
    assert.equal(await note(NOTE_LOST).count(), 1, 'shown once, not once per attempt');
  });

  it('the server holds exactly the notes the page shows', async () => {
    const session = await tokenOf(page);
    const state = await api('/api/state', session.token);
    assert.equal(state.status, 200);
    assert.equal(state.body.group.id, room.groups[1].id);
    const mine = state.body.notes.filter((n) => n.mine).map((n) => n.text).sort();
    assert.deepEqual(mine, [NOTE_1_EDITED, NOTE_XSS, NOTE_LOST].sort());
    const shown = await page.locator('#note-list .card-text').allTextContents();
    assert.deepEqual(shown.sort(), mine);
    await page.screenshot({ path: join(ARTIFACTS, 'phone-notes.png'), fullPage: true });
  });

  it('joins from the bare address by typing the room code', async () => {
    const context = await browser.newContext(PHONE);
    const p = await context.newPage();
    watch(p);
    await p.goto(base + '/');
    await p.locator('#code-input').waitFor();
    const wrong = code.toUpperCase() === 'QQQQQQ' ? 'WWWWWW' : 'QQQQQQ';
    await p.fill('#code-input', wrong);
    await p.click('#code-form button[type=submit]');
    await p.locator('#code-error', { hasText: 'Fant ikke rommet' }).waitFor({ timeout: 5000 });
    await p.screenshot({ path: join(ARTIFACTS, 'phone-code.png') });

    await p.fill('#code-input', code.toLowerCase()); // codes are case-insensitive
    await p.click('#code-form button[type=submit]');
    await p.locator('#group-list button').nth(room.groups.length - 1).waitFor({ timeout: 5000 });
    assert.equal(await p.locator('#group-list button').count(), room.groups.length);

    await p.fill('#name-input', 'Kari Nordmann');
    await p.locator('#group-list button').first().click();
    await p.locator('#note-form').waitFor();
    const session = await tokenOf(p);
    const state = await api('/api/state', session.token);
    assert.equal(state.body.participant.name, 'Kari Nordmann');
    assert.equal(state.body.group.id, room.groups[0].id);
    assert.deepEqual(state.body.notes.filter((n) => n.mine), [], 'a new participant starts with no notes');
    await context.close();
  });

  it('raised no CSP violations or script errors', () => {
    assert.deepEqual(pageProblems, []);
  });

  it('shuts the server down cleanly on SIGINT', async () => {
    await browser.close();
    browser = null;
    child.kill('SIGINT');
    const exit = await Promise.race([childExit, new Promise((r) => setTimeout(() => r('timeout'), 10000))]);
    assert.equal(exit, 0, `samling exited with ${exit}\n--- stderr ---\n${stderr}`);
  });
});

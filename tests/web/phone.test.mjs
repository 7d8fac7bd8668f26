// The participant phone page in headless Chromium against a real `samling --headless --demo`:
// join from the QR link, write, survive a reload and a lost answer, edit, delete, and check
// with the HTTP API that the server holds exactly the notes the page says it saved. Then two
// phones in one group follow the exercise step by step as the facilitator drives it through
// the loopback control surface: timer, "done", silent writing and reveal, writing closed under
// a note in flight, the organised board, the vote and the conclusion. Last, the first phone's
// group plans measures: a write step whose notes carry fields (owner, start date, indicator),
// and its evaluation lists them under "what we build on". Every screen photographed is also
// checked by axe-core (WCAG 2.x A and AA).
// Env: SAMLING_BIN (the built app), SAMLING_ARTIFACTS (screenshots; created if missing).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { postCommand } from './control_surface.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = process.env.SAMLING_BIN;
const ARTIFACTS = process.env.SAMLING_ARTIFACTS || join(here, 'artifacts');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// A phone quiet this long counts as gone (the app's default is minutes; a test cannot wait that).
// Every open page polls about once a second, so only a closed one goes quiet.
const PRESENCE_MS = 4000;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const NOTE_1 = 'Vi får ikke tid til å snakke sammen på tvers – særlig ikke om barna i overgangene (æøå ÆØÅ)';
const NOTE_1_EDITED = 'Lederne møtes sjelden på tvers av skole, barnehage og PPT';
const NOTE_XSS = '<img src=x onerror=alert(1)>';
const NOTE_DELETED = 'Denne lappen skal slettes';
const NOTE_LOST = 'Wi-Fi falt ut, men lappen kom fram én gang';
const NOTE_A = 'Foreldrene får ulike beskjeder fra skolen og PPT';
const NOTE_B = 'Barnehagen venter lenge på svar fra barnevernet';
const NOTE_C = 'Lange ventetider på utredning';
const NOTE_WHY = 'Fordi ingen eier overgangen mellom tjenestene';
const NOTE_PARKED = 'Ansett en koordinator';
const NOTE_CLOSED = 'Denne kom for sent';
const STATEMENT = 'For barn i overgangen mellom barnehage og skole faller informasjonen mellom tjenestene.';
const PROPOSAL = 'For familiene blir det uklart hvem de skal spørre';
const MEASURE = 'Felles overgangsmøte for barnehage, skole og PPT hver måned';
const INDICATOR = 'Færre foreldre ringer for å spørre hvem som har ansvaret';
const MEASURE_LOST = 'Koordinator for overgangen';
const EXPERIMENT = 'Overgangsmøter i to barnehager før jul';

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
let ctl; // {url, token} from DATA-DIR/control.json
const dialogs = [];
const phones = {}; // two phones in the third group: {p, token}
let G; // that group's id
const pageProblems = [];

function startServer() {
  if (!BIN) throw new Error('SAMLING_BIN is not set: point it at the built samling binary');
  dataDir = mkdtempSync(join(tmpdir(), 'samling-web-'));
  child = spawn(BIN, ['--headless', '--demo', '--port', '0', '--host', '127.0.0.1', '--control-port', '0',
    '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SAMLING_PRESENCE_WINDOW_MS: String(PRESENCE_MS) } });
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

// axe-core's WCAG 2.x A and AA rules on the page as it is now; its source is evaluated
// through the DevTools protocol, so the page's CSP stays as strict as for a phone.
const AXE = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
async function shot(p, name, opts = {}) {
  await p.screenshot({ path: join(ARTIFACTS, name + '.png'), ...opts });
  if (!(await p.evaluate(() => !!window.axe))) await p.evaluate(AXE);
  const violations = await p.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => v.id + ': ' + v.help + ' — ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
  });
  assert.deepEqual(violations, [], `axe-core on ${name}`);
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

// The facilitator's side, as a script drives it.
async function control(body) {
  return postCommand(ctl, body);
}

// A new phone (its own browser context) that joined the room's group at `index` from the QR link.
async function phoneIn(index) {
  const context = await browser.newContext(PHONE);
  const p = await context.newPage();
  watch(p);
  await p.goto(joinUrl);
  await p.locator('#group-list button').nth(index).click();
  await p.locator('#screen-write').waitFor(); // writing or not: the group's screen
  return { context, p };
}

async function controlGroup(group) {
  const res = await fetch(ctl.url + '/control/state', { headers: { Authorization: 'Bearer ' + ctl.token } });
  assert.equal(res.status, 200);
  return (await res.json()).groups.find((g) => g.id === group);
}

async function controlRun(group) {
  const res = await fetch(ctl.url + '/control/state', { headers: { Authorization: 'Bearer ' + ctl.token } });
  assert.equal(res.status, 200);
  return (await res.json()).groups.find((g) => g.id === group).run;
}

async function controlNote(group, text) {
  const n = (await controlRun(group)).notes.find((x) => x.text === text);
  assert.ok(n, `the facilitator sees the note "${text}"`);
  return n;
}

// Polls the control state until check(run) holds; gives back the last run seen.
async function untilRun(group, check, what, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    const run = await controlRun(group);
    if (check(run)) return run;
    if (Date.now() > end) throw new Error('timed out waiting until ' + what + '\n' + JSON.stringify(run));
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Resolves once the page has applied a state at least as new as the group's revision now.
async function caughtUp(p, token) {
  const rev = (await api('/api/state', token)).body.revision;
  await p.waitForFunction((r) => Number(document.getElementById('screen-write').dataset.revision) >= r, rev,
    { timeout: 5000 });
}

const card = (p, list, text) => p.locator(`#${list} > li.card`).filter({ has: p.locator('.card-text', { hasText: text }) });

describe('participant phone page', () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    joinUrl = await startServer();
    const url = new URL(joinUrl);
    base = url.origin;
    code = url.searchParams.get('room');
    assert.ok(code, 'the join URL carries ?room=');
    room = (await api('/api/room?code=' + encodeURIComponent(code))).body;
    assert.ok(room.groups.length >= 3, 'the demo has at least three leader groups');
    ctl = JSON.parse(readFileSync(join(dataDir, 'control.json'), 'utf8'));
    assert.match(ctl.url, /^http:\/\/127\.0\.0\.1:\d+$/, 'the control surface is on loopback');
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
    await shot(page, 'phone-join');

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
    await shot(page, 'phone-writing');
    await page.fill('#note-text', '');
  });

  it('counts characters as the server does: a flag or A + ring is one, a 281st is too many', async () => {
    const full = '🇳🇴'.repeat(270) + '👍🏽'.repeat(9) + 'A\u030A'; // 560 + 18 + 2 code points
    await page.fill('#note-text', full);
    assert.equal(await page.textContent('#counter'), '280 / 280');
    assert.equal(await page.isDisabled('#send'), false);
    assert.equal(await page.isVisible('#too-long'), false);
    await page.fill('#note-text', full + '🇳🇴');
    assert.equal(await page.textContent('#counter'), '281 / 280');
    assert.equal(await page.isDisabled('#send'), true);
    assert.equal(await page.isVisible('#too-long'), true);
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
    await shot(page, 'phone-notes', { fullPage: true });
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
    await shot(p, 'phone-code');

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

  // ---- two phones in the third group follow the exercise step by step ----------------------

  it('two phones join the same leader group', async () => {
    G = room.groups[2].id;
    for (const name of ['a', 'b']) {
      const context = await browser.newContext(PHONE);
      const p = await context.newPage();
      watch(p);
      await p.goto(joinUrl);
      await p.locator('#group-list button').nth(2).click();
      await p.locator('#note-form').waitFor();
      phones[name] = { p, token: (await tokenOf(p)).token };
    }
    assert.equal((await controlRun(G)).step, 0, 'the demo starts in the silent writing step');
  });

  it('the timer counts down on the phone once started, and stops when paused', async () => {
    const { p } = phones.a;
    assert.equal(await p.isVisible('#countdown'), false, 'no countdown before the timer runs');
    assert.equal(await p.textContent('#timer'), '7 min', 'the planned time is shown instead');
    await control({ command: 'timer', group: G, action: 'start' });
    await p.locator('#countdown[data-state="running"]').waitFor({ timeout: 3000 });
    const first = await p.textContent('#countdown-time');
    assert.match(first, /^0[67]:\d\d$/);
    await p.waitForFunction((t) => document.getElementById('countdown-time').textContent !== t, first,
      { timeout: 3000 }); // it ticks by itself, between polls
    assert.ok(await p.textContent('#countdown-time') < first, 'counts down');

    // Paused in its first second, remaining_seconds (rounded up) equals the duration: a phone
    // cannot tell that from a timer never started. Pause once a whole second has gone.
    await untilRun(G, (run) => run.timer.remaining_ms < 419000, 'the timer has run a whole second');
    await control({ command: 'timer', group: G, action: 'pause' });
    await p.locator('#countdown[data-state="paused"]').waitFor({ timeout: 3000 });
    assert.equal(await p.textContent('#countdown .cd-note'), 'Pause');
    const frozen = await p.textContent('#countdown-time');
    await p.waitForTimeout(1200); // proving that nothing changes takes a little while
    assert.equal(await p.textContent('#countdown-time'), frozen, 'a paused timer stands still');
  });

  it('"Jeg er ferdig" toggles and both phones see the count', async () => {
    const { a, b } = phones;
    await a.p.click('#done');
    await a.p.locator('#done', { hasText: 'Du er ferdig ✓ (1 av 2)' }).waitFor({ timeout: 3000 });
    await b.p.locator('#done-count', { hasText: '1 av 2 er ferdige' }).waitFor({ timeout: 3000 });
    await b.p.click('#done');
    await b.p.locator('#done', { hasText: 'Du er ferdig ✓ (2 av 2)' }).waitFor({ timeout: 3000 });
    await a.p.locator('#done', { hasText: 'Du er ferdig ✓ (2 av 2)' }).waitFor({ timeout: 3000 });
    await shot(a.p, 'phone-done');
    assert.equal((await controlRun(G)).done, 2);
    await a.p.click('#done'); // not done after all
    await a.p.locator('#done', { hasText: 'Jeg er ferdig' }).waitFor({ timeout: 3000 });
    await b.p.locator('#done', { hasText: 'Du er ferdig ✓ (1 av 2)' }).waitFor({ timeout: 3000 });
    await untilRun(G, (run) => run.done === 1, 'the facilitator counts one done');
  });

  it('silent writing: neither phone sees the other\'s note until the reveal', async () => {
    const { a, b } = phones;
    await a.p.fill('#note-text', NOTE_A);
    await a.p.click('#send');
    await b.p.fill('#note-text', NOTE_B);
    await b.p.click('#send');
    await card(a.p, 'note-list', NOTE_A).and(a.p.locator('[data-state="saved"]')).waitFor({ timeout: 5000 });
    await card(b.p, 'note-list', NOTE_B).and(b.p.locator('[data-state="saved"]')).waitFor({ timeout: 5000 });
    await caughtUp(a.p, a.token); // both pages have polled since both notes exist
    await caughtUp(b.p, b.token);
    assert.ok(!(await a.p.content()).includes(NOTE_B), 'phone A never gets B\'s note before the reveal');
    assert.ok(!(await b.p.content()).includes(NOTE_A), 'phone B never gets A\'s note before the reveal');
    assert.equal(await a.p.isVisible('#board'), false);
    const run = await controlRun(G);
    assert.deepEqual(run.notes.filter((n) => [NOTE_A, NOTE_B].includes(n.text)).map((n) => n.revealed), [false, false]);

    await control({ command: 'reveal', group: G });
    await card(a.p, 'board-list', NOTE_B).waitFor({ timeout: 3000 });
    await card(b.p, 'board-list', NOTE_A).waitFor({ timeout: 3000 });
    assert.equal(await card(a.p, 'board-list', NOTE_A).locator('.tag.mine').textContent(), 'din');
    assert.equal(await card(a.p, 'board-list', NOTE_B).locator('.tag.mine').count(), 0);
    assert.equal(await a.p.locator('#board-list .why-btn').count(), 0, 'no "why?" outside a chain step');
  });

  it('in a "why?" step a note gets a Hvorfor? button and the answer names its parent', async () => {
    // The demo exercise has no chain step: the phone is told this one is (and its revision is
    // made unknown, so the next real poll gets the whole state back).
    const { p } = phones.a;
    const parent = await controlNote(G, NOTE_B);
    await p.route('**/api/state*', async (route) => {
      try {
        const url = new URL(route.request().url());
        url.searchParams.delete('since');
        const res = await route.fetch({ url: url.toString() });
        const json = await res.json();
        if (json.activity) json.activity.step.chain = true;
        json.revision = -1;
        await route.fulfill({ response: res, json });
      } catch { /* the route was removed meanwhile */ }
    });
    let sent = null;
    await p.route('**/api/notes', async (route) => {
      sent = route.request().postDataJSON();
      await route.fulfill({ status: 201, json: { note: {
        id: 999999, text: sent.text, zone: 'observations', mine: true, my_votes: 0, cluster: null,
        parent: sent.parent, highlighted: false, created_at: Date.now(), updated_at: Date.now() } } });
    });
    try {
      await p.locator('#board-lead').waitFor({ timeout: 3000 });
      await card(p, 'board-list', NOTE_B).locator('.why-btn').click();
      await p.locator('#reply', { hasText: 'Svar på: ' + NOTE_B }).waitFor();
      assert.equal(await p.isVisible('#zone-picker'), false, 'an answer goes on its parent\'s zone');
      await p.fill('#note-text', 'Fordi vi ikke har faste møtepunkter');
      await p.click('#send');
      await until(() => sent, 'the answer is sent');
      assert.equal(sent.parent, parent.id);
      assert.equal(sent.text, 'Fordi vi ikke har faste møtepunkter');
      await p.locator('#reply').waitFor({ state: 'hidden' });
    } finally {
      await p.unroute('**/api/notes');
      await p.unroute('**/api/state*');
    }
    await p.locator('#board-lead').waitFor({ state: 'hidden', timeout: 3000 }); // the real step again
  });

  it('a note in flight when writing closes shows failed with the step-closed message', async () => {
    const { a, b } = phones;
    const p = a.p;
    let release;
    const gate = new Promise((r) => { release = r; });
    await p.route('**/api/state*', async (route) => { // the phone hears of the lock only after its note
      await gate;
      try { await route.continue(); } catch { /* gone */ }
    });
    try {
      await p.fill('#note-text', NOTE_CLOSED);
      await control({ command: 'lock_writing', group: G, locked: true });
      await p.click('#send');
      await card(p, 'note-list', NOTE_CLOSED).and(p.locator('[data-state="failed"]')).waitFor({ timeout: 5000 });
      assert.match(await card(p, 'note-list', NOTE_CLOSED).locator('.state').textContent(), /Skrivingen er lukket/);
    } finally {
      release();
      await p.unroute('**/api/state*');
    }
    await p.locator('#closed', { hasText: 'Skrivingen er lukket' }).waitFor({ timeout: 3000 });
    assert.equal(await p.isVisible('#note-form'), false);
    await b.p.locator('#closed', { hasText: 'Skrivingen er lukket' }).waitFor({ timeout: 3000 });
    assert.ok(!(await controlRun(G)).notes.some((n) => n.text === NOTE_CLOSED), 'the server has no such note');
    assert.equal(await card(p, 'note-list', NOTE_CLOSED).count(), 1, 'never silently lost');
    await card(p, 'note-list', NOTE_CLOSED).getByRole('button', { name: 'Forkast' }).click();
    await card(p, 'note-list', NOTE_CLOSED).waitFor({ state: 'detached' });
  });

  it('the organised board: zones, a named cluster, a why-chain, a highlight', async () => {
    const { a, b } = phones;
    await control({ command: 'go_to_step', group: G, step: 2 });
    const na = await controlNote(G, NOTE_A);
    const nb = await controlNote(G, NOTE_B);
    await control({ command: 'add_note', group: G, text: NOTE_C });
    const nc = await controlNote(G, NOTE_C);
    await control({ command: 'make_cluster', group: G, zone: 'observations', name: 'Samarbeid på tvers', notes: [na.id, nb.id] });
    await control({ command: 'add_note', group: G, text: NOTE_WHY, parent: na.id });
    await control({ command: 'add_note', group: G, text: NOTE_PARKED, zone: 'parking' });
    await control({ command: 'highlight_note', note: nc.id, on: true });

    const p = a.p;
    await card(p, 'board-list', NOTE_PARKED).waitFor({ timeout: 3000 });
    await card(p, 'board-list', NOTE_WHY).waitFor({ timeout: 3000 });
    const rows = await p.$$eval('#board-list > li', (lis) => lis.map((li) => (li.classList.contains('card')
      ? (li.classList.contains('answer') ? '  why: ' : '') + li.querySelector('.card-text').textContent
      : li.className + ': ' + li.textContent)));
    assert.deepEqual(rows, [
      'zone-head: Observasjoner',
      'cluster-head: Tema: Samarbeid på tvers',
      NOTE_A, '  why: ' + NOTE_WHY, NOTE_B,
      NOTE_C,
      'zone-head: Parkert: løsninger',
      NOTE_PARKED,
    ]);
    assert.match(await card(p, 'board-list', NOTE_WHY).locator('.why').textContent(), /Hvorfor\?/);
    assert.ok(await card(p, 'board-list', NOTE_C).evaluate((li) => li.classList.contains('hl')), 'highlighted');
    assert.equal(await card(p, 'board-list', NOTE_C).locator('.tag.hl').count(), 1);
    assert.equal(await p.isVisible('#note-form'), false, 'nothing to write while organising');
    assert.equal(await p.isVisible('#closed'), false, 'and no "closed" notice in the way of the board');
    await card(b.p, 'board-list', NOTE_WHY).waitFor({ timeout: 3000 });
    await shot(p, 'phone-board');
  });

  it('the vote step: shown within ~1.5 s, three dots, the fourth refused, one taken back', async (t) => {
    const { a, b } = phones;
    const nb = await controlNote(G, NOTE_B);
    const started = Date.now();
    await control({ command: 'go_to_step', group: G, step: 3 });
    await a.p.locator('#vote').waitFor({ timeout: 2000 });
    const took = Date.now() - started;
    await b.p.locator('#vote').waitFor({ timeout: 2000 });
    assert.ok(took < 2000, `the vote view came after ${took} ms`);
    t.diagnostic(`the vote view came ${took} ms after the command`);
    const p = a.p;
    await p.locator('#votes-left', { hasText: 'Stemmer igjen: 3 av 3' }).waitFor();
    const plus = card(p, 'vote-list', NOTE_B).locator('button.plus');
    const minus = card(p, 'vote-list', NOTE_B).locator('button.minus');
    const box = await plus.boundingBox();
    assert.ok(box.width >= 48 && box.height >= 48, `"+" is ${box.width}×${box.height}`);
    await plus.click();
    await plus.click();
    await plus.click();
    await p.locator('#votes-left', { hasText: 'Stemmer igjen: 0 av 3' }).waitFor();
    await untilRun(G, (run) => run.notes.find((n) => n.id === nb.id).dots === 3, 'three dots on the note');
    await plus.click(); // the fourth
    await p.locator('#vote-msg', { hasText: 'Du har brukt alle stemmene dine' }).waitFor({ timeout: 3000 });
    await caughtUp(p, a.token);
    assert.equal(await card(p, 'vote-list', NOTE_B).locator('.dot').count(), 3, 'own dots on the card');
    assert.equal((await controlNote(G, NOTE_B)).dots, 3, 'the fourth dot was not stored');
    await p.locator('#votes-left', { hasText: 'Stemmer igjen: 0 av 3' }).waitFor();

    await minus.click();
    await p.locator('#votes-left', { hasText: 'Stemmer igjen: 1 av 3' }).waitFor();
    await untilRun(G, (run) => run.notes.find((n) => n.id === nb.id).dots === 2, 'a dot taken back');
    assert.equal(await p.isVisible('#vote-msg'), false);
    await caughtUp(p, a.token);
    assert.equal(await card(p, 'vote-list', NOTE_B).locator('.dot').count(), 2);

    await caughtUp(b.p, b.token); // no totals: B sees none of A's dots
    assert.equal(await card(b.p, 'vote-list', NOTE_B).locator('.dot').count(), 0);
    assert.equal(await b.p.textContent('#votes-left'), 'Stemmer igjen: 3 av 3');
    assert.equal(await p.isVisible('#done'), true, '"Jeg er ferdig" while voting too');
    await p.evaluate(() => window.scrollTo(0, 0));
    await shot(p, 'phone-vote');
  });

  it('the conclude step shows the conclusion so far and takes a proposal', async () => {
    const { a, b } = phones;
    const p = a.p;
    await control({ command: 'go_to_step', group: G, step: 4 });
    await control({ command: 'set_conclusion', group: G, field: 'statement', text: STATEMENT });
    await p.locator('#field-list li[data-field="statement"] .field-text', { hasText: STATEMENT }).waitFor({ timeout: 3000 });
    assert.equal(await p.textContent('#propose-title'), 'Foreslå en formulering');
    await p.fill('#note-text', PROPOSAL);
    await p.click('#send');
    await card(p, 'note-list', PROPOSAL).and(p.locator('[data-state="saved"]')).waitFor({ timeout: 5000 });
    assert.equal(await p.textContent('#mine-title'), 'Dine forslag');
    assert.equal(await card(p, 'note-list', NOTE_A).count(), 0, 'own board notes are not proposals');
    const proposal = await controlNote(G, PROPOSAL);
    assert.equal(proposal.step, 4);
    await card(b.p, 'proposal-list', PROPOSAL).waitFor({ timeout: 3000 });
    assert.equal(await card(b.p, 'board-list', PROPOSAL).count(), 0, 'a proposal is not on the board');
    await card(p, 'board-list', NOTE_B).waitFor();
    await p.evaluate(() => window.scrollTo(0, 0));
    await shot(p, 'phone-conclude');
  });

  // ---- the first phone's group plans measures: notes with fields ---------------------------

  it('a measures step asks for owner, start date and indicator under the text', async () => {
    const G1 = room.groups[1].id;
    await control({ command: 'start_exercise', group: G1, exercise: 'goals_measures' });
    await control({ command: 'go_to_step', group: G1, step: 2 });
    await page.locator('#prompt', { hasText: 'Hvilke tiltak' }).waitFor({ timeout: 3000 });
    await page.locator('#note-fields').waitFor({ timeout: 3000 });
    assert.equal(await page.textContent('#note-fields legend'), 'Om lappen (valgfritt)');
    const labels = await page.locator('#note-field-inputs label').allTextContents();
    assert.deepEqual(labels, ['Eier', 'Startdato', 'Slik vet vi at det virker']);
    assert.equal(await page.getByLabel('Startdato').getAttribute('type'), 'date', 'a date picker on phones');
    assert.equal(await page.getByLabel('Eier').evaluate((e) => e.tagName), 'TEXTAREA', 'text fields grow with the text');
    assert.equal(await page.isVisible('#zone-picker'), false, 'one zone: nothing to pick');

    // A timer paused in its first second is shown paused (activity.timer.started), not hidden.
    await control({ command: 'timer', group: G1, action: 'start' });
    await control({ command: 'timer', group: G1, action: 'pause' });
    await page.locator('#countdown[data-state="paused"]').waitFor({ timeout: 3000 });
    assert.match(await page.textContent('#countdown-time'), /^(10:00|09:5\d)$/);
  });

  it('a draft with fields survives a reload', async () => {
    await page.fill('#note-text', MEASURE);
    await page.getByLabel('Eier').fill('Kari Holm');
    await page.getByLabel('Startdato').fill('2027-02-01');
    await page.getByLabel('Eier').press('Enter'); // moves on; does not send the note
    assert.equal(await page.evaluate(() => document.activeElement.type), 'date');
    assert.equal(await page.locator('#note-list > li').count(), 0, 'Enter in a field sent nothing');
    await page.reload();
    await page.locator('#note-fields').waitFor({ timeout: 5000 });
    assert.equal(await page.inputValue('#note-text'), MEASURE);
    assert.equal(await page.getByLabel('Eier').inputValue(), 'Kari Holm');
    assert.equal(await page.getByLabel('Startdato').inputValue(), '2027-02-01');
    await page.getByLabel('Slik vet vi at det virker').fill(INDICATOR);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'phone-measure-form');
  });

  it('writes a measure with owner and start date and shows them saved', async () => {
    const G1 = room.groups[1].id;
    await page.click('#send');
    const saved = note(MEASURE, 'saved');
    await saved.waitFor({ timeout: 5000 });
    assert.deepEqual(await saved.locator('.nf-line').allTextContents(),
      ['Eier: Kari Holm', 'Startdato: 1. feb. 2027', 'Slik vet vi at det virker: ' + INDICATOR]);
    assert.equal(await saved.locator('time').getAttribute('datetime'), '2027-02-01');
    assert.equal(await page.inputValue('#note-text'), '');
    assert.equal(await page.getByLabel('Eier').inputValue(), '', 'the fields are ready for the next measure');
    assert.equal(await page.getByLabel('Startdato').inputValue(), '');

    const n = await controlNote(G1, MEASURE);
    assert.deepEqual(n.fields, { owner: 'Kari Holm', start: '2027-02-01', indicator: INDICATOR });
    const mine = (await api('/api/state', (await tokenOf(page)).token)).body.notes.find((x) => x.text === MEASURE);
    assert.equal(mine.step, 2);
    assert.deepEqual(mine.fields, n.fields);

    await page.reload();
    await note(MEASURE, 'saved').waitFor({ timeout: 5000 });
    assert.deepEqual(await note(MEASURE).locator('.nf-line').allTextContents(),
      ['Eier: Kari Holm', 'Startdato: 1. feb. 2027', 'Slik vet vi at det virker: ' + INDICATOR]);
    assert.equal(await page.getByLabel('Eier').inputValue(), '', 'the sent draft is gone after a reload');
    // The form's last field, "Send", and the saved measure below it: what a thumb sees.
    await page.evaluate(() => window.scrollTo(0, document.getElementById('mine').offsetTop - 330));
    await shot(page, 'phone-measure');
  });

  it('edits a measure\'s fields with its text', async () => {
    const G1 = room.groups[1].id;
    await note(MEASURE).getByRole('button', { name: 'Endre' }).click();
    const editing = page.locator('#note-list li.editing');
    assert.equal(await editing.getByLabel('Eier').inputValue(), 'Kari Holm');
    assert.equal(await editing.getByLabel('Startdato').inputValue(), '2027-02-01');
    await editing.getByLabel('Eier').fill('Per Ek');
    await editing.getByLabel('Startdato').fill('2027-03-15');
    await editing.getByLabel('Slik vet vi at det virker').fill('');
    await editing.scrollIntoViewIfNeeded();
    await shot(page, 'phone-measure-edit');
    await editing.getByRole('button', { name: 'Lagre' }).click();
    await page.locator('#note-list li.editing').waitFor({ state: 'detached', timeout: 5000 });
    await untilRun(G1, (run) => run.notes.some((x) => x.text === MEASURE && x.fields.owner === 'Per Ek'),
      'the new owner is stored');
    assert.deepEqual((await controlNote(G1, MEASURE)).fields, { owner: 'Per Ek', start: '2027-03-15' },
      'the whole set is kept: the cleared indicator is gone');
    await note(MEASURE).locator('.nf-line', { hasText: 'Eier: Per Ek' }).waitFor({ timeout: 3000 });
    assert.deepEqual(await note(MEASURE).locator('.nf-line').allTextContents(),
      ['Eier: Per Ek', 'Startdato: 15. mars 2027']);
  });

  it('a measure whose answer was lost is sent again with the same client_id and fields', async () => {
    const G1 = room.groups[1].id;
    const bodies = [];
    await page.route('**/api/notes', async (route) => {
      try {
        if (route.request().method() !== 'POST') return await route.continue();
        bodies.push(route.request().postDataJSON());
        await route.fetch();
        await route.abort('connectionreset');
      } catch { /* gone */ }
    });
    try {
      await page.fill('#note-text', MEASURE_LOST);
      await page.getByLabel('Eier').fill('Ola');
      await page.click('#send');
      await note(MEASURE_LOST, 'failed').waitFor({ timeout: 5000 });
      const outbox = await page.evaluate(() => JSON.parse(localStorage.getItem('samling.outbox')));
      assert.deepEqual(outbox.map((x) => x.fields), [{ owner: 'Ola' }], 'the outbox keeps the fields');
    } finally {
      await page.unroute('**/api/notes');
    }
    await note(MEASURE_LOST).getByRole('button', { name: 'Prøv igjen' }).click();
    await note(MEASURE_LOST, 'saved').waitFor({ timeout: 5000 });
    assert.equal(bodies.length, 1);
    assert.deepEqual(bodies[0].fields, { owner: 'Ola' });
    const run = await controlRun(G1);
    const stored = run.notes.filter((x) => x.text === MEASURE_LOST);
    assert.equal(stored.length, 1, 'one note, not one per attempt');
    assert.deepEqual(stored[0].fields, { owner: 'Ola' });
    assert.deepEqual(await note(MEASURE_LOST).locator('.nf-line').allTextContents(), ['Eier: Ola']);
  });

  it('the board of the next step shows the fields with the step\'s labels', async () => {
    const G1 = room.groups[1].id;
    await control({ command: 'go_to_step', group: G1, step: 3 });
    const c = card(page, 'board-list', MEASURE);
    await c.waitFor({ timeout: 3000 });
    assert.deepEqual(await c.locator('.nf-line').allTextContents(), ['Eier: Per Ek', 'Startdato: 15. mars 2027'],
      'labels remembered from the measures step');
    await c.scrollIntoViewIfNeeded();
    await shot(page, 'phone-measure-board');
    // A phone that joins only now never saw the measures step: the labels come from the server.
    const late = await phoneIn(1);
    const lateCard = card(late.p, 'board-list', MEASURE);
    await lateCard.waitFor({ timeout: 3000 });
    assert.deepEqual(await lateCard.locator('.nf-line').allTextContents(), ['Eier: Per Ek', 'Startdato: 15. mars 2027'],
      'a phone that joined after the measures step shows the labels too');
    await late.context.close();
  });

  it('the API refuses a bad date and an unknown field', async () => {
    const G1 = room.groups[1].id;
    await control({ command: 'go_to_step', group: G1, step: 2 });
    const { token } = await tokenOf(page);
    const post = async (method, path, body) => {
      const res = await fetch(base + path, {
        method, headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    };
    const bad = await post('POST', '/api/notes', { client_id: 'bad-date-1', text: 'Tiltak med feil dato',
      fields: { owner: 'Kari', start: '1. februar 2027' } });
    assert.equal(bad.status, 400, JSON.stringify(bad.body));
    assert.equal(bad.body.error.code, 'invalid_request');
    assert.ok(bad.body.error.message, 'with a message');
    const month = await post('POST', '/api/notes', { client_id: 'bad-date-2', text: 'Tiltak i måned 13',
      fields: { start: '2027-13-01' } });
    assert.equal(month.status, 400, JSON.stringify(month.body));
    const unknown = await post('POST', '/api/notes', { client_id: 'bad-field', text: 'Tiltak', fields: { budget: '10' } });
    assert.equal(unknown.status, 400, JSON.stringify(unknown.body));
    assert.equal(unknown.body.error.code, 'invalid_request');
    const n = await controlNote(G1, MEASURE);
    const patch = await post('PATCH', '/api/notes/' + n.id, { fields: { start: '2027-02-30x' } });
    assert.equal(patch.status, 400, JSON.stringify(patch.body));
    assert.ok(!(await controlRun(G1)).notes.some((x) => /feil dato|måned 13/.test(x.text)), 'nothing stored');
    assert.deepEqual((await controlNote(G1, MEASURE)).fields, { owner: 'Per Ek', start: '2027-03-15' });
  });

  it('evaluation lists the measures the group planned, with owners and dates, foldable', async () => {
    const G1 = room.groups[1].id;
    assert.equal(await page.isVisible('#context'), false, 'nothing planned before: no "what we build on"');
    await control({ command: 'set_conclusion', group: G1, field: 'experiment', text: EXPERIMENT });
    await control({ command: 'conclude_run', group: G1 });
    await control({ command: 'start_exercise', group: G1, exercise: 'evaluation' });
    const box = page.locator('#context');
    await box.waitFor({ timeout: 3000 });
    assert.equal(await page.textContent('#context summary'), 'Dette bygger vi på');
    assert.deepEqual(await box.locator('.context-label').allTextContents(), ['Tiltakene vi planla', 'Dette skulle vi prøve']);
    const measure = box.locator('.context-note').filter({ hasText: MEASURE });
    assert.deepEqual(await measure.locator('.nf-line').allTextContents(), ['Eier: Per Ek', 'Startdato: 15. mars 2027']);
    assert.equal(await measure.locator('time').getAttribute('datetime'), '2027-03-15');
    assert.deepEqual(await box.locator('.context-note .context-note-text').allTextContents(), [MEASURE, MEASURE_LOST],
      'the measures in the order they were written; the goal zone is not listed');
    assert.equal(await box.locator('.context-text').textContent(), EXPERIMENT);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'phone-context');

    // Folded away, it stays folded while the phone polls and the step moves on.
    await page.click('#context summary');
    assert.equal(await box.evaluate((e) => e.open), false);
    await control({ command: 'go_to_step', group: G1, step: 1 });
    await page.locator('#screen-write[data-kind="reveal"]').waitFor({ timeout: 3000 });
    await caughtUp(page, (await tokenOf(page)).token);
    assert.equal(await box.evaluate((e) => e.open), false, 'still folded after a new state');
    assert.equal(await box.isVisible(), true);
  });

  it('a phone follows the room\'s language on its next poll, and the room\'s name', async () => {
    await control({ command: 'set_room', language: 'en', name: 'Storsalen' });
    await page.locator('#change-group', { hasText: 'Wrong group? Change group' }).waitFor({ timeout: 3000 });
    await page.locator('#where-room', { hasText: 'Storsalen' }).waitFor({ timeout: 3000 });
    await control({ command: 'set_room', language: 'nn', name: '' });
    await page.locator('#change-group', { hasText: 'Feil gruppe? Byt gruppe' }).waitFor({ timeout: 3000 });
    await page.locator('#where-room', { hasText: room.room.name }).waitFor({ timeout: 3000 });
    await control({ command: 'set_room', language: 'nb' });
    await page.locator('#change-group', { hasText: 'Feil gruppe? Bytt gruppe' }).waitFor({ timeout: 3000 });
  });

  it('"Bytt gruppe" moves the phone: the same participant in the new group, its notes left behind', async () => {
    const { context, p } = await phoneIn(0);
    const before = await tokenOf(p);
    const from = room.groups[0].id;
    const to = room.groups[1].id;
    const people = async (group) => (await controlGroup(group)).participants;
    const inTo = await people(to);
    const inFrom = await people(from);
    await p.click('#change-group');
    await p.click('#change-yes');
    await p.locator('#group-list button').nth(1).click();
    await p.locator('#where-group', { hasText: room.groups[1].name }).waitFor({ timeout: 5000 });
    const after = await tokenOf(p);
    assert.equal(after.token, before.token, 'the same token: the same participant');
    assert.equal(after.group, to);
    assert.equal(await people(from), inFrom - 1, 'no ghost left behind in the old group');
    assert.equal(await people(to), inTo + 1);
    await context.close();
  });

  it('a closed phone stops counting: "present" and the done count leave it out', async () => {
    const G0 = room.groups[0].id;
    const opened = [];
    for (let i = 0; i < 2; i++) opened.push(await phoneIn(0));
    for (const { p } of opened) {
      await p.click('#done');
      await p.locator('#done', { hasText: 'Du er ferdig' }).waitFor({ timeout: 3000 });
    }
    // Polls the facilitator's view of the group until check(group) holds.
    const untilGroup = async (check, what, ms) => {
      const end = Date.now() + ms;
      for (;;) {
        const g = await controlGroup(G0);
        if (check(g)) return g;
        if (Date.now() > end) throw new Error('timed out waiting until ' + what + '\n' + JSON.stringify(g));
        await new Promise((r) => setTimeout(r, 150));
      }
    };
    await untilGroup((g) => g.present === 2 && g.run.done_present === 2, 'both phones are present and done', 3000);
    await opened[1].context.close(); // the phone is put away: it stops polling
    const g = await untilGroup((x) => x.present === 1, 'the closed phone is gone', PRESENCE_MS + 5000);
    assert.equal(g.present, 1, 'the closed phone no longer counts as present');
    assert.equal(g.run.done_present, 1, 'nor among those done');
    assert.equal(g.run.done, 2, 'its "done" is still on record');
    await opened[0].context.close();
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

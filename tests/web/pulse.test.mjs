// A pulse step on real phones: headless Chromium at 390×844 against a real `samling --headless`.
// Five phones join one leader group; the facilitator (the control surface, only seeding) starts
// "pulse_safety". The first phone answers all seven statements by thumb, one screen each, changes
// one answer, and is thanked; another phone never sees those answers; the count of answers is
// all anyone sees. Each pulse screen photographed is checked by axe-core (WCAG 2.x A and AA).
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
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const AXE = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
// One thumb's answers to the seven statements of trygghet_ledergruppe, in the file's order.
const ANSWERS = [6, 2, 5, 3, 7, 6, 5];

let child, childExit, dataDir, base, joinUrl, ctl, browser;
let stderr = '';

function startServer() {
  if (!BIN) throw new Error('SAMLING_BIN is not set: point it at the built samling binary');
  dataDir = mkdtempSync(join(tmpdir(), 'samling-pulse-'));
  child = spawn(BIN, ['--headless', '--new', '--port', '0', '--host', '127.0.0.1', '--control-port', '0',
    '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  childExit = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ? signal : code)));
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no join line within 15 s\n' + stderr)), 15000);
    child.on('exit', (c, s) => reject(new Error(`samling exited with ${s || c}\n${stderr}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^samling: participants join at (http:\/\/\S+)$/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      resolve(m[1]);
    });
  });
}

async function shot(p, name) {
  await p.screenshot({ path: join(ARTIFACTS, name + '.png') });
  if (!(await p.evaluate(() => !!window.axe))) await p.evaluate(AXE);
  const violations = await p.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => v.id + ': ' + v.help + ' — ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
  });
  assert.deepEqual(violations, [], `axe-core on ${name}`);
}

async function phone() {
  const p = await (await browser.newContext(PHONE)).newPage();
  const problems = [];
  p.on('pageerror', (e) => problems.push(e.message));
  await p.goto(joinUrl);
  await p.locator('#group-list button').first().tap();
  await p.locator('#screen-write').waitFor();
  const session = await p.evaluate(() => JSON.parse(localStorage.getItem('samling.session')));
  return { p, token: session.token, problems };
}

async function state(token) {
  const res = await fetch(base + '/api/state', { headers: { Authorization: 'Bearer ' + token } });
  assert.equal(res.status, 200);
  return (await res.json()).activity;
}

// The phone's activity once check(activity) holds, asked at a phone's pace (the server limits polls).
async function stateWhen(token, check, what) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const act = await state(token);
    if (check(act)) return act;
    if (Date.now() > deadline) throw new Error('timed out waiting until ' + what + ': ' + JSON.stringify(act.my_answers));
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a pulse on the phone', () => {
  let first, second;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    joinUrl = await startServer();
    base = new URL(joinUrl).origin;
    ctl = JSON.parse(readFileSync(join(dataDir, 'control.json'), 'utf8'));
    const group = (await postCommand(ctl, { command: 'add_group', name: 'Ås oppvekst' })).subject;
    await postCommand(ctl, { command: 'start_exercise', group, exercise: 'pulse_safety' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    first = await phone();
    second = await phone();
  });

  after(async () => {
    if (browser) await browser.close().catch(() => {});
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await childExit;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows one statement with a scale of large buttons, and says the answers are anonymous', async () => {
    const { p } = first;
    await p.locator('#pulse-statement').waitFor();
    assert.equal(await p.textContent('#pulse-progress'), 'Utsagn 1 av 7');
    assert.equal(await p.textContent('#pulse-statement'),
      'I ledergruppen kan vi ta opp vanskelige saker uten at det blir personlig.');
    assert.match(await p.textContent('.pulse-anonymous'), /anonyme/);
    const points = p.locator('#pulse-scale .point');
    assert.equal(await points.count(), 7);
    for (let i = 0; i < 7; i++) {
      const box = await points.nth(i).boundingBox();
      assert.ok(box.width >= 44 && box.height >= 44, `button ${i + 1} is ${box.width}×${box.height}, under 44×44`);
    }
    assert.match(await p.textContent('#pulse-ends'), /Helt uenig.*Helt enig/);
    await shot(p, 'phone-pulse');
  });

  it('takes seven answers by thumb, one tap each, and thanks the writer', async () => {
    const { p, token } = first;
    for (let i = 0; i < ANSWERS.length; i++) {
      await p.locator('#pulse-progress', { hasText: `Utsagn ${i + 1} av 7` }).waitFor();
      await p.locator('#pulse-scale .point', { hasText: String(ANSWERS[i]) }).tap();
    }
    await p.locator('#pulse-thanks-text', { hasText: 'Takk! Du har svart på alle 7.' }).waitFor();
    const act = await stateWhen(token, (a) => Object.keys(a.my_answers).length === 7, 'seven answers are saved');
    const sent = act.step.statements.map((s) => act.my_answers[s.id]);
    assert.deepEqual(sent, ANSWERS, 'the server holds exactly the answers tapped');
    await shot(p, 'phone-pulse-thanks');
  });

  it('changes an answer from the review: the new one replaces the old', async () => {
    const { p, token } = first;
    await p.locator('#pulse-review').tap();
    await p.locator('#pulse-progress', { hasText: 'Utsagn 1 av 7' }).waitFor();
    assert.equal(await p.getAttribute('#pulse-scale .point.chosen', 'aria-pressed'), 'true');
    assert.equal(await p.textContent('#pulse-scale .point.chosen'), String(ANSWERS[0]));
    await p.locator('#pulse-scale .point', { hasText: '3' }).tap();
    await p.locator('#pulse-progress', { hasText: 'Utsagn 2 av 7' }).waitFor();
    const act = await stateWhen(token, (a) => a.my_answers[a.step.statements[0].id] === 3, 'the change is saved');
    assert.equal(act.my_answers[act.step.statements[0].id], 3);
    assert.equal(Object.keys(act.my_answers).length, 7, 'still one answer per statement');
  });

  it('another phone of the group sees only the count, never the first phone\'s answers', async () => {
    const { p, token } = second;
    const act = await state(token);
    assert.deepEqual(act.my_answers, {});
    assert.equal(act.answered, 1);
    await p.locator('#pulse-answered', { hasText: 'Svar fra 1 i gruppen så langt' }).waitFor({ timeout: 5000 });
    assert.equal(await p.locator('#pulse-scale .point.chosen').count(), 0);
    for (const ph of [first, second]) assert.deepEqual(ph.problems, []);
  });
});

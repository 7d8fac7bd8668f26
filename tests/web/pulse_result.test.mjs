// A pulse's result on the group's own phones: headless Chromium at 390×844 against a real
// `samling --headless`. One phone answers by thumb, the others through the API; the control
// surface only seeds (starts the exercise, moves the step, sets the room's threshold). During the
// pulse no phone gets figures; in the result step, 4 answers say "for få svar", 5 show the bars
// with mean and n; a higher threshold hides them again; the threshold's bad input is refused.
// Each result screen is photographed and checked by axe-core (WCAG 2.x A and AA).
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
const THUMB = [6, 2, 5, 3, 7, 6, 5];

let child, childExit, dataDir, base, joinUrl, ctl, browser, group, code;
let stderr = '';

function startServer() {
  if (!BIN) throw new Error('SAMLING_BIN is not set: point it at the built samling binary');
  dataDir = mkdtempSync(join(tmpdir(), 'samling-pulse-result-'));
  child = spawn(BIN, ['--headless', '--new', '--port', '0', '--host', '127.0.0.1', '--control-port', '0',
    '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  childExit = new Promise((resolve) => child.on('exit', (c, s) => resolve(s ? s : c)));
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
  await p.screenshot({ path: join(ARTIFACTS, name + '.png'), fullPage: true });
  if (!(await p.evaluate(() => !!window.axe))) await p.evaluate(AXE);
  const violations = await p.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => v.id + ': ' + v.help + ' — ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
  });
  assert.deepEqual(violations, [], `axe-core on ${name}`);
}

async function control(body) {
  const res = await fetch(ctl.url + '/control/commands', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + ctl.token, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function api(method, path, token, body) {
  const res = await fetch(base + path, {
    method,
    headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

// A phone that joins and answers through the API: values[i] for statement i.
async function apiPhone(values) {
  const res = await fetch(base + '/api/join', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, group }),
  });
  assert.equal(res.status, 201);
  const { token } = await res.json();
  const act = (await api('GET', '/api/state', token)).body.activity;
  for (let i = 0; i < act.step.statements.length; i++) {
    const r = await api('POST', '/api/answers', token, { statement: act.step.statements[i].id, value: values[i] });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  return token;
}

async function activity(token) {
  return (await api('GET', '/api/state', token)).body.activity;
}

describe('a pulse result on the phones', () => {
  let p, token, problems = [];
  const others = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    joinUrl = await startServer();
    base = new URL(joinUrl).origin;
    ctl = JSON.parse(readFileSync(join(dataDir, 'control.json'), 'utf8'));
    group = (await postCommand(ctl, { command: 'add_group', name: 'Ås oppvekst' })).subject;
    await postCommand(ctl, { command: 'start_exercise', group, exercise: 'pulse_safety' });
    const st = await (await fetch(ctl.url + '/control/state', { headers: { Authorization: 'Bearer ' + ctl.token } })).json();
    code = st.room.code;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    p = await (await browser.newContext(PHONE)).newPage();
    p.on('pageerror', (e) => problems.push(e.message));
    await p.goto(joinUrl);
    await p.locator('#group-list button').first().tap();
    await p.locator('#screen-write').waitFor();
    token = (await p.evaluate(() => JSON.parse(localStorage.getItem('samling.session')))).token;
  });

  after(async () => {
    if (browser) await browser.close().catch(() => {});
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await childExit;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a threshold under 3, over 50 or not a whole number, and keeps 5', async () => {
    for (const threshold of [2, 0, -1, 51, 3.5, '5', null]) {
      const r = await control({ command: 'set_pulse_threshold', threshold });
      assert.ok(r.status === 400 || r.status === 422, `${JSON.stringify(threshold)} → ${r.status}`);
      assert.ok(r.body.error && r.body.error.code, JSON.stringify(r.body));
    }
    const missing = await control({ command: 'set_pulse_threshold' });
    assert.equal(missing.status, 400);
    const st = await (await fetch(ctl.url + '/control/state', { headers: { Authorization: 'Bearer ' + ctl.token } })).json();
    assert.equal(st.pulse_threshold, 5);
  });

  it('gives no figures to any phone while the pulse takes answers', async () => {
    for (let i = 0; i < THUMB.length; i++) {
      await p.locator('#pulse-progress', { hasText: `Utsagn ${i + 1} av 7` }).waitFor();
      await p.locator('#pulse-scale .point', { hasText: String(THUMB[i]) }).tap();
    }
    await p.locator('#pulse-thanks-text', { hasText: 'Takk! Du har svart på alle 7.' }).waitFor();
    others.push(await apiPhone([1, 1, 1, 1, 1, 1, 1]));
    others.push(await apiPhone([4, 4, 4, 4, 4, 4, 4]));
    others.push(await apiPhone([7, 7, 7, 7, 7, 7, 7]));
    for (const t of [token, ...others]) {
      const act = await activity(t);
      assert.equal(act.step.kind, 'pulse');
      assert.equal(act.pulse_result, undefined, 'no result during the pulse');
    }
    assert.equal(await p.locator('#pulse-result').isHidden(), true);
  });

  it('says "for få svar" with four answers in the result step, and shows no figures', async () => {
    await postCommand(ctl, { command: 'go_to_step', group, step: 1 });
    const act = await activity(others[0]);
    assert.equal(act.step.kind, 'reveal');
    assert.deepEqual(act.pulse_result.suppressed, true);
    assert.equal(act.pulse_result.respondents, 4);
    assert.equal(act.pulse_result.threshold, 5);
    assert.deepEqual(act.pulse_result.statements, []);
    assert.equal(act.my_answers, undefined, 'no answers at all after the pulse, not even its own');
    await p.locator('#pulse-result-few-title', { hasText: 'For få svar til å vise resultatet' }).waitFor();
    assert.equal(await p.textContent('#pulse-result-few-why'), 'Svar fra 4 – minst 5 må svare før noe vises.');
    assert.equal(await p.locator('.pr-bar').count(), 0);
    await shot(p, 'phone-pulse-result-too-few');
  });

  it('shows five answers as bars with the mean and n beside each, the same on every phone', async () => {
    await postCommand(ctl, { command: 'go_to_step', group, step: 0 });
    others.push(await apiPhone([2, 3, 4, 5, 6, 7, 1]));
    await postCommand(ctl, { command: 'go_to_step', group, step: 1 });
    const results = await Promise.all([token, ...others].map(activity));
    for (const act of results) assert.deepEqual(act.pulse_result, results[0].pulse_result);
    const r = results[0].pulse_result;
    assert.equal(r.suppressed, false);
    assert.equal(r.respondents, 5);
    assert.equal(r.statements.length, 7);
    // Statement 1: 6, 1, 4, 7, 2 → mean 4.0, each point chosen once but 3 and 5.
    assert.equal(r.statements[0].n, 5);
    assert.equal(r.statements[0].mean, 4);
    assert.deepEqual(r.statements[0].distribution, { 1: 1, 2: 1, 3: 0, 4: 1, 5: 0, 6: 1, 7: 1 });
    assert.match(r.licence, /\S/);
    assert.match(r.citation, /\S/);
    await p.locator('.pr-bar').first().waitFor();
    assert.equal(await p.locator('#pulse-result-list .pr-row').count(), 7);
    assert.equal(await p.locator('.pr-figures').first().textContent(), 'Snitt 4,0 · n = 5');
    assert.equal(await p.locator('#pulse-result-few').isHidden(), true);
    assert.match(await p.textContent('#pulse-result-source'), /^Kilde: /);
    await shot(p, 'phone-pulse-result');
  });

  it('hides the figures again when the room raises the threshold to 6', async () => {
    await postCommand(ctl, { command: 'set_pulse_threshold', threshold: 6 });
    const act = await activity(others[0]);
    assert.equal(act.pulse_result.suppressed, true);
    assert.equal(act.pulse_result.threshold, 6);
    assert.deepEqual(act.pulse_result.statements, []);
    await p.locator('#pulse-result-few-why', { hasText: 'minst 6 må svare' }).waitFor();
    assert.equal(await p.locator('.pr-bar').count(), 0);
    assert.deepEqual(problems, []);
  });
});

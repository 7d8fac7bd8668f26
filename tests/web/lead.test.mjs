// The table lead on real phones: headless Chromium at 390×844 against a real `samling --headless`.
// Two phones join one leader group of problem definition; the control surface only seeds (the
// group, the exercise, the steps, and the facilitator's yes to the first phone's ask, which the
// projector's own key gives in tests/ui/lead_ask_test.sh). The lead, by touch: makes a tema and
// names it again, puts a duplicate in it and merges it, parks a solution, accepts a proposal, types
// the problem statement and saves the run in the log (asked first). The plain phone sees none of
// those controls and its POST is 403 not_lead. The projector's state (the control surface) holds
// the result. The lead's screens are checked by axe-core (WCAG 2.x A and AA).
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

const TIME = 'Vi har ikke tid til å snakke sammen på tvers';
const TIME_AGAIN = 'Ikke tid til samarbeid på tvers';
const SOLUTION = 'Ansett en koordinator';
const PROPOSAL = 'Foreldrene og barna i overgangen';
const STATEMENT = 'For barn i overgangen faller informasjonen mellom tjenestene.';

let child, childExit, dataDir, base, joinUrl, ctl, browser, group;
let stderr = '';

function startServer() {
  if (!BIN) throw new Error('SAMLING_BIN is not set: point it at the built samling binary');
  dataDir = mkdtempSync(join(tmpdir(), 'samling-lead-'));
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

async function phone(name) {
  const p = await (await browser.newContext(PHONE)).newPage();
  const problems = [];
  p.on('pageerror', (e) => problems.push(e.message));
  await p.goto(joinUrl);
  await p.locator('#group-list button').first().waitFor();
  await p.fill('#name-input', name);
  await p.locator('#group-list button').first().tap();
  await p.locator('#screen-write').waitFor();
  const session = await p.evaluate(() => JSON.parse(localStorage.getItem('samling.session')));
  return { p, token: session.token, id: Number(session.token.split('.')[0]), problems };
}

async function write(token, clientId, text) {
  const res = await fetch(base + '/api/notes', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: clientId, text }),
  });
  assert.equal(res.status, 201);
  return (await res.json()).note.id;
}

async function controlState() {
  const res = await fetch(ctl.url + '/control/state', { headers: { Authorization: 'Bearer ' + ctl.token } });
  return (await res.json()).groups.find((g) => g.id === group);
}

// The projector's state once check(group) holds.
async function controlWhen(check, what) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const g = await controlState();
    if (check(g)) return g;
    if (Date.now() > deadline) throw new Error('timed out waiting until ' + what + ': ' + JSON.stringify(g.run));
    await new Promise((r) => setTimeout(r, 150));
  }
}

const card = (p, text) => p.locator('#board-list li.board-card', { hasText: text });

async function assertBigTargets(p, selector) {
  const buttons = p.locator(selector);
  const n = await buttons.count();
  assert.ok(n > 0, 'no ' + selector);
  for (let i = 0; i < n; i++) {
    const box = await buttons.nth(i).boundingBox();
    if (!box) continue; // hidden
    assert.ok(box.width >= 44 && box.height >= 44, `${selector} #${i} is ${box.width}×${box.height}, under 44×44`);
  }
}

describe('the table lead on the phone', () => {
  let lead, plain, notes;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    joinUrl = await startServer();
    base = new URL(joinUrl).origin;
    ctl = JSON.parse(readFileSync(join(dataDir, 'control.json'), 'utf8'));
    group = (await postCommand(ctl, { command: 'add_group', name: 'Ås barnehage' })).subject;
    await postCommand(ctl, { command: 'start_exercise', group, exercise: 'problem_definition' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    lead = await phone('Kari');
    plain = await phone('Ola');
    notes = {
      time: await write(lead.token, 'k1', TIME),
      again: await write(plain.token, 'o1', TIME_AGAIN),
      solution: await write(plain.token, 'o2', SOLUTION),
    };
    await postCommand(ctl, { command: 'go_to_step', group, step: 1 }); // reveal
    await postCommand(ctl, { command: 'go_to_step', group, step: 2 }); // themes: organise
  });

  after(async () => {
    if (browser) await browser.close().catch(() => {});
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await childExit;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('a phone asks to lead, and leads once the facilitator says yes', async () => {
    const { p } = lead;
    await p.locator('#ask-lead').tap();
    await p.locator('#lead-asked').waitFor();
    assert.equal(await p.locator('.lead-arrange').count(), 0, 'no lead controls before the yes');
    assert.equal((await controlState()).lead_asked, lead.id);
    await postCommand(ctl, { command: 'set_lead', group, participant: lead.id }); // the projector's A
    await p.locator('#lead-tools').waitFor();
    await card(p, TIME).locator('.lead-arrange').waitFor();
    await assertBigTargets(p, '.lead-btn');
  });

  it('the plain phone sees no lead controls, and its POST is 403 not_lead', async () => {
    const { p, token } = plain;
    await card(p, SOLUTION).waitFor();
    assert.equal(await p.locator('.lead-btn:visible').count(), 0);
    assert.ok(await p.locator('#ask-lead').isHidden(), 'the table has a lead: nobody else asks');
    const answer = await p.evaluate(async (t) => {
      const res = await fetch('/api/lead/commands', {
        method: 'POST',
        headers: { Authorization: 'Bearer ' + t, 'Content-Type': 'application/json' },
        body: JSON.stringify({ command: 'place_note', note: 1, zone: 'parking' }),
      });
      return { status: res.status, body: await res.json() };
    }, token);
    assert.equal(answer.status, 403);
    assert.equal(answer.body.error.code, 'not_lead');
  });

  it('the lead makes a tema, names it again, puts the duplicate in it, merges it and parks a solution', async () => {
    const { p } = lead;
    await card(p, TIME).locator('.lead-arrange').tap();
    await p.locator('#lead-sheet .lead-new-theme').tap();
    await p.fill('#lead-theme-name', 'Tid');
    await p.locator('#lead-sheet .lead-save-name').tap();
    await p.locator('#board-list .cluster-head', { hasText: 'Tid' }).waitFor();

    await p.locator('#board-list .cluster-head .lead-rename').tap();
    await p.fill('#board-list .cluster-head input', 'Tid og rom');
    await p.locator('#board-list .cluster-head .lead-save-name').tap();
    await p.locator('#board-list .cluster-head', { hasText: 'Tid og rom' }).waitFor();

    await card(p, TIME_AGAIN).locator('.lead-arrange').tap();
    await p.locator('#lead-sheet .lead-into', { hasText: 'Tid og rom' }).tap();
    await controlWhen((g) => g.run.notes.find((n) => n.id === notes.again).cluster !== 0, 'the duplicate is in the tema');

    await card(p, TIME_AGAIN).locator('.lead-arrange').tap();
    await p.locator('#lead-sheet .lead-merge').tap();
    await p.locator('#lead-merge-bar').waitFor();
    await card(p, TIME).locator('.lead-merge-here').tap();
    await card(p, TIME_AGAIN).waitFor({ state: 'detached' });

    await card(p, SOLUTION).locator('.lead-arrange').tap();
    await assertBigTargets(p, '#lead-sheet .lead-btn');
    await shot(p, 'phone-lead-sheet');
    await p.locator('#lead-sheet .lead-park').tap();
    await p.locator('#board-list .zone-head', { hasText: 'Parkert' }).waitFor();
    await p.locator('#board').scrollIntoViewIfNeeded();
    await shot(p, 'phone-lead-board');

    // The projector's state: one tema named by the lead, the duplicate folded in, the solution parked.
    const g = await controlWhen((x) => x.run.notes.find((n) => n.id === notes.solution).zone === 'parking', 'parked');
    assert.deepEqual(g.run.clusters.map((c) => c.name), ['Tid og rom']);
    const time = g.run.notes.find((n) => n.id === notes.time);
    assert.equal(time.cluster, g.run.clusters[0].id);
    assert.equal(time.merged, 1);
    assert.equal(g.run.notes.find((n) => n.id === notes.again), undefined, 'a merged note leaves the board');
    // The plain phone follows, still with no controls.
    await plain.p.locator('#board-list .cluster-head', { hasText: 'Tid og rom' }).waitFor();
    assert.equal(await plain.p.locator('.lead-btn:visible').count(), 0);
  });

  it('the lead accepts a proposal, types the statement and saves the run in the log, asked first', async () => {
    await postCommand(ctl, { command: 'go_to_step', group, step: 3 }); // vote
    await postCommand(ctl, { command: 'go_to_step', group, step: 4 }); // conclude
    await write(plain.token, 'o3', PROPOSAL);
    const { p } = lead;
    await p.locator('#lead-conclusion').waitFor();
    await p.locator('#proposal-list .lead-use', { hasText: 'Hvem rammes?' }).tap();
    await controlWhen((g) => g.run.conclusion.affected === PROPOSAL, 'the proposal is the conclusion\'s "who"');
    await p.fill('#lead-field-statement', STATEMENT);
    await p.locator('#lead-field-list .lead-field', { has: p.locator('#lead-field-statement') })
      .locator('.lead-save-field').tap();
    await controlWhen((g) => g.run.conclusion.statement === STATEMENT, 'the statement is saved');

    await p.locator('#lead-save-run').tap();
    await p.locator('#lead-save-ask').waitFor();
    await p.locator('#lead').scrollIntoViewIfNeeded();
    assert.equal((await controlState()).run.concluded_at, 0, 'nothing is saved before the yes');
    await shot(p, 'phone-lead-conclude');
    await p.locator('#lead-save-yes').tap();
    await p.locator('#toast', { hasText: 'Lagret i prosjektloggen.' }).waitFor();
    const g = await controlWhen((x) => x.run.concluded_at > 0, 'the run is in the log');
    assert.equal(g.log.length, 1);
    assert.deepEqual(lead.problems, []);
    assert.deepEqual(plain.problems, []);
  });
});

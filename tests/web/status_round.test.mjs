// A status round on a real phone: headless Chromium at 390×844 against a real `samling --headless`.
// Seeded through the API and the control surface: a group's goals and measures with two
// measures, one owned by "Kari", concluded; then "status_round". Kari's phone shows her measure
// first, she gives both a status by thumb and a line of what happened, and the server has them;
// then her measure's indicator figure, typed with a Norwegian comma.
// Each screen photographed is checked by axe-core (WCAG 2.x A and AA).
// Env: SAMLING_BIN (the built app), SAMLING_ARTIFACTS (screenshots; created if missing).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PHONE, launchChromium, startSamling, shot } from './samling_browser.mjs';
import { postCommand } from './control_surface.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = process.env.SAMLING_ARTIFACTS || join(here, 'artifacts');

let app, browser;

async function api(token, method, path, body) {
  const res = await fetch(app.base + path, {
    method,
    headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

// The measures' statuses as the server has them, once check(measures) holds.
async function measuresWhen(token, check, what) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const { body } = await api(token, 'GET', '/api/state');
    if (check(body.activity.measures)) return body.activity.measures;
    if (Date.now() > deadline) throw new Error('timed out waiting until ' + what);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a status round on the phone', () => {
  let p, token;
  const problems = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startSamling(process.env.SAMLING_BIN, 'status');
    const group = (await postCommand(app.ctl, { command: 'add_group', name: 'Oppvekst Nordvik' })).subject;
    await postCommand(app.ctl, { command: 'start_exercise', group, exercise: 'goals_measures' });
    await postCommand(app.ctl, { command: 'go_to_step', group, step: 2 });
    const join = await fetch(app.base + '/api/join', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: app.code, group, name: 'Skriver' }),
    });
    const writer = (await join.json()).token;
    for (const [text, owner] of [['Ukentlig tverrfaglig møte', 'Ola'], ['Felles kartlegging av alle 5-åringer', 'Kari']]) {
      const r = await api(writer, 'POST', '/api/notes', {
        client_id: text, text, zone: 'measures', fields: { owner, start: '2026-09-01', indicator: 'Andel med vedtak' },
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
    await postCommand(app.ctl, { command: 'conclude_run', group });
    await postCommand(app.ctl, { command: 'start_exercise', group, exercise: 'status_round' });
    browser = await launchChromium();
    p = await (await browser.newContext(PHONE)).newPage();
    p.on('pageerror', (e) => problems.push(e.message));
    await p.goto(app.joinUrl);
    await p.locator('#name-input').fill('kari');
    await p.locator('#group-list button').first().tap();
    await p.locator('#screen-write').waitFor();
    token = (await p.evaluate(() => JSON.parse(localStorage.getItem('samling.session')))).token;
  });

  after(async () => {
    if (browser) await browser.close().catch(() => {});
    if (app) await app.stop();
  });

  it('shows a card per open measure, the owner\'s first, with four large status buttons', async () => {
    await p.locator('#status-list .status-card').nth(1).waitFor();
    const cards = p.locator('#status-list .status-card');
    assert.equal(await cards.count(), 2);
    assert.equal(await cards.nth(0).locator('h3').textContent(), 'Felles kartlegging av alle 5-åringer');
    assert.match(await cards.nth(0).textContent(), /Ditt tiltak/);
    assert.match(await cards.nth(0).textContent(), /Eier: Kari/);
    const buttons = cards.nth(0).locator('.status-button');
    assert.deepEqual(await buttons.allTextContents(), ['Ikke startet', 'I gang', 'Gjennomført', 'Stoppet']);
    for (let i = 0; i < 4; i++) {
      const box = await buttons.nth(i).boundingBox();
      assert.ok(box.width >= 44 && box.height >= 44, `button ${i} is ${box.width}×${box.height}, under 44×44`);
    }
    await shot(p, ARTIFACTS, 'phone-status-round');
  });

  it('takes a status by thumb and a line of what happened, and the server has both', async () => {
    const mine = p.locator('#status-list .status-card').nth(0);
    await mine.locator('input.status-line').fill('Startet på to skoler');
    // A slow Wi-Fi, as below: poll answers take 0.6 s, so cards are drawn between save and view.
    const slowPolls = async (route) => { await new Promise((r) => setTimeout(r, 600)); await route.continue(); };
    await p.route('**/api/state*', slowPolls);
    await mine.locator('.status-button', { hasText: 'I gang' }).tap();
    const other = p.locator('#status-list .status-card').nth(1);
    await other.locator('.status-button', { hasText: 'Stoppet' }).tap();
    const measures = await measuresWhen(token, (ms) => ms.every((m) => m.status), 'both have a status');
    assert.equal(measures[0].status, 'started');
    assert.equal(measures[0].report, 'Startet på to skoler');
    assert.equal(measures[1].status, 'stopped');
    // The status tapped stays chosen from the tap on, through the polls after the save.
    for (let i = 0; i < 15; i++) {
      const chosen = await p.evaluate(() =>
        document.querySelector('#status-list .status-card [aria-pressed="true"]')?.textContent ?? '(none)');
      assert.equal(chosen, 'I gang', `the chosen status after ${i * 100} ms`);
      await p.waitForTimeout(100);
    }
    await p.unroute('**/api/state*', slowPolls);
    // The line changed alone goes with the status already chosen.
    await p.locator('#status-list .status-card').nth(0).locator('input.status-line').fill('Startet på tre skoler');
    await p.locator('#status-list .status-card').nth(0).locator('.status-save').tap();
    await measuresWhen(token, (ms) => ms[0].report === 'Startet på tre skoler', 'the line is saved');
    await shot(p, ARTIFACTS, 'phone-status-round-reported');
    assert.deepEqual(problems, []);
  });

  it('takes an indicator\'s figure by thumb: "16,5" is 16.5, a word is refused in words', async () => {
    const mine = p.locator('#status-list .status-card').nth(0);
    const value = mine.getByLabel('Andel med vedtak', { exact: true });
    assert.equal(await value.getAttribute('inputmode'), 'decimal');
    await value.fill('seksten');
    await mine.locator('.indicator-save').tap();
    await mine.locator('.indicator .error', { hasText: 'skriv et tall' }).waitFor();
    assert.equal(await mine.getByLabel('Andel med vedtak', { exact: true }).inputValue(), 'seksten');
    await mine.getByLabel('Andel med vedtak', { exact: true }).fill('16,5');
    await mine.getByLabel('Enhet').fill('%');
    await mine.locator('.indicator-more summary').tap();
    await mine.getByLabel('Utgangspunkt').fill('18');
    await mine.getByLabel('Mål', { exact: true }).fill('7');
    await mine.getByLabel('Kilde', { exact: true }).fill('GSI 2025/26');
    // A slow Wi-Fi: every poll answer takes 0.6 s to arrive, so the card is drawn after the save
    // while the next view is still on its way.
    const slowPolls = async (route) => { await new Promise((r) => setTimeout(r, 600)); await route.continue(); };
    await p.route('**/api/state*', slowPolls);
    await mine.locator('.indicator-save').tap();
    const measures = await measuresWhen(token, (ms) => ms[0].indicator.value !== null, 'the figure is saved');
    assert.deepEqual(measures[0].indicator,
      { name: 'Andel med vedtak', unit: '%', source: 'GSI 2025/26', baseline: 18, target: 7, value: 16.5 });
    await p.locator('#status-list .status-card').nth(0).locator('.indicator', { hasText: 'Tallet er lagret' }).waitFor();
    // From "Tallet er lagret" on, the fields never blink empty: they keep what was typed until a
    // view newer than the save draws the server's figures, the same (polls come every 0.9 s).
    const card = p.locator('#status-list .status-card').nth(0);
    for (let i = 0; i < 25; i++) {
      assert.equal(await card.getByLabel('Andel med vedtak', { exact: true }).inputValue(), '16,5', `the value after ${i * 100} ms`);
      assert.equal(await card.getByLabel('Kilde', { exact: true }).inputValue(), 'GSI 2025/26', `the source after ${i * 100} ms`);
      await p.waitForTimeout(100);
    }
    await p.unroute('**/api/state*', slowPolls);
    await p.locator('#status-list .status-card').nth(0).locator('.indicator').scrollIntoViewIfNeeded();
    await shot(p, ARTIFACTS, 'phone-status-round-indicator');
    assert.deepEqual(problems, []);
  });
});

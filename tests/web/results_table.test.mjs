// The vote's results on a plain phone and the table screen, in headless Chromium against a real
// `samling --headless` (issue 10). Three phones of one group write and vote; the facilitator
// (the control surface, only seeding steps) moves the group on. A phone at 390×844 sees each
// card's dots and the top ones marked once the vote is over, and neither before or during it.
// The table screen at 1280×720, opened from the link /control/state gives for the group,
// follows the steps by itself and never shows a hidden note or a running total. Both screens
// are photographed and checked by axe-core (WCAG 2.x A and AA).
// Env: SAMLING_BIN (the built app), SAMLING_ARTIFACTS (screenshots; created if missing).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postCommand } from './control_surface.mjs';
import { PHONE, launchChromium, startSamling, shot as shotOf } from './samling_browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = process.env.SAMLING_ARTIFACTS || join(here, 'artifacts');
const TV = { viewport: { width: 1280, height: 720 } };

const WINNER = 'Beskjeder mellom barnehage og skole blir borte';
const TWIN = 'Informasjon forsvinner i overgangen';
const SECOND = 'Ingen eier helheten for familien';
const THIRD = 'Vi møtes for sjelden på tvers';
const QUIET = 'Ventetid på PPT';

let samling, base, joinUrl, code, ctl, browser, group;
const problems = [];
const shot = (p, name) => shotOf(p, ARTIFACTS, name);

function watch(p) {
  p.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  p.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  return p;
}

// A phone that joined the group from the QR link, with its token.
async function phone() {
  const p = watch(await (await browser.newContext(PHONE)).newPage());
  await p.goto(joinUrl);
  await p.locator('#group-list button').first().tap();
  await p.locator('#screen-write').waitFor();
  const session = await p.evaluate(() => JSON.parse(localStorage.getItem('samling.session')));
  return { p, token: session.token };
}

async function post(token, path, body) {
  const res = await fetch(base + path, {
    method: 'POST', headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 201, `${path} ${JSON.stringify(body)} → ${res.status}`);
  return res.json();
}

async function controlState() {
  const res = await fetch(ctl.url + '/control/state', { headers: { Authorization: 'Bearer ' + ctl.token } });
  assert.equal(res.status, 200);
  return res.json();
}

const card = (p, text) => p.locator('#board-list > li.card').filter({ has: p.locator('.card-text', { hasText: text }) });

describe('vote results on the phone and the table screen', () => {
  let anna, bo, cato, tv, ids;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    samling = await startSamling(process.env.SAMLING_BIN, 'results');
    ({ joinUrl, base, code, ctl } = samling);
    group = (await postCommand(ctl, { command: 'add_group', name: 'Ås barnehage og skole' })).subject;
    await postCommand(ctl, { command: 'start_exercise', group, exercise: 'problem_definition' });
    browser = await launchChromium();
    anna = await phone();
    bo = await phone();
    cato = await phone();
    ids = {};
    for (const [who, text] of [[anna, WINNER], [bo, TWIN], [bo, SECOND], [cato, THIRD], [cato, QUIET]])
      ids[text] = (await post(who.token, '/api/notes', { client_id: text, text })).note.id;
  });

  after(async () => {
    if (browser) await browser.close().catch(() => {});
    if (samling) await samling.stop();
  });

  it('the table screen opens from its link in /control/state and hides the silent writing', async () => {
    const g = (await controlState()).groups.find((x) => x.id === group);
    assert.equal(g.table_url, `${base}/table?room=${code}&group=${group}`);
    tv = watch(await (await browser.newContext(TV)).newPage());
    await tv.goto(g.table_url);
    await tv.locator('#prompt', { hasText: /./ }).waitFor();
    assert.equal(await tv.textContent('#where-group'), 'Ås barnehage og skole');
    assert.equal(await tv.getAttribute('body', 'data-kind'), 'write');
    const text = await tv.textContent('body');
    for (const hidden of [WINNER, TWIN, SECOND, THIRD, QUIET]) assert.ok(!text.includes(hidden), `"${hidden}" is hidden`);
    assert.equal(await tv.locator('.board-card').count(), 0);
    // Large type: the prompt reads from across the table.
    const size = await tv.$eval('#prompt', (e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(size >= 40, `the prompt is ${size}px`);
    // The group's clock runs on the table screen too, counted down between polls.
    await postCommand(ctl, { command: 'timer', group, action: 'start' });
    await tv.locator('#countdown[data-state="running"]').waitFor({ timeout: 3000 });
    assert.match(await tv.textContent('#countdown-time'), /^0[67]:\d\d$/);
    await shot(tv, 'table-screen-write');
  });

  it('the table screen follows the step by itself: the revealed board, no totals in the vote', async () => {
    await postCommand(ctl, { command: 'go_to_step', group, step: 1 });
    await card(tv, WINNER).waitFor({ timeout: 3000 });
    assert.equal(await tv.getAttribute('body', 'data-kind'), 'reveal');
    await postCommand(ctl, { command: 'go_to_step', group, step: 2 });
    // Organising, before the vote: the phone's board carries no results.
    await card(anna.p, SECOND).waitFor({ timeout: 3000 });
    assert.equal(await anna.p.locator('#board-list .result').count(), 0);

    await postCommand(ctl, { command: 'go_to_step', group, step: 3 });
    for (const [who, text] of [[anna, WINNER], [cato, WINNER], [bo, TWIN], [anna, SECOND], [bo, SECOND],
      [cato, THIRD]])
      await post(who.token, '/api/votes', { note: ids[text] });
    // The twin is a duplicate of the winner: merged, its dot counts there.
    await postCommand(ctl, { command: 'merge_notes', keep: ids[WINNER], absorb: ids[TWIN] });
    await card(tv, TWIN).waitFor({ state: 'detached', timeout: 3000 });
    assert.equal(await tv.getAttribute('body', 'data-kind'), 'vote');
    await anna.p.locator('#vote').waitFor({ timeout: 3000 });
    // During the vote: no totals on the table screen, and a voting phone sees its own dots only.
    assert.equal(await tv.locator('.result, .top-mark, .dot-total').count(), 0);
    assert.equal(await anna.p.locator('.top-mark, .dot-total, .result').count(), 0);
  });

  it('after the vote a plain phone shows each card\'s dots and marks the top ones', async () => {
    await postCommand(ctl, { command: 'go_to_step', group, step: 4 });
    const p = cato.p;
    await card(p, WINNER).locator('.top-mark').waitFor({ timeout: 3000 });
    assert.equal(await card(p, WINNER).locator('.top-mark').textContent(), 'Nr. 1');
    assert.equal(await card(p, WINNER).locator('.dot-count').textContent(), '3 prikker');
    assert.equal(await card(p, SECOND).locator('.top-mark').textContent(), 'Nr. 2');
    assert.equal(await card(p, SECOND).locator('.dot-count').textContent(), '2 prikker');
    assert.equal(await card(p, THIRD).locator('.top-mark').textContent(), 'Nr. 3');
    assert.equal(await card(p, THIRD).locator('.dot-count').textContent(), '1 prikk');
    assert.equal(await card(p, QUIET).locator('.top-mark').count(), 0, 'no dots: not among the top');
    assert.equal(await card(p, QUIET).locator('.dot-count').textContent(), '0 prikker');
    // Readable at arm's length: the place is large and on a dark pill.
    const mark = await card(p, WINNER).locator('.top-mark').evaluate((e) => {
      const s = getComputedStyle(e);
      return { size: parseFloat(s.fontSize), bg: s.backgroundColor };
    });
    assert.ok(mark.size >= 18, `the place is ${mark.size}px`);
    await card(p, WINNER).scrollIntoViewIfNeeded();
    await shot(p, 'phone-results');
  });

  it('the table screen shows the same results, large, and passes axe-core', async () => {
    await card(tv, WINNER).locator('.top-mark').waitFor({ timeout: 3000 });
    const marks = await tv.$$eval('#board-list .top-mark', (els) => els.map((e) => e.textContent));
    assert.deepEqual(marks.sort(), ['Nr. 1', 'Nr. 2', 'Nr. 3']);
    assert.equal(await card(tv, WINNER).locator('.dot-count').textContent(), '3 prikker');
    assert.equal(await tv.getAttribute('body', 'data-kind'), 'conclude');
    const size = await card(tv, WINNER).locator('.card-text').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(size >= 28, `card text on the table screen is ${size}px`);
    // The winner is on the screen as it stands, not below the fold of a TV nobody scrolls.
    const box = await card(tv, WINNER).boundingBox();
    assert.ok(box && box.y + box.height <= 720, `the winner's card ends at ${box && box.y + box.height}px of 720`);
    await shot(tv, 'table-screen');
    assert.deepEqual(problems, []);
  });
});

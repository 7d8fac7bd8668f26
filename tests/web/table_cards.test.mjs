// Printed table cards for 27 leader groups, end to end: `samling export --all --format tents`
// beside a running `samling --headless --demo`, every card printed to PDF by one headless
// Chromium (its @page size: A4), rasterised by pdftoppm, and every QR code on it decoded by zbarimg to its
// own group's link. Then a phone (headless Chromium, 390×844) opens one card's link: it asks
// "Bli med i «…»?" once, one tap joins that group (checked on the control surface), a reload
// does not ask again; "Velg en annen gruppe" shows the list instead. axe-core on the question.
// Env: SAMLING_BIN (the built app), SAMLING_ARTIFACTS (screenshots and the first card's page).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { postCommand } from './control_surface.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = process.env.SAMLING_BIN;
const ARTIFACTS = process.env.SAMLING_ARTIFACTS || join(here, 'artifacts');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const AXE = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let child, dataDir, joinUrl, ctl, browser, cards, port, code;
let stderr = '';

function startServer() {
  if (!BIN) throw new Error('SAMLING_BIN is not set: point it at the built samling binary');
  dataDir = mkdtempSync(join(tmpdir(), 'samling-tents-'));
  child = spawn(BIN, ['--headless', '--demo', '--port', '0', '--host', '127.0.0.1', '--control-port', '0',
    '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('samling did not start:\n' + stderr)), 15000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^samling: participants join at (http:\/\/\S+)$/.exec(line);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
  });
}

async function controlState() {
  const res = await fetch(ctl.url + '/control/state', { headers: { Authorization: 'Bearer ' + ctl.token } });
  return res.json();
}

async function axe(p, name) {
  await p.screenshot({ path: join(ARTIFACTS, name + '.png') });
  await p.evaluate(AXE);
  const violations = await p.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => v.id + ': ' + v.help + ' — ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
  });
  assert.deepEqual(violations, [], `axe-core on ${name}`);
}

describe('table cards for 27 groups', () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    joinUrl = await startServer();
    const u = new URL(joinUrl);
    port = u.port;
    code = u.searchParams.get('room');
    ctl = JSON.parse(readFileSync(join(dataDir, 'control.json'), 'utf8'));
    for (let i = 4; i <= 26; i++) await postCommand(ctl, { command: 'add_group', name: `Ledergruppe ${i}` });
    await postCommand(ctl, { command: 'add_group', name: 'Ås barnehage' });
    cards = join(dataDir, 'tents');
    const out = execFileSync(BIN, ['export', '--all', '--format', 'tents', '--out', cards, '--data-dir', dataDir,
      '--host', '127.0.0.1', '--port', port, '--wifi', 'Kommune-Gjest'], { encoding: 'utf8' });
    assert.match(out, /27 table cards/);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    if (browser) await browser.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      await exited; // its last writes done before the folder goes
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints every card to one A4 page whose two QR codes open its own group', async () => {
    const groups = (await controlState()).groups.map((g) => ({ id: g.id, name: g.name }));
    const files = readdirSync(cards).filter((f) => f.endsWith('.html')).sort();
    assert.equal(files.length, 27, 'one card per group');
    const pdfs = join(dataDir, 'pdf');
    mkdirSync(pdfs);
    // One browser prints them all, as a facilitator's would; the page's own @page size decides.
    const printer = await browser.newPage();
    for (const [i, file] of files.entries()) {
      const pdf = join(pdfs, file.replace(/\.html$/, '.pdf'));
      await printer.goto('file://' + join(cards, file));
      await printer.pdf({ path: pdf, preferCSSPageSize: true });
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      assert.match(info, /Pages:\s+1\n/, `${file}: one page`);
      assert.match(info, /Page size:\s+59[45].\d+ x 84[12].\d+ pts \(A4\)/, `${file}: A4`);
      const png = join(pdfs, `card-${i + 1}`);
      execFileSync('pdftoppm', ['-r', '110', '-png', '-singlefile', pdf, png]);
      const links = execFileSync('zbarimg', ['--raw', '-q', png + '.png'], { encoding: 'utf8' }).trim().split('\n');
      const want = `http://127.0.0.1:${port}/?room=${code}&group=${groups[i].id}`;
      assert.deepEqual(links, [want, want], `${file}: both halves' QR codes open ${groups[i].name}`);
      const html = readFileSync(join(cards, file), 'utf8');
      assert.ok(html.includes(code.toUpperCase()), `${file}: the room code in large type`);
      assert.ok(html.includes('127.0.0.1:' + port) && html.includes('«Kommune-Gjest»'), `${file}: address and Wi-Fi`);
      assert.ok(html.includes(`http://127.0.0.1:${port}/table?room=${code}&amp;group=${groups[i].id}`),
        `${file}: the group's table screen address`);
      if (i === 26) {
        assert.ok(html.includes('Ås barnehage'), 'the 27th card is Ås barnehage\'s');
        copyFileSync(png + '.png', join(ARTIFACTS, 'table-card.png'));
      }
    }
    await printer.close();
  });

  it('a phone opening a card asks once and joins that group in one tap', async () => {
    const state = await controlState();
    const as = state.groups.find((g) => g.name === 'Ås barnehage');
    const link = `http://127.0.0.1:${port}/?room=${code}&group=${as.id}`;
    const context = await browser.newContext(PHONE);
    const p = await context.newPage();
    await p.goto(link);
    await p.waitForSelector('#join-ask:not([hidden])');
    assert.equal(await p.textContent('#join-ask-text'), 'Bli med i «Ås barnehage»?');
    assert.ok(await p.isHidden('#group-list'), 'the list of 27 is not shown');
    await axe(p, 'phone-table-card-ask');
    await p.tap('#join-ask-yes');
    await p.waitForSelector('#screen-write:not([hidden])');
    const joined = (await controlState()).participants.filter((x) => x.group === as.id);
    assert.equal(joined.length, 1, 'one tap: one participant in Ås barnehage');
    assert.ok(!new URL(p.url()).searchParams.has('group'), 'the question is answered: the link forgets the group');
    await p.reload();
    await p.waitForSelector('#screen-write:not([hidden])');
    assert.ok(await p.isHidden('#join-ask'), 'a reload does not ask again');
    await p.screenshot({ path: join(ARTIFACTS, 'phone-table-card-joined.png') });
    await context.close();
  });

  it('"Velg en annen gruppe" shows every group instead; an unknown group shows the list', async () => {
    const state = await controlState();
    const before = state.participants.length;
    const context = await browser.newContext(PHONE);
    const p = await context.newPage();
    await p.goto(`http://127.0.0.1:${port}/?room=${code}&group=${state.groups[3].id}`);
    await p.waitForSelector('#join-ask:not([hidden])');
    await p.tap('#join-ask-other');
    await p.waitForSelector('#join-choose:not([hidden])');
    assert.equal(await p.locator('#group-list button').count(), 27);
    assert.ok(await p.isHidden('#join-ask'));
    await p.goto(`http://127.0.0.1:${port}/?room=${code}&group=999999`);
    await p.waitForSelector('#join-choose:not([hidden])');
    assert.ok(await p.isHidden('#join-ask'), 'a card of a group gone: the list, no question');
    assert.equal((await controlState()).participants.length, before, 'nobody joined by looking');
    await context.close();
  });
});

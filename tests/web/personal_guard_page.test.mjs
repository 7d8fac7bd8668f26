// The guard against personal data on the phone page, in headless Chromium at 390×844 against a
// real `samling --headless --demo`: a note with a fødselsnummer is refused on the phone with its
// reason and never reaches the server; a name with an age asks the writer to rephrase, "Skriv om"
// keeps the text, "Send likevel" sends it. The warning is photographed and checked by axe-core.
// Env: SAMLING_BIN (the built app), SAMLING_ARTIFACTS (screenshots; created if missing).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = process.env.SAMLING_BIN;
const ARTIFACTS = process.env.SAMLING_ARTIFACTS || join(here, 'artifacts');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const AXE = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

const NUMBER_NOTE = 'Eleven med fnr 01019012480 får ikke plass';
const SOFT_NOTE = 'Per (7) i 2B venter fortsatt på PPT';

let child;
let dataDir;
let base;
let browser;
let page;
let token;
const problems = [];

function startServer() {
  dataDir = mkdtempSync(join(tmpdir(), 'samling-guard-'));
  child = spawn(BIN, ['--headless', '--demo', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('samling gave no join line within 15 s')), 15000);
    child.on('exit', (c) => reject(new Error(`samling exited with ${c}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^samling: participants join at (http:\/\/\S+)$/.exec(line);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
  });
}

// The texts of the notes the server holds for this phone.
async function serverNotes() {
  const res = await fetch(base + '/api/state', { headers: { Authorization: 'Bearer ' + token } });
  assert.equal(res.status, 200);
  return (await res.json()).notes.map((n) => n.text);
}

async function axe(name) {
  await page.screenshot({ path: join(ARTIFACTS, name + '.png') });
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => (await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  })).violations.map((v) => v.id + ': ' + v.help + ' — ' + v.nodes.map((n) => n.target.join(' ')).join(', ')));
  assert.deepEqual(violations, [], `axe-core on ${name}`);
}

describe('the phone guards against personal data', () => {
  before(async () => {
    assert.ok(BIN, 'SAMLING_BIN is not set: point it at the built samling binary');
    mkdirSync(ARTIFACTS, { recursive: true });
    const joinUrl = await startServer();
    base = new URL(joinUrl).origin;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    page = await (await browser.newContext(PHONE)).newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(joinUrl);
    await page.locator('#group-list button').first().click();
    await page.locator('#note-text').waitFor();
    token = (await page.evaluate(() => JSON.parse(localStorage.getItem('samling.session')))).token;
  });

  after(async () => {
    if (browser) await browser.close().catch(() => {});
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a note with a fødselsnummer on the phone, says why, and sends nothing', async () => {
    await page.fill('#note-text', NUMBER_NOTE);
    await page.click('#send');
    await page.locator('#guard').waitFor();
    assert.equal(await page.textContent('#guard-title'), 'Fødselsnummer kan ikke sendes');
    assert.match(await page.textContent('#guard-text'), /fødselsnummer, D-nummer eller H-nummer/);
    assert.ok(await page.locator('#guard-send').isHidden(), 'no "Send likevel" for a number');
    assert.equal(await page.inputValue('#note-text'), NUMBER_NOTE, 'the text stays to be rewritten');
    await axe('phone-guard-number');
    await page.click('#guard-rewrite');
    assert.ok(await page.locator('#guard').isHidden());
    assert.equal(await page.evaluate(() => document.activeElement.id), 'note-text');
    await page.click('#send'); // sending again asks again: never sent
    await page.locator('#guard').waitFor();
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(await serverNotes(), []);
    assert.equal(await page.locator('#note-list > li').count(), 0);
  });

  it('asks to rephrase a name with an age, and "Send likevel" sends it', async () => {
    await page.fill('#note-text', SOFT_NOTE);
    assert.ok(await page.locator('#guard').isHidden(), 'typing takes the last warning away');
    await page.click('#send');
    await page.locator('#guard-send').waitFor();
    assert.equal(await page.textContent('#guard-title'), 'Handler lappen om én bestemt person?');
    assert.match(await page.textContent('#guard-text'), /«et barn på 1\. trinn»/);
    assert.equal(await page.textContent('#guard-rules'), 'Den har et navn med alder eller klasse.');
    assert.equal(await page.textContent('#guard-send'), 'Send likevel');
    assert.equal(await page.textContent('#guard-rewrite'), 'Skriv om');
    await axe('phone-guard-warning');
    assert.deepEqual(await serverNotes(), [], 'nothing is sent while the writer decides');

    await page.click('#guard-send');
    await page.locator('#note-list > li[data-state="saved"]', { hasText: SOFT_NOTE }).waitFor({ timeout: 5000 });
    assert.deepEqual(await serverNotes(), [SOFT_NOTE]);
    assert.equal(await page.inputValue('#note-text'), '');
    assert.deepEqual(problems, []);
  });
});

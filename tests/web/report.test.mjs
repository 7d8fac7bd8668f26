// The exported project log in headless Chromium: open the self-contained HTML from disk,
// print it to an A4 PDF as a leader would, render the pages to PNG for a person to look at,
// and check the PDF's text holds the group and its problem statement.
// Env: SAMLING_EXPORT_SAMPLE (a folder the export doctest wrote; required),
//      SAMLING_ARTIFACTS (the PDF and page PNGs go here; created if missing).
// Needs Debian's chromium and poppler-utils (pdftoppm, pdftotext).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = process.env.SAMLING_EXPORT_SAMPLE;
const ARTIFACTS = process.env.SAMLING_ARTIFACTS || join(here, 'artifacts');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// What the sample export (tests/export_html.cpp) holds.
const GROUP = 'Oppvekst Nordvik';
const STATEMENT = 'For familier med barn i overgangen mellom barnehage og skole faller informasjonen mellom tjenestene';

let browser;

function pdfText(pdf) {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

// Prints `file` to A4 PDF and PNG pages named `<name>-page-N.png`; returns the PDF's path.
async function printToPdf(file, name) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  assert.deepEqual(requests, [], 'an exported page must fetch nothing');
  const images = await page.$$eval('img', (els) => els.map((e) => ({ ok: e.complete && e.naturalWidth > 0, src: e.src.slice(0, 22) })));
  for (const img of images) {
    assert.ok(img.ok, 'every picture decodes');
    assert.equal(img.src, 'data:image/png;base64,');
  }
  const pdf = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: 'A4' }));
  await context.close();
  for (const f of readdirSync(ARTIFACTS)) if (f.startsWith(`${name}-page`) && f.endsWith('.png')) rmSync(join(ARTIFACTS, f));
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(ARTIFACTS, `${name}-page`)]);
  return pdf;
}

function pagesOf(name) {
  return readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-page`) && f.endsWith('.png')).sort();
}

describe('exported project log, printed to A4', () => {
  before(async () => {
    if (!SAMPLE) throw new Error('SAMLING_EXPORT_SAMPLE is not set: run export_tests with it first');
    if (!existsSync(join(SAMPLE, 'oppvekst-nordvik.html')))
      throw new Error(`no sample export in ${SAMPLE}: run export_tests with SAMLING_EXPORT_SAMPLE=${SAMPLE} first`);
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });
  after(async () => { if (browser) await browser.close(); });

  it('the group log prints to A4 pages holding the group and its problem statement', async () => {
    const pdf = await printToPdf(join(SAMPLE, 'oppvekst-nordvik.html'), 'report-log');
    assert.ok(pagesOf('report-log').length >= 1, 'at least one page');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    assert.match(info, /Page size:.*\(A4\)/);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    assert.ok(text.includes(GROUP), 'the group name is in the PDF');
    assert.ok(text.includes(STATEMENT), 'the problem statement is in the PDF');
    assert.ok(text.includes('Rektor Kari'), 'a measure\'s owner is in the PDF');
  });

  it('a group with no entries prints a friendly page', async () => {
    const pdf = await printToPdf(join(SAMPLE, 'barnevern-og-ppt.html'), 'report-empty');
    assert.equal(pagesOf('report-empty').length, 1);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    assert.ok(text.includes('Barnevern og PPT'));
    assert.ok(text.includes('Ledergruppen har ikke avsluttet noen øvelser ennå.'));
  });

  it('the gathering report prints each group with its measures, owners and dates', async () => {
    const pdf = await printToPdf(join(SAMPLE, 'gathering-2.html'), 'report-gathering-2');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    assert.ok(text.includes(GROUP));
    assert.ok(text.includes('Styrer Ola Berg'));
    assert.ok(text.includes('15. mars 2027'));
    await printToPdf(join(SAMPLE, 'gathering-1.html'), 'report-gathering-1');
    const first = pdfText(join(ARTIFACTS, 'report-gathering-1.pdf')).replace(/\s+/g, ' ');
    assert.ok(first.includes(STATEMENT));
  });

  it('the log with pulses prints "Endring" with a chart per statement, "for få svar" and the source', async () => {
    const pdf = await printToPdf(join(SAMPLE, 'pulses', 'oppvekst-nordvik.html'), 'report-pulses');
    assert.ok(pagesOf('report-pulses').length >= 2);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    assert.ok(text.includes('Endring'));
    assert.ok(text.includes('Trygghet i ledergruppen'));
    assert.ok(text.includes('I ledergruppen kan vi ta opp vanskelige saker uten at det blir personlig.'));
    assert.ok(text.includes('Samling 1') && text.includes('Samling 2') && text.includes('Samling 3'));
    assert.ok(text.includes('snitt 2,6'), 'gathering 1\'s mean of statement 1');
    assert.ok(text.includes('for få svar'), 'gathering 2 had four answers');
    assert.match(text, /n ?= ?6/, 'n beside the bars');
    assert.match(text, /Kilde: .* Lisens: /);
    await printToPdf(join(SAMPLE, 'pulses', 'gathering-3.html'), 'report-pulses-gathering-3');
    const g3 = pdfText(join(ARTIFACTS, 'report-pulses-gathering-3.pdf')).replace(/\s+/g, ' ');
    assert.ok(g3.includes('Endring') && g3.includes('Samling 3'));
  });

  it('a programme\'s log prints the pulses, each measure\'s status by gathering and the indicator\'s chart', async () => {
    const pdf = await printToPdf(join(SAMPLE, 'measures', 'oppvekst-nordvik.html'), 'report-measures');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const words of ['Endring', 'Trygghet i ledergruppen', 'Tiltakene', 'Felles kartlegging', 'I gang', 'Startet i to',
      'Gjennomført', 'Stoppet', 'Andel elever med vedtak', 'Utgangspunkt', 'Mål',
      'Kilde for utgangspunktet: GSI'])
      assert.ok(text.includes(words), `"${words}" is in the PDF`);
    for (const figure of [/16 ?%/, /12 ?%/, /9 ?%/, /7 ?%/]) assert.match(text, figure); // the PDF may close up the space
    await printToPdf(join(SAMPLE, 'measures', 'gathering-2.html'), 'report-measures-gathering-2');
    const g2 = pdfText(join(ARTIFACTS, 'report-measures-gathering-2.pdf')).replace(/\s+/g, ' ');
    // Table cells wrap, so short words: gathering 2's status is there, gathering 3's is not.
    assert.ok(g2.includes('Startet i to') && !g2.includes('kartlagt'), 'gathering 2 knows no later status');
  });

  it('the Markdown export\'s chart PNG opens in a browser', async () => {
    const png = join(SAMPLE, 'pulses', 'oppvekst-nordvik-images', 'pulse-trygghet_ledergruppe.png');
    const md = readFileSync(join(SAMPLE, 'pulses', 'oppvekst-nordvik.md'), 'utf8');
    assert.ok(md.includes('](oppvekst-nordvik-images/pulse-trygghet_ledergruppe.png)'));
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pathToFileURL(png).href);
    const size = await page.$eval('img', (img) => [img.naturalWidth, img.naturalHeight]);
    assert.ok(size[0] >= 1200 && size[1] >= 1200, `the chart is ${size.join('×')}`);
    await page.screenshot({ path: join(ARTIFACTS, 'report-pulses-markdown-chart.png'), fullPage: true });
    await context.close();
  });

  it('the index links every group log, and the links open', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(SAMPLE, 'index.html')).href);
    const hrefs = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.includes('oppvekst-nordvik.html'));
    assert.ok(hrefs.includes('barnevern-og-ppt.html'));
    assert.ok(hrefs.includes('gathering-1.html'));
    for (const href of hrefs) assert.ok(existsSync(join(SAMPLE, decodeURIComponent(href))), `${href} exists`);
    await context.close();
    readFileSync(join(SAMPLE, 'index.html'));
  });
});

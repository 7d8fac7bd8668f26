// How long a phone takes from opening the QR link to seeing the join screen, over a network
// with the given round-trip latency (Chromium's network emulation), and how many script
// requests and bytes that takes. Run by hand, prints figures; not part of ctest:
//   node tests/bench/phone_load.mjs build/facilitator/samling [--latency 150] [--runs 10]
//        [--share DIR]   (DIR/assets/web instead of the source tree's page, to compare)
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(join(here, '..', 'web', 'package.json'))('playwright-core');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf('--' + name);
  return i >= 0 ? args[i + 1] : fallback;
};
const BIN = args[0];
const LATENCY = Number(opt('latency', 150));
const RUNS = Number(opt('runs', 10));
const SHARE = opt('share', '');
if (!BIN || BIN.startsWith('--')) {
  console.error('usage: node tests/bench/phone_load.mjs SAMLING_BINARY [--latency MS] [--runs N] [--share DIR]');
  process.exit(2);
}

const dataDir = mkdtempSync(join(tmpdir(), 'samling-load-'));
const env = { ...process.env };
if (SHARE) env.SAMLING_SHARE_DIR = SHARE;
const child = spawn(BIN, ['--headless', '--demo', '--port', '0', '--host', '127.0.0.1', '--control-port', '0',
  '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'], env });
const joinUrl = await new Promise((resolve, reject) => {
  child.on('exit', (c) => reject(new Error('samling exited with ' + c)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const m = /^samling: participants join at (http:\/\/\S+)$/.exec(line);
    if (m) resolve(m[1]);
  });
});

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const times = [];
let scripts = 0;
let scriptBytes = 0;
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions',
    { offline: false, latency: LATENCY, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 });
  let n = 0;
  let bytes = 0;
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'script') return;
    n++;
    bytes += Number(r.headers()['content-length'] || 0);
  });
  const start = Date.now();
  await page.goto(joinUrl, { waitUntil: 'commit' });
  await page.locator('#screen-join:not([hidden])').waitFor();
  times.push(Date.now() - start);
  await page.waitForLoadState('networkidle');
  scripts = n;
  scriptBytes = bytes;
  await context.close();
}
await browser.close();
child.kill('SIGINT');
await new Promise((r) => child.on('exit', r));
rmSync(dataDir, { recursive: true, force: true });

times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`page: ${SHARE ? SHARE + '/assets/web' : 'source tree'}; latency ${LATENCY} ms; ${RUNS} runs`);
console.log(`QR link → join screen: median ${median} ms, min ${times[0]} ms, max ${times[times.length - 1]} ms`);
console.log(`scripts: ${scripts} requests, ${scriptBytes} bytes`);

// What a browser test of Samling needs, in one place: Chromium's flags for these machines, a
// phone's viewport, a real `samling --headless --new` on loopback (its join address and the
// control surface's control.json), and a screenshot checked by axe-core (WCAG 2.x A and AA).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const AXE = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export function launchChromium() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

// Starts `bin` on a fresh data folder; resolves to {joinUrl, base, code, ctl, stop()} once it
// prints its join address. stop() kills it and removes the folder.
export function startSamling(bin, name) {
  if (!bin) throw new Error('SAMLING_BIN is not set: point it at the built samling binary');
  const dataDir = mkdtempSync(join(tmpdir(), 'samling-' + name + '-'));
  const child = spawn(bin, ['--headless', '--new', '--port', '0', '--host', '127.0.0.1', '--control-port', '0',
    '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', (c, signal) => resolve(signal || c)));
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no join line within 15 s\n' + stderr)), 15000);
    child.on('exit', (c, s) => reject(new Error(`samling exited with ${s || c}\n${stderr}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^samling: participants join at (http:\/\/\S+)$/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      const url = new URL(m[1]);
      const ctl = JSON.parse(readFileSync(join(dataDir, 'control.json'), 'utf8'));
      resolve({ joinUrl: m[1], base: url.origin, code: url.searchParams.get('room'), ctl, stop });
    });
  });
}

// A screenshot of the page as it is now, then axe-core's WCAG 2.x A and AA rules on it; axe's
// source goes in through the DevTools protocol, so the page's CSP stays as strict as ever.
export async function shot(p, dir, name) {
  await p.screenshot({ path: join(dir, name + '.png') });
  if (!(await p.evaluate(() => !!window.axe))) await p.evaluate(AXE);
  const violations = await p.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => v.id + ': ' + v.help + ' — ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
  });
  assert.deepEqual(violations, [], `axe-core on ${name}`);
}

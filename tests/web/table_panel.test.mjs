// B on the projector: the focused group's table screen. A real window under Xvfb (the demo
// room's three groups); B typed by xdotool opens the panel, zbarimg reads its QR code off a
// screen grab and it must be the group's table link (/control/state's table_url), printed in
// the panel too; Tab shows the next group's; the decoded link, opened in headless Chromium as a
// TV at the table would, shows that group's board. Before B the screen carries no table link.
// Env: SAMLING_BIN (the built app), SAMLING_ARTIFACTS (screenshots; created if missing).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, shot } from './samling_browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = process.env.SAMLING_BIN;
const ARTIFACTS = process.env.SAMLING_ARTIFACTS || join(here, 'artifacts');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let work, runner, env, ctl, base, browser;
let stderr = '';

async function waitFor(what, f, ms = 15000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`${what} within ${ms} ms\n--- samling's stderr ---\n${stderr}`);
    await sleep(100);
  }
}

async function controlState() {
  const res = await fetch(ctl.url + '/control/state', { headers: { Authorization: 'Bearer ' + ctl.token } });
  return res.json();
}

const x = (tool, args) => execFileSync(tool, args, { env, encoding: 'utf8' });

// The table links in a grab of the whole screen, decoded by zbarimg.
function tableLinks(png) {
  x('import', ['-window', 'root', png]);
  let found = '';
  try { found = execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' }); } catch (e) { /* none: exit 4 */ }
  return found.split('\n').filter((l) => l.includes('/table?'));
}

describe('the table screen panel (B)', () => {
  before(async () => {
    if (!BIN) throw new Error('SAMLING_BIN is not set: point it at the built samling binary');
    mkdirSync(ARTIFACTS, { recursive: true });
    work = mkdtempSync(join(tmpdir(), 'samling-table-panel-'));
    const data = join(work, 'data');
    runner = spawn('xvfb-run', ['-a', '-f', join(work, 'xauth'), '-s', '-screen 0 1280x720x24',
      'sh', '-c', 'echo "$DISPLAY" >"$0.display"; exec "$@"', join(work, 'app'),
      BIN, '--demo', '--host', '127.0.0.1', '--port', '0', '--control-port', '0', '--data-dir', data],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    runner.stdout.on('data', (d) => { out += d; });
    runner.stderr.on('data', (d) => { stderr += d; });
    const joinUrl = await waitFor('the join line', () => /participants join at (\S+)/.exec(out)?.[1]);
    base = joinUrl.replace(/\/\?room=.*$/, '');
    await waitFor('control.json', () => existsSync(join(data, 'control.json')));
    ctl = JSON.parse(readFileSync(join(data, 'control.json'), 'utf8'));
    env = { ...process.env, DISPLAY: readFileSync(join(work, 'app.display'), 'utf8').trim(),
      XAUTHORITY: join(work, 'xauth') };
    const win = await waitFor('the window', () => {
      try { return x('xdotool', ['search', '--onlyvisible', '--name', '^Samling$']).trim().split('\n')[0]; } catch (e) { return ''; }
    });
    x('xdotool', ['windowfocus', '--sync', win]);
    browser = await launchChromium();
  });

  after(async () => {
    if (browser) await browser.close();
    if (runner) {
      try { process.kill(-runner.pid, 'SIGINT'); } catch (e) { /* gone */ }
      await new Promise((r) => { runner.on('exit', r); setTimeout(r, 5000); });
    }
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('shows the focused group\'s table link as a QR code, follows Tab, and the link opens that board', async () => {
    const state = await controlState();
    const groups = [...state.groups].sort((a, b) => a.id - b.id);
    assert.ok(groups.length >= 2, 'the demo room has groups');
    assert.equal(groups[0].table_url, `${base}/table?room=${state.room.code}&group=${groups[0].id}`);
    assert.deepEqual(tableLinks(join(ARTIFACTS, 'table_panel_before.png')), [], 'no table link before B');

    x('xdotool', ['key', 'b']);
    const first = await waitFor('a table QR code', () => tableLinks(join(ARTIFACTS, 'table_panel.png'))[0]);
    assert.equal(first, groups[0].table_url, 'B shows the focused (first) group\'s table link');

    x('xdotool', ['key', 'Tab']);
    const second = await waitFor('the next group\'s code',
      () => tableLinks(join(ARTIFACTS, 'table_panel_next.png')).find((l) => l !== first));
    assert.equal(second, groups[1].table_url, 'Tab shows the next group\'s table link');

    x('xdotool', ['key', 'Escape']);
    await waitFor('the panel closed', () => tableLinks(join(ARTIFACTS, 'table_panel_closed.png')).length === 0);

    // The TV at the second group's table opens what the code says.
    const tv = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await tv.goto(second);
    await tv.locator('#where-group', { hasText: groups[1].name }).waitFor({ timeout: 5000 });
    await tv.locator('#prompt', { hasText: /./ }).waitFor({ timeout: 5000 });
    await shot(tv, ARTIFACTS, 'table_panel_tv');
  });
});

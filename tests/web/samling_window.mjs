// A real projector window for a browser test: `samling --demo` on a fresh data folder, in its
// own Xvfb display (xvfb-run -a), with its control surface; xdotool, import and zbarimg on that
// display; the codes a screen grab holds; a clean stop (SIGINT, as Ctrl+C). Used where a test
// reads something off the projector (a QR code) and goes on in Chromium.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Resolves to {base, code, ctl, x(tool, args), codesOnScreen(png), controlState(), stderr(),
// waitFor(what, f, ms), stop()} once the window is up and focused.
export async function startWindow(bin, name) {
  if (!bin) throw new Error('SAMLING_BIN is not set: point it at the built samling binary');
  const work = mkdtempSync(join(tmpdir(), 'samling-' + name + '-'));
  const data = join(work, 'data');
  const runner = spawn('xvfb-run', ['-a', '-f', join(work, 'xauth'), '-s', '-screen 0 1280x720x24',
    'sh', '-c', 'echo "$DISPLAY" >"$0.display"; exec "$@"', join(work, 'app'),
    bin, '--demo', '--host', '127.0.0.1', '--port', '0', '--control-port', '0', '--data-dir', data],
  { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '', err = '';
  runner.stdout.on('data', (d) => { out += d; });
  runner.stderr.on('data', (d) => { err += d; });
  const stop = async () => {
    try { process.kill(-runner.pid, 'SIGINT'); } catch (e) { /* gone */ }
    await new Promise((r) => { runner.on('exit', r); setTimeout(r, 5000); });
    rmSync(work, { recursive: true, force: true });
  };
  const waitFor = async (what, f, ms = 15000) => {
    const end = Date.now() + ms;
    for (;;) {
      const v = await f();
      if (v) return v;
      if (Date.now() > end) throw new Error(`${what} within ${ms} ms\n--- samling's stderr ---\n${err}`);
      await sleep(100);
    }
  };
  try {
    const joinUrl = await waitFor('the join line', () => /participants join at (\S+)/.exec(out)?.[1]);
    await waitFor('control.json', () => existsSync(join(data, 'control.json')));
    const ctl = JSON.parse(readFileSync(join(data, 'control.json'), 'utf8'));
    const env = { ...process.env, DISPLAY: readFileSync(join(work, 'app.display'), 'utf8').trim(),
      XAUTHORITY: join(work, 'xauth') };
    const x = (tool, args) => execFileSync(tool, args, { env, encoding: 'utf8' });
    const win = await waitFor('the window', () => {
      try { return x('xdotool', ['search', '--onlyvisible', '--name', '^Samling$']).trim().split('\n')[0]; } catch (e) { return ''; }
    });
    x('xdotool', ['windowfocus', '--sync', win]);
    return {
      base: joinUrl.replace(/\/\?room=.*$/, ''),
      code: /room=(\w+)/.exec(joinUrl)[1],
      ctl,
      x,
      // The whole screen grabbed into `png`, and every QR code in it (zbarimg), one a line.
      codesOnScreen(png) {
        x('import', ['-window', 'root', png]);
        try { return execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' }).split('\n').filter(Boolean); } catch (e) { return []; }
      },
      async controlState() {
        const res = await fetch(ctl.url + '/control/state', { headers: { Authorization: 'Bearer ' + ctl.token } });
        return res.json();
      },
      stderr: () => err,
      waitFor,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

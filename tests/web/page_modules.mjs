// Imports the phone page's browser-free modules (assets/web: storage, api, outbox, i18n) into
// node for unit tests. They are copied as they are into a temporary folder marked as ES modules:
// assets/web itself has no package.json, since the server would serve it to phones.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const WEB = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'web');

const dir = mkdtempSync(join(tmpdir(), 'samling-page-modules-'));
for (const f of readdirSync(WEB)) if (f.endsWith('.js')) copyFileSync(join(WEB, f), join(dir, f));
writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n');
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

export const pageModule = (name) => import(pathToFileURL(join(dir, name)).href);

// A Storage (getItem, setItem, removeItem) over a Map; `full` makes every write throw, as a
// browser does when the quota is used up.
export function memoryStorage(entries = {}) {
  const m = new Map(Object.entries(entries));
  return {
    full: false,
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem(k, v) {
      if (this.full) throw new Error('QuotaExceededError');
      m.set(k, String(v));
    },
    removeItem: (k) => { m.delete(k); },
    raw: (k) => (m.has(k) ? m.get(k) : null),
  };
}

// Timers and a clock the test moves by hand: advance(ms) runs what falls due, in order.
export function fakeTime(start = 1_700_000_000_000) {
  let now = start;
  let seq = 0;
  const timers = new Map(); // id -> {at, f, ms}
  return {
    now: () => now,
    setTimeout: (f, ms) => {
      timers.set(++seq, { at: now + ms, f, ms });
      return seq;
    },
    clearTimeout: (id) => { timers.delete(id); },
    pending: () => [...timers.values()].map((x) => x.ms),
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, x]) => x.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        await due[1].f();
      }
      now = until;
    },
  };
}

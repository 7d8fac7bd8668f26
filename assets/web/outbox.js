// The outbox: notes written on the phone but not yet confirmed by the server. They are kept in
// storage until the server has them, sent one at a time, each under its own client_id, so a
// repeat after a lost answer gives back the same note instead of a second one. A network
// failure or 5xx is tried again on the next flush; 429 waits its Retry-After; other refusals
// stay on the card until the participant retries or discards them. No DOM: everything is
// handed in (see createOutbox), so node tests can drive it.
import { KEY } from './storage.js';

// A random RFC 4122 version 4 id; `crypto` is handed in by tests.
export function newClientId(c = globalThis.crypto) {
  if (c.randomUUID) return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
}

// deps: store ({load, save}, storage.js), request (api.js), session() → {code, token} or null,
// errorText(answer) → the words for a refusal, onChange() → redraw, onSent(note) → the
// server's note for a confirmed item; optional now, setTimeout, clearTimeout, newId.
// An item: {client_id, code, text, zone, parent, fields, confirm, at, status: sending|failed,
// retryable, error, notBefore}.
export function createOutbox(deps) {
  const { store, request, session, errorText } = deps;
  const onChange = deps.onChange || (() => {});
  const onSent = deps.onSent || (() => {});
  const now = deps.now || (() => Date.now());
  const setTimer = deps.setTimeout || ((f, ms) => setTimeout(f, ms));
  const clearTimer = deps.clearTimeout || ((id) => clearTimeout(id));
  const newId = deps.newId || (() => newClientId());

  let items = store.load(KEY.outbox, []);
  if (!Array.isArray(items)) items = [];
  let flushing = false;
  let flushAgain = false;
  let flushTimer = 0;

  const persist = () => store.save(KEY.outbox, items);

  // Queues a note of the room `code`; the caller then flushes.
  // `confirm`: the writer chose "Send likevel" over the personal-data warning.
  function add({ code, text, zone, parent, fields, confirm }) {
    const item = { client_id: newId(), code, text, at: now(), status: 'sending' };
    if (confirm) item.confirm = true;
    if (fields && Object.keys(fields).length) item.fields = fields;
    if (parent) item.parent = parent; // an answer goes on its parent's zone
    else if (zone) item.zone = zone;
    items.push(item);
    persist();
    return item;
  }

  // Sends every unconfirmed note of this session's room, in order; stops at a network
  // failure (the connection is down: the next flush tries again).
  async function flush() {
    if (flushing) { flushAgain = true; return; }
    flushing = true;
    try {
      do {
        flushAgain = false;
        for (const item of items.slice()) {
          const s = session();
          if (!s || !s.token) return;
          if (item.code !== s.code) continue;
          if (item.status === 'failed' && !item.retryable) continue;
          if (item.notBefore && item.notBefore > now()) continue;
          if (!(await send(item))) break;
        }
      } while (flushAgain);
    } finally {
      flushing = false;
    }
  }

  // True when the next item may be sent at once.
  async function send(item) {
    item.status = 'sending';
    onChange();
    const body = { client_id: item.client_id, text: item.text };
    if (item.zone) body.zone = item.zone;
    if (item.parent) body.parent = item.parent;
    if (item.fields && Object.keys(item.fields).length) body.fields = item.fields;
    if (item.confirm) body.confirm_personal = true;
    const r = await request('POST', '/api/notes', body);
    if (r.ok) {
      items = items.filter((x) => x !== item);
      persist();
      onSent((r.data && r.data.note) || null);
      return true;
    }
    if (r.status === 401) return false; // the session is lost: the note waits for the next join
    if (r.status === 429) {
      item.notBefore = now() + r.retryAfter * 1000;
      clearTimer(flushTimer);
      flushTimer = setTimer(flush, r.retryAfter * 1000 + 50);
      onChange();
      return false;
    }
    item.status = 'failed';
    item.retryable = !!(r.network || r.status >= 500);
    item.error = item.retryable ? '' : errorText(r);
    persist();
    onChange();
    return !item.retryable;
  }

  // The participant's "try again" on a failed card.
  function retry(item) {
    item.status = 'sending';
    item.retryable = true;
    item.notBefore = 0;
    persist();
    onChange();
    return flush();
  }

  function discard(item) {
    items = items.filter((x) => x !== item);
    persist();
    onChange();
  }

  return { items: () => items, add, flush, retry, discard };
}

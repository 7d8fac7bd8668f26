// The phone page's outbox (assets/web/outbox.js) without a browser: a fake server answers each
// POST /api/notes, storage is a Map, timers and the clock move by hand. It checks that a note
// is sent once per client_id, kept until the server has it, retried after a lost connection or
// a 5xx, held back for Retry-After, kept across a reload, and never sent to another room.
import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { pageModule, memoryStorage, fakeTime } from './page_modules.mjs';

const { createOutbox, newClientId } = await pageModule('outbox.js');
const { makeStore, KEY } = await pageModule('storage.js');

const OK = (note) => ({ ok: true, status: 201, data: { note } });
const NETWORK = { ok: false, status: 0, data: null, network: true };
const fail = (status, code, extra) => ({ ok: false, status, data: null, code, message: 'server: ' + code, ...extra });

// A server that answers from a script (one answer per call, the last one repeated), and
// records what it was sent. `hold` makes answers wait until release() is called.
function fakeServer(answers) {
  const calls = [];
  let next = 0;
  const held = [];
  const server = {
    calls,
    hold: false,
    release: () => held.splice(0).forEach((f) => f()),
    request(method, path, body) {
      calls.push({ method, path, body: JSON.parse(JSON.stringify(body)) });
      const a = answers[Math.min(next++, answers.length - 1)];
      const answer = typeof a === 'function' ? a(body) : a;
      if (!server.hold) return Promise.resolve(answer);
      return new Promise((resolve) => held.push(() => resolve(answer)));
    },
  };
  return server;
}

let storage, store, time, session, sent, changes, ids;

function outboxWith(server, extra = {}) {
  return createOutbox({
    store, request: (...a) => server.request(...a), session: () => session,
    errorText: (r) => 'words for ' + r.code, onChange: () => changes++, onSent: (n) => sent.push(n),
    now: time.now, setTimeout: time.setTimeout, clearTimeout: time.clearTimeout,
    newId: () => 'id-' + ++ids, ...extra,
  });
}
const stored = () => JSON.parse(storage.raw(KEY.outbox));

beforeEach(() => {
  storage = memoryStorage();
  store = makeStore(() => storage);
  time = fakeTime();
  session = { code: 'ABC123', token: 'tok' };
  sent = [];
  changes = 0;
  ids = 0;
});

describe('the outbox', () => {
  it('sends a note once under its client_id and forgets it when the server has it', async () => {
    const server = fakeServer([OK({ id: 7, text: 'Hei' })]);
    const box = outboxWith(server);
    const item = box.add({ code: 'ABC123', text: 'Hei', zone: 'inside', fields: { owner: 'Kari' } });
    assert.equal(item.status, 'sending');
    assert.deepEqual(stored().map((x) => x.client_id), ['id-1'], 'kept in storage before it is sent');
    await box.flush();
    assert.deepEqual(server.calls, [{ method: 'POST', path: '/api/notes',
      body: { client_id: 'id-1', text: 'Hei', zone: 'inside', fields: { owner: 'Kari' } } }]);
    assert.deepEqual(box.items(), []);
    assert.deepEqual(stored(), []);
    assert.deepEqual(sent, [{ id: 7, text: 'Hei' }]);
    await box.flush();
    assert.equal(server.calls.length, 1, 'a confirmed note is never sent again');
  });

  it('an answer to a "why?" goes under its parent and carries no zone', async () => {
    const server = fakeServer([OK({ id: 8 })]);
    const box = outboxWith(server);
    box.add({ code: 'ABC123', text: 'Fordi', parent: 5, zone: 'inside', fields: {} });
    await box.flush();
    assert.deepEqual(server.calls[0].body, { client_id: 'id-1', text: 'Fordi', parent: 5 });
  });

  it('a lost connection keeps the note; the next flush sends it again under the same client_id', async () => {
    const server = fakeServer([NETWORK, OK({ id: 9 })]);
    const box = outboxWith(server);
    box.add({ code: 'ABC123', text: 'Wi-Fi falt ut' });
    await box.flush();
    assert.equal(box.items().length, 1);
    assert.equal(box.items()[0].status, 'failed');
    assert.equal(box.items()[0].retryable, true);
    assert.equal(box.items()[0].error, '', 'a retryable failure shows no error, only "sending"');
    assert.equal(stored()[0].retryable, true, 'the failure is kept in storage too');
    await box.flush();
    assert.deepEqual(server.calls.map((c) => c.body.client_id), ['id-1', 'id-1']);
    assert.deepEqual(box.items(), []);
    assert.deepEqual(sent, [{ id: 9 }]);
  });

  it('a 5xx is tried again like a lost connection', async () => {
    const server = fakeServer([fail(503, 'unavailable'), OK({ id: 10 })]);
    const box = outboxWith(server);
    box.add({ code: 'ABC123', text: 'Serveren hikket' });
    await box.flush();
    assert.equal(box.items()[0].retryable, true);
    await box.flush();
    assert.deepEqual(server.calls.map((c) => c.body.client_id), ['id-1', 'id-1']);
    assert.deepEqual(box.items(), []);
  });

  it('a lost connection stops the queue: the notes behind it wait, then go in order', async () => {
    const server = fakeServer([NETWORK, OK({ id: 1 }), OK({ id: 2 })]);
    const box = outboxWith(server);
    box.add({ code: 'ABC123', text: 'først' });
    box.add({ code: 'ABC123', text: 'så' });
    await box.flush();
    assert.deepEqual(server.calls.map((c) => c.body.text), ['først']);
    await box.flush();
    assert.deepEqual(server.calls.map((c) => c.body.text), ['først', 'først', 'så']);
    assert.deepEqual(box.items(), []);
  });

  it('429 holds the note back for Retry-After, then sends it by itself', async () => {
    const server = fakeServer([fail(429, 'rate_limited', { retryAfter: 3 }), OK({ id: 11 })]);
    const box = outboxWith(server);
    box.add({ code: 'ABC123', text: 'For fort' });
    await box.flush();
    assert.equal(box.items()[0].notBefore, time.now() + 3000);
    assert.deepEqual(time.pending(), [3050]);
    await box.flush(); // a poll's flush before the time is up sends nothing
    assert.equal(server.calls.length, 1);
    await time.advance(2999);
    assert.equal(server.calls.length, 1);
    await time.advance(51);
    assert.deepEqual(server.calls.map((c) => c.body.client_id), ['id-1', 'id-1']);
    assert.deepEqual(box.items(), []);
  });

  it('a refusal stays on the card with its words, is not resent by itself, and "try again" sends it', async () => {
    const server = fakeServer([fail(422, 'text_too_long'), OK({ id: 12 }), OK({ id: 13 })]);
    const box = outboxWith(server);
    const refused = box.add({ code: 'ABC123', text: 'x'.repeat(300) });
    box.add({ code: 'ABC123', text: 'neste' });
    await box.flush();
    assert.equal(refused.status, 'failed');
    assert.equal(refused.retryable, false);
    assert.equal(refused.error, 'words for text_too_long');
    assert.deepEqual(server.calls.map((c) => c.body.text), ['x'.repeat(300), 'neste'],
      'a refusal does not block the notes behind it');
    await box.flush();
    assert.equal(server.calls.length, 2, 'a refused note waits for the participant');
    assert.deepEqual(stored().map((x) => x.status), ['failed']);
    await box.retry(refused);
    assert.deepEqual(server.calls.map((c) => c.body.client_id), ['id-1', 'id-2', 'id-1']);
    assert.deepEqual(box.items(), []);
  });

  it('"discard" drops a refused note from the phone for good', async () => {
    const server = fakeServer([fail(409, 'step_closed')]);
    const box = outboxWith(server);
    const item = box.add({ code: 'ABC123', text: 'For sent' });
    await box.flush();
    box.discard(item);
    assert.deepEqual(box.items(), []);
    assert.deepEqual(stored(), []);
  });

  it('survives a reload: a new page sends what the old one held, with the same client ids, in order', async () => {
    const first = outboxWith(fakeServer([NETWORK]));
    first.add({ code: 'ABC123', text: 'én' });
    first.add({ code: 'ABC123', text: 'to' });
    await first.flush();
    const server = fakeServer([OK({ id: 1 }), OK({ id: 2 })]);
    const reloaded = outboxWith(server);
    assert.deepEqual(reloaded.items().map((x) => x.text), ['én', 'to']);
    await reloaded.flush();
    assert.deepEqual(server.calls.map((c) => [c.body.client_id, c.body.text]), [['id-1', 'én'], ['id-2', 'to']]);
    assert.deepEqual(outboxWith(fakeServer([])).items(), []);
  });

  it('sends only the current room\'s notes, and nothing without a token', async () => {
    const server = fakeServer([OK({ id: 1 })]);
    const box = outboxWith(server);
    box.add({ code: 'OTHER1', text: 'fra et annet rom' });
    box.add({ code: 'ABC123', text: 'herfra' });
    session = { code: 'ABC123', token: null };
    await box.flush();
    assert.equal(server.calls.length, 0);
    session = { code: 'ABC123', token: 'tok' };
    await box.flush();
    assert.deepEqual(server.calls.map((c) => c.body.text), ['herfra']);
    assert.deepEqual(box.items().map((x) => x.text), ['fra et annet rom'], 'kept for its own room');
  });

  it('a refused token (401) keeps the note for the next join', async () => {
    const server = fakeServer([fail(401, 'unauthorized'), OK({ id: 1 })]);
    const box = outboxWith(server);
    box.add({ code: 'ABC123', text: 'etter ny innlogging' });
    await box.flush();
    assert.equal(box.items().length, 1);
    assert.equal(box.items()[0].status, 'sending');
    await box.flush();
    assert.deepEqual(box.items(), []);
  });

  it('a flush asked for while one is under way runs after it, never alongside', async () => {
    const server = fakeServer([OK({ id: 1 }), OK({ id: 2 })]);
    server.hold = true;
    const box = outboxWith(server);
    box.add({ code: 'ABC123', text: 'første' });
    const running = box.flush();
    await Promise.resolve();
    box.add({ code: 'ABC123', text: 'andre' });
    const again = box.flush(); // returns at once: the running flush goes round again
    await again;
    assert.equal(server.calls.length, 1, 'the first note is still on its way: nothing else is sent');
    server.release();
    await new Promise((r) => setImmediate(r));
    server.release();
    await running;
    assert.deepEqual(server.calls.map((c) => c.body.text), ['første', 'andre']);
    assert.deepEqual(box.items(), []);
  });

  it('storage that is full or blocked does not stop the outbox for this visit', async () => {
    storage.full = true;
    const server = fakeServer([NETWORK, OK({ id: 1 })]);
    const box = outboxWith(server);
    box.add({ code: 'ABC123', text: 'uten lagring' });
    await box.flush();
    await box.flush();
    assert.equal(server.calls.length, 2);
    assert.deepEqual(box.items(), []);
    const blocked = makeStore(() => { throw new Error('SecurityError'); });
    const box2 = createOutbox({ store: blocked, request: fakeServer([OK({ id: 2 })]).request,
      session: () => session, errorText: String });
    box2.add({ code: 'ABC123', text: 'blokkert' });
    await box2.flush();
    assert.deepEqual(box2.items(), []);
  });

  it('a damaged stored outbox is read as empty', () => {
    for (const raw of ['{"not": "a list"}', 'not json', '42']) {
      storage = memoryStorage({ [KEY.outbox]: raw });
      store = makeStore(() => storage);
      assert.deepEqual(outboxWith(fakeServer([])).items(), []);
    }
  });
});

describe('client ids', () => {
  it('are version 4 UUIDs, also where the browser has no randomUUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    assert.match(newClientId(), uuid);
    const noRandomUUID = { getRandomValues: (b) => globalThis.crypto.getRandomValues(b) };
    const seen = new Set();
    for (let i = 0; i < 200; i++) {
      const id = newClientId(noRandomUUID);
      assert.match(id, uuid);
      seen.add(id);
    }
    assert.equal(seen.size, 200);
  });
});

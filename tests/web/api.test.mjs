// The phone page's HTTP client (assets/web/api.js) without a browser: fetch is a function the
// test answers with real Response objects. Every request resolves to
// {ok, status, data, code, message, network, retryAfter} and never throws.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pageModule, fakeTime } from './page_modules.mjs';

const { createApi, retryAfter } = await pageModule('api.js');

const json = (status, body, headers = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

// An api whose fetch answers with `answer(path, init)` and records each call.
function apiWith(answer, extra = {}) {
  const calls = [];
  const time = fakeTime();
  const lost = [];
  const request = createApi({
    fetch: async (path, init) => {
      calls.push({ path, init });
      return answer(path, init);
    },
    setTimeout: time.setTimeout, clearTimeout: time.clearTimeout, now: time.now,
    token: () => 'session-token', onUnauthorized: (t) => lost.push(t), ...extra,
  });
  return { request, calls, time, lost };
}

describe('api requests', () => {
  it('a JSON answer comes back as data, with the session token, JSON body and no cache', async () => {
    const { request, calls, time } = apiWith(() => json(201, { note: { id: 4 } }));
    const r = await request('POST', '/api/notes', { client_id: 'c1', text: 'Hei' });
    assert.deepEqual(r, { ok: true, status: 201, data: { note: { id: 4 } } });
    assert.equal(calls.length, 1);
    const { path, init } = calls[0];
    assert.equal(path, '/api/notes');
    assert.equal(init.method, 'POST');
    assert.deepEqual(init.headers, { Accept: 'application/json', 'Content-Type': 'application/json',
      Authorization: 'Bearer session-token' });
    assert.equal(init.body, '{"client_id":"c1","text":"Hei"}');
    assert.equal(init.cache, 'no-store');
    assert.equal(init.credentials, 'same-origin');
    assert.deepEqual(time.pending(), [], 'the timeout is cleared once the answer is in');
  });

  it('a GET sends no body and no Content-Type', async () => {
    const { request, calls } = apiWith(() => json(200, { revision: 3 }));
    const r = await request('GET', '/api/state?since=2');
    assert.equal(r.data.revision, 3);
    assert.equal(calls[0].init.body, undefined);
    assert.equal('Content-Type' in calls[0].init.headers, false);
  });

  it('joining sends no token, or the old token of a phone that changes group', async () => {
    const { request, calls } = apiWith(() => json(200, { token: 'new' }));
    await request('GET', '/api/room?code=ABC123', undefined, { auth: false });
    await request('POST', '/api/join', { code: 'ABC123', group: 2 }, { auth: false, token: 'old-token' });
    assert.equal(calls[0].init.headers.Authorization, undefined);
    assert.equal(calls[1].init.headers.Authorization, 'Bearer old-token');
  });

  it('an error answer gives its code, message and how long to wait', async () => {
    const { request } = apiWith(() => json(429, { error: { code: 'rate_limited', message: 'Slow down.' } }, { 'Retry-After': '7' }));
    assert.deepEqual(await request('POST', '/api/votes', { note: 1 }),
      { ok: false, status: 429, data: { error: { code: 'rate_limited', message: 'Slow down.' } },
        code: 'rate_limited', message: 'Slow down.', retryAfter: 7 });
  });

  it('an error without a JSON body still has a status, empty code and message', async () => {
    const { request } = apiWith(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const r = await request('GET', '/api/state');
    assert.deepEqual(r, { ok: false, status: 502, data: null, code: '', message: '', retryAfter: 5 });
  });

  it('204 and an answer that is not JSON give data null, never a throw', async () => {
    let answer = new Response(null, { status: 204 });
    const { request } = apiWith(() => answer);
    assert.deepEqual(await request('DELETE', '/api/notes/3'), { ok: true, status: 204, data: null });
    answer = new Response('{"cut off', { status: 200 });
    assert.deepEqual(await request('GET', '/api/state'), { ok: true, status: 200, data: null });
  });

  it('a lost connection is an answer with network: true', async () => {
    const { request, time } = apiWith(() => { throw new TypeError('Failed to fetch'); });
    const r = await request('POST', '/api/notes', { client_id: 'c', text: 't' });
    assert.deepEqual(r, { ok: false, status: 0, data: null, network: true });
    assert.deepEqual(time.pending(), []);
  });

  it('a request that outlasts its timeout is aborted and answers network: true', async () => {
    let signal;
    const { request, time } = apiWith((path, init) => {
      signal = init.signal;
      return new Promise((resolve, reject) => {
        init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    });
    const pending = request('GET', '/api/state', undefined, { timeout: 35000 });
    assert.deepEqual(time.pending(), [35000]);
    await time.advance(34999);
    assert.equal(signal.aborted, false);
    await time.advance(1);
    assert.equal(signal.aborted, true);
    assert.deepEqual(await pending, { ok: false, status: 0, data: null, network: true });
    const { request: plain, time: t2 } = apiWith(() => new Promise(() => {}));
    plain('GET', '/api/room?code=X', undefined, { auth: false });
    assert.deepEqual(t2.pending(), [15000], 'fifteen seconds unless told');
  });

  it('a 401 for the session token tells the page; a 401 to a join does not', async () => {
    const { request, lost } = apiWith(() => json(401, { error: { code: 'unauthorized', message: 'Who?' } }));
    const r = await request('GET', '/api/state');
    assert.equal(r.status, 401);
    assert.deepEqual(lost, ['session-token']);
    await request('POST', '/api/join', { code: 'X' }, { auth: false, token: 'old' });
    assert.deepEqual(lost, ['session-token']);
  });

  it('with no session there is no Authorization header and no 401 callback', async () => {
    const { request, calls, lost } = apiWith(() => json(401, {}), { token: () => null });
    await request('GET', '/api/state');
    assert.equal(calls[0].init.headers.Authorization, undefined);
    assert.deepEqual(lost, []);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  it('reads seconds and HTTP dates, 5 s when absent or unreadable, kept within 1–120 s', () => {
    assert.equal(retryAfter('7', now), 7);
    assert.equal(retryAfter(' 30 ', now), 30);
    assert.equal(retryAfter(null, now), 5);
    assert.equal(retryAfter('soon', now), 5);
    assert.equal(retryAfter('0', now), 1);
    assert.equal(retryAfter('3600', now), 120);
    assert.equal(retryAfter('Tue, 01 Dec 2026 12:00:10 GMT', now), 10);
    assert.equal(retryAfter('Tue, 01 Dec 2026 11:00:00 GMT', now), 1, 'a date in the past waits a second');
  });
});

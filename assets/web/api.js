// The participant HTTP API client (docs/API.md): one request resolves to
// {ok, status, data, code, message, network, retryAfter} and never throws. No DOM: fetch,
// timers, the clock and the session's token are handed in, so node tests can drive it.

// Seconds to wait from a Retry-After header (seconds or an HTTP date), 1–120, 5 if absent.
export function retryAfter(header, now = Date.now()) {
  let s = 5;
  if (header && /^\d+$/.test(header.trim())) s = Number(header);
  else if (header && !isNaN(Date.parse(header))) s = (Date.parse(header) - now) / 1000;
  return Math.min(120, Math.max(1, Math.ceil(s)));
}

// deps: fetch, setTimeout, clearTimeout, now (ms), token() → the session's bearer token or
// null, onUnauthorized(token) → called when the server refuses that token with 401.
export function createApi(deps) {
  const fetchFn = deps.fetch || ((...a) => fetch(...a));
  const setTimer = deps.setTimeout || ((f, ms) => setTimeout(f, ms));
  const clearTimer = deps.clearTimeout || ((id) => clearTimeout(id));
  const now = deps.now || (() => Date.now());
  const sessionToken = deps.token || (() => null);
  const onUnauthorized = deps.onUnauthorized || (() => {});

  // opts: auth (false: send no token), token (a join that moves this phone to another group
  // carries its old token), timeout (ms, 15 s unless told).
  return async function request(method, path, body, opts) {
    opts = opts || {};
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = opts.token || (opts.auth !== false && sessionToken()) || null;
    if (token) headers.Authorization = 'Bearer ' + token;
    const ctrl = new AbortController();
    const timer = setTimer(() => ctrl.abort(), opts.timeout || 15000);
    const out = { ok: false, status: 0, data: null };
    try {
      const res = await fetchFn(path, {
        method, headers, cache: 'no-store', credentials: 'same-origin', signal: ctrl.signal,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      out.status = res.status;
      out.ok = res.ok;
      const text = res.status === 204 ? '' : await res.text();
      try { out.data = text ? JSON.parse(text) : null; } catch (e) { out.data = null; }
      if (!res.ok) {
        const err = (out.data && out.data.error) || {};
        out.code = err.code || '';
        out.message = err.message || '';
        out.retryAfter = retryAfter(res.headers.get('Retry-After'), now());
      }
    } catch (e) {
      out.network = true;
    } finally {
      clearTimer(timer);
    }
    if (out.status === 401 && opts.auth !== false && token) onUnauthorized(token);
    return out;
  };
}

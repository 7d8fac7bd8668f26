// Samling's participant page: join a leader group, write sticky notes, vote with dots.
// Talks only to the participant HTTP API (API.md). User text reaches the DOM only through
// textContent, never as markup. Unsent notes live in localStorage until the server has them.
//
// Contents: 1 storage and state · 2 texts · 3 HTTP · 4 screens and boot · 5 joining ·
//           6 polling · 7 writing and the outbox · 8 own notes (edit, delete) · 9 voting
(function () {
  'use strict';

  const MAX = 280;
  const POLL_MS = 1500;
  const JITTER_MS = 300;
  const KEY = { session: 'samling.session', outbox: 'samling.outbox', draft: 'samling.draft' };
  const $ = (id) => document.getElementById(id);
  const codePoints = (s) => [...s].length;

  // ---- 1 storage and state ------------------------------------------------------------------

  function load(key, fallback) {
    try {
      const v = JSON.parse(localStorage.getItem(key));
      return v == null ? fallback : v;
    } catch (e) {
      return fallback;
    }
  }
  function save(key, value) {
    try {
      if (value == null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    } catch (e) { /* storage full or blocked: the page still works for this visit */ }
  }

  const params = new URLSearchParams(location.search);
  const S = {
    session: load(KEY.session, null), // {code, token, group, participant, lang}
    outbox: load(KEY.outbox, []), // notes not yet confirmed: {client_id, code, text, zone, at, status, retryable, error}
    view: null, // the last full answer of /api/state
    room: null, // {room, groups} from /api/room while joining
    lang: 'nb',
    zone: null, // the zone picked for the next note
    writes: 0, // bumped when a write succeeds: older poll answers may predate it
    edit: null, // {id, draft, busy, error}
    confirm: null, // note id whose delete is being confirmed
    busy: {}, // note id -> true while a vote or delete is under way
    cardError: {}, // note id -> message
  };
  if (!Array.isArray(S.outbox)) S.outbox = [];

  // ---- 2 texts ------------------------------------------------------------------------------

  const STR = window.SAMLING_STRINGS || { nb: {} };

  function t(key, vars) {
    let s = (STR[S.lang] && STR[S.lang][key]) || STR.nb[key] || key;
    if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
    return s;
  }

  function setLang(room) {
    const wanted = params.get('lang') || room || (S.session && S.session.lang) || 'nb';
    const lang = STR[wanted] ? wanted : 'nb';
    if (lang === S.lang && document.documentElement.dataset.ready) return;
    S.lang = lang;
    document.documentElement.lang = lang;
    document.documentElement.dataset.ready = '1';
    document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
    $('note-text').placeholder = t('placeholder');
    render();
  }

  function errorText(r) {
    if (r.network) return t('err_network');
    if (r.status === 429) return t('err_rate_limited', { s: r.retryAfter });
    if (r.code && STR.nb['err_' + r.code]) return t('err_' + r.code);
    return r.message || t('err_unknown', { status: r.status });
  }

  // ---- 3 HTTP -------------------------------------------------------------------------------

  function retryAfter(header) {
    let s = 5;
    if (header && /^\d+$/.test(header.trim())) s = Number(header);
    else if (header && !isNaN(Date.parse(header))) s = (Date.parse(header) - Date.now()) / 1000;
    return Math.min(120, Math.max(1, Math.ceil(s)));
  }

  // Resolves to {ok, status, data, code, message, network, retryAfter}; never throws.
  async function api(method, path, body, opts) {
    opts = opts || {};
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = S.session && S.session.token;
    if (opts.auth !== false && token) headers.Authorization = 'Bearer ' + token;
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), opts.timeout || 15000);
    const out = { ok: false, status: 0, data: null };
    try {
      const res = await fetch(path, {
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
        out.retryAfter = retryAfter(res.headers.get('Retry-After'));
      }
    } catch (e) {
      out.network = true;
    } finally {
      clearTimeout(timer);
    }
    if (out.status === 401 && opts.auth !== false && token && S.session && S.session.token === token) sessionLost();
    return out;
  }

  // ---- 4 screens and boot -------------------------------------------------------------------

  function show(screen) {
    ['loading', 'code', 'join', 'write'].forEach((s) => { $('screen-' + s).hidden = s !== screen; });
    $('where').hidden = screen !== 'write';
    if (screen !== 'write') $('offline').hidden = true;
  }

  let toastTimer = 0;
  function toast(msg) {
    const el = $('toast');
    el.textContent = msg;
    el.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { el.hidden = true; }, 4500);
  }

  function normaliseCode(s) {
    return (s || '').replace(/[\s-]/g, '').toUpperCase();
  }

  function setUrlCode(code) {
    const p = new URLSearchParams(location.search);
    p.set('room', code);
    history.replaceState(null, '', '?' + p.toString());
  }

  function saveSession() { save(KEY.session, S.session); }
  function saveOutbox() { save(KEY.outbox, S.outbox); }

  function boot() {
    setLang();
    const code = normaliseCode(params.get('room'));
    const s = S.session;
    if (s && s.token && (!code || code === s.code)) {
      if (!code) setUrlCode(s.code);
      startWriting();
    } else if (code) {
      openJoin(code);
    } else {
      showCode('', s && s.code);
    }
  }

  // ---- 5 joining ----------------------------------------------------------------------------

  function showCode(message, prefill) {
    show('code');
    const input = $('code-input');
    if (prefill) input.value = prefill;
    $('code-error').textContent = message || '';
    $('code-error').hidden = !message;
  }

  async function openJoin(code, message) {
    show('loading');
    const r = await api('GET', '/api/room?code=' + encodeURIComponent(code), undefined, { auth: false });
    if (!r.ok || !r.data || !r.data.room) return showCode(errorText(r), code);
    S.room = r.data;
    S.session = { code, token: null, lang: r.data.room.language };
    saveSession();
    setUrlCode(code);
    setLang(r.data.room.language);
    renderJoin(message);
    show('join');
  }

  function renderJoin(message) {
    const room = S.room;
    $('join-room').textContent = room.room.name || '';
    document.title = 'Samling – ' + (room.room.name || '');
    const groups = room.groups || [];
    const list = $('group-list');
    list.textContent = '';
    groups.forEach((g) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'group';
      b.dataset.group = String(g.id);
      b.textContent = g.name;
      b.addEventListener('click', () => join(g, b));
      list.appendChild(b);
    });
    $('no-groups').hidden = groups.length > 0;
    $('join-error').textContent = message || '';
    $('join-error').hidden = !message;
  }

  async function join(group, button) {
    const buttons = $('group-list').querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    button.classList.add('busy');
    button.textContent = t('joining');
    const name = $('name-input').value.trim();
    const body = { code: S.session.code, group: group.id };
    if (name) body.name = name;
    const r = await api('POST', '/api/join', body, { auth: false });
    if (r.ok && r.data && r.data.token) {
      const p = r.data.participant || {};
      S.session = { code: S.session.code, token: r.data.token, group: p.group, participant: p.id, lang: S.room.room.language };
      saveSession();
      S.view = null;
      startWriting();
      return;
    }
    if (r.code === 'room_code_invalid') return showCode(errorText(r), S.session.code);
    if (r.code === 'group_not_found') return openJoin(S.session.code, errorText(r));
    renderJoin(errorText(r));
  }

  function sessionLost() {
    stopPolling();
    S.session.token = null;
    saveSession();
    S.view = null;
    S.edit = null;
    openJoin(S.session.code, t('sessionLost'));
  }

  $('code-input').addEventListener('input', (e) => {
    const v = normaliseCode(e.target.value);
    if (v !== e.target.value) e.target.value = v;
  });
  $('code-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const code = normaliseCode($('code-input').value);
    if (codePoints(code) !== 6) return showCode(t('codeLength'));
    openJoin(code);
  });
  $('other-code').addEventListener('click', () => showCode('', ''));

  // ---- 6 polling ----------------------------------------------------------------------------

  let pollTimer = 0;
  let polling = false;
  let pollAgain = false;
  let failures = 0;

  function startWriting() {
    show('write');
    $('change-ask').hidden = true;
    $('change-group').hidden = false;
    render();
    failures = 0;
    pollNow();
    flush();
  }

  function stopPolling() {
    clearTimeout(pollTimer);
    pollTimer = 0;
  }

  function schedule(ms) {
    stopPolling();
    if (document.hidden || !S.session || !S.session.token) return;
    pollTimer = setTimeout(poll, Math.max(0, ms));
  }

  function pollNow() {
    if (polling) pollAgain = true;
    else schedule(0);
  }

  async function poll() {
    pollTimer = 0;
    if (polling || !S.session || !S.session.token) return;
    polling = true;
    const writes = S.writes;
    const token = S.session.token;
    const since = S.view ? '?since=' + encodeURIComponent(S.view.revision) : '';
    const r = await api('GET', '/api/state' + since, undefined, { timeout: 35000 });
    polling = false;
    if (!S.session || !S.session.token) return;
    if (S.session.token !== token) return schedule(0); // joined another group meanwhile
    let delay = POLL_MS + (Math.random() * 2 - 1) * JITTER_MS;
    if (r.ok && r.data) {
      failures = 0;
      $('offline').hidden = true;
      if (writes !== S.writes) pollAgain = true; // this answer may not show our own write yet
      else if (!r.data.unchanged) applyState(r.data);
      flush();
    } else if (r.status === 429) {
      delay = r.retryAfter * 1000;
    } else {
      failures++;
      if (r.network || r.status >= 500) {
        $('offline').textContent = t('offline');
        $('offline').hidden = failures < 2;
      }
      delay = Math.min(10000, POLL_MS * Math.pow(2, Math.min(failures, 3))) + Math.random() * JITTER_MS;
    }
    if (pollAgain && r.status !== 429) delay = 0;
    pollAgain = false;
    schedule(delay);
  }

  function applyState(state) {
    S.view = state;
    if (state.room && state.room.language && state.room.language !== S.session.lang) {
      S.session.lang = state.room.language;
      saveSession();
    }
    if (state.participant && state.participant.group !== S.session.group) {
      S.session.group = state.participant.group;
      saveSession();
    }
    const act = state.activity;
    if (S.edit && !(act && act.accepts_notes)) S.edit = null;
    if (S.lang !== (params.get('lang') || state.room && state.room.language)) setLang(state.room && state.room.language);
    render();
  }

  document.addEventListener('visibilitychange', () => {
    if (document.hidden) return stopPolling();
    if (S.session && S.session.token && !$('screen-write').hidden) {
      pollNow();
      flush();
    }
  });
  window.addEventListener('online', () => {
    if (S.session && S.session.token) {
      pollNow();
      flush();
    }
  });

  // ---- rendering helpers --------------------------------------------------------------------

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function button(cls, text, onClick, label) {
    const b = el('button', 'btn small ' + cls, text);
    b.type = 'button';
    if (label) b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  }

  function safeColour(c) {
    return typeof c === 'string' && /^#[0-9a-fA-F]{3,8}$/.test(c) ? c : '';
  }

  function zoneOf(id) {
    const act = S.view && S.view.activity;
    return (act && act.zones || []).find((z) => z.id === id) || null;
  }

  // Updates a list in place, keyed, so a card being edited keeps its focus and caret.
  function reconcile(list, items) {
    const old = new Map();
    for (const node of list.children) old.set(node.dataset.key, node);
    const nodes = items.map((it) => {
      let node = old.get(it.key);
      if (!node || node.dataset.sig !== it.sig) {
        const fresh = it.build();
        fresh.dataset.key = it.key;
        fresh.dataset.sig = it.sig;
        if (node) node.replaceWith(fresh);
        node = fresh;
      }
      old.delete(it.key);
      return node;
    });
    old.forEach((node) => node.remove());
    nodes.forEach((node, i) => {
      if (list.children[i] !== node) list.insertBefore(node, list.children[i] || null);
    });
  }

  function noteCard(text, zoneId) {
    const li = el('li', 'card');
    const z = zoneOf(zoneId);
    const colour = z && safeColour(z.colour);
    if (colour) li.style.setProperty('--note', colour);
    li.appendChild(el('p', 'card-text', text));
    const act = S.view && S.view.activity;
    // Name the zone only where it tells something: a choice was offered, or the note was moved.
    const offered = (act && act.note_zones) || [];
    if (z && act && act.zones.length > 1 && (offered.length > 1 || !offered.includes(z.id))) {
      li.appendChild(el('span', 'tag', z.label));
    }
    return li;
  }

  // ---- render -------------------------------------------------------------------------------

  function render() {
    if (!S.session || !S.session.token) return;
    const v = S.view;
    const act = v && v.activity;
    $('where-group').textContent = (v && v.group && v.group.name) || '';
    $('where-room').textContent = (v && v.room && v.room.name) || '';
    if (v && v.room) document.title = 'Samling – ' + v.room.name;
    $('write-loading').hidden = !!v;
    $('waiting').hidden = !v || !!act;
    $('activity').hidden = !act;
    const voting = !!(act && act.step && act.step.kind === 'vote' && act.votes);
    if (act) {
      const step = act.step || {};
      $('exercise-title').textContent = act.title || '';
      $('step-count').textContent = step.count > 1 ? t('stepOf', { i: step.index + 1, n: step.count }) : '';
      $('step-kind').textContent = step.kind ? t('kind_' + step.kind) : '';
      $('step-kind').hidden = !step.kind;
      $('timer').hidden = !(step.timer_seconds > 0);
      $('timer').textContent = t('timer', { m: Math.max(1, Math.round(step.timer_seconds / 60)) });
      $('prompt').textContent = step.prompt || '';
      $('instructions').textContent = step.instructions || '';
      $('instructions').hidden = !step.instructions;
    }
    const open = !!(act && act.accepts_notes);
    $('note-form').hidden = !open;
    $('closed').hidden = !act || open || voting;
    renderZones(open ? act.note_zones || [] : []);
    renderCounter();
    $('vote').hidden = !voting;
    if (voting) renderVotes();
    renderMine(voting);
  }

  // ---- 7 writing and the outbox -------------------------------------------------------------

  function renderZones(ids) {
    const zones = ids.map(zoneOf).filter(Boolean);
    if (!zones.some((z) => z.id === S.zone)) S.zone = zones.length ? zones[0].id : null;
    const picker = $('zone-picker');
    picker.hidden = zones.length < 2;
    const box = $('zone-buttons');
    const sig = JSON.stringify(zones) + S.lang;
    if (box.dataset.sig !== sig) {
      box.dataset.sig = sig;
      box.textContent = '';
      zones.forEach((z) => {
        const b = el('button', 'zone', z.label);
        b.type = 'button';
        b.dataset.zone = z.id;
        const c = safeColour(z.colour);
        if (c) b.style.setProperty('--note', c);
        b.addEventListener('click', () => { S.zone = z.id; renderZones(ids); });
        box.appendChild(b);
      });
    }
    box.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.zone === S.zone)));
  }

  function renderCounter() {
    const text = $('note-text').value;
    const n = codePoints(text);
    const counter = $('counter');
    counter.textContent = t('counter', { n, max: MAX });
    counter.classList.toggle('over', n > MAX);
    counter.classList.toggle('near', n > MAX - 20 && n <= MAX);
    $('too-long').hidden = n <= MAX;
    $('too-long').textContent = t('tooLong', { max: MAX });
    $('send').disabled = n > MAX || !text.trim();
  }

  function newClientId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  $('note-text').value = load(KEY.draft, '') || '';
  $('note-text').addEventListener('input', () => {
    save(KEY.draft, $('note-text').value || null);
    renderCounter();
  });

  $('note-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const area = $('note-text');
    const text = area.value.trim();
    if (!text || codePoints(text) > MAX) return;
    const item = { client_id: newClientId(), code: S.session.code, text, at: Date.now(), status: 'sending' };
    const act = S.view && S.view.activity;
    if (S.zone && act && (act.note_zones || []).length > 1) item.zone = S.zone;
    S.outbox.push(item);
    saveOutbox();
    area.value = '';
    save(KEY.draft, null);
    renderCounter();
    render();
    flush();
  });

  let flushing = false;
  let flushAgain = false;
  let flushTimer = 0;

  // Sends every unconfirmed note of this room, one at a time, each with its own client_id,
  // so a repeat after a lost answer gives back the same note instead of a second one.
  async function flush() {
    if (flushing) { flushAgain = true; return; }
    flushing = true;
    try {
      do {
        flushAgain = false;
        for (const item of S.outbox.slice()) {
          if (!S.session || !S.session.token) return;
          if (item.code !== S.session.code) continue;
          if (item.status === 'failed' && !item.retryable) continue;
          if (item.notBefore && item.notBefore > Date.now()) continue;
          if (!(await send(item))) break; // the connection is down: try again later
        }
      } while (flushAgain);
    } finally {
      flushing = false;
    }
  }

  async function send(item) {
    item.status = 'sending';
    render();
    const body = { client_id: item.client_id, text: item.text };
    if (item.zone) body.zone = item.zone;
    const r = await api('POST', '/api/notes', body);
    if (r.ok) {
      S.outbox = S.outbox.filter((x) => x !== item);
      saveOutbox();
      const note = r.data && r.data.note;
      if (note && S.view && !S.view.notes.some((n) => n.id === note.id)) S.view.notes.push(Object.assign({ mine: true }, note));
      S.writes++;
      render();
      pollNow();
      return true;
    }
    if (r.status === 401) return false; // sessionLost() keeps the note for the next join
    if (r.status === 429) {
      item.notBefore = Date.now() + r.retryAfter * 1000;
      clearTimeout(flushTimer);
      flushTimer = setTimeout(flush, r.retryAfter * 1000 + 50);
      render();
      return false;
    }
    item.status = 'failed';
    item.retryable = !!(r.network || r.status >= 500);
    item.error = item.retryable ? '' : errorText(r);
    saveOutbox();
    render();
    return !item.retryable;
  }

  function retry(item) {
    item.status = 'sending';
    item.retryable = true;
    item.notBefore = 0;
    saveOutbox();
    render();
    flush();
  }

  function discard(item) {
    S.outbox = S.outbox.filter((x) => x !== item);
    saveOutbox();
    render();
  }

  // ---- 8 own notes (edit, delete) -----------------------------------------------------------

  function renderMine(voting) {
    const code = S.session.code;
    const pending = S.outbox.filter((x) => x.code === code).sort((a, b) => b.at - a.at);
    const act = S.view && S.view.activity;
    const editable = !!(act && act.accepts_notes);
    let saved = voting ? [] : ((S.view && S.view.notes) || []).filter((n) => n.mine)
      .sort((a, b) => (b.created_at || 0) - (a.created_at || 0) || b.id - a.id);
    // A note whose answer was lost is on the server and in the outbox at once: show it once,
    // as unconfirmed, until the re-send (same client_id) confirms it.
    const twins = new Set();
    pending.forEach((p) => {
      if (p.status === 'failed' && !p.retryable) return;
      const twin = saved.find((n) => !twins.has(n.id) && n.text === p.text && (!p.zone || n.zone === p.zone));
      if (twin) twins.add(twin.id);
    });
    saved = saved.filter((n) => !twins.has(n.id));
    const items = [];
    pending.forEach((p) => items.push({
      key: 'p:' + p.client_id,
      sig: JSON.stringify([p.text, p.zone, p.status, p.error, S.lang, !!act]),
      build: () => pendingCard(p),
    }));
    saved.forEach((n) => {
      const ed = S.edit && S.edit.id === n.id ? S.edit : null;
      items.push({
        key: 'n:' + n.id,
        sig: JSON.stringify([n.text, n.zone, editable, ed && [ed.busy, ed.error], S.confirm === n.id,
          !!S.busy[n.id], S.cardError[n.id], S.lang, act && [act.zones, act.note_zones]]),
        build: () => savedCard(n, editable, ed),
      });
    });
    reconcile($('note-list'), items);
    $('mine-count').textContent = items.length ? '(' + items.length + ')' : '';
    $('no-notes').hidden = items.length > 0 || voting;
    $('mine').hidden = voting && !pending.length;
  }

  function pendingCard(p) {
    const li = noteCard(p.text, p.zone);
    li.classList.add(p.status === 'failed' ? 'failed' : 'pending');
    li.dataset.state = p.status;
    const foot = el('div', 'card-foot');
    if (p.status === 'failed') {
      foot.appendChild(el('span', 'state bad', p.error || t('failed')));
      const row = el('div', 'row');
      row.appendChild(button('primary', t('retry'), () => retry(p)));
      row.appendChild(button('ghost', t('discard'), () => discard(p)));
      foot.appendChild(row);
    } else {
      const s = el('span', 'state wait');
      s.appendChild(el('span', 'spinner'));
      s.appendChild(document.createTextNode(t('sending')));
      foot.appendChild(s);
    }
    li.appendChild(foot);
    return li;
  }

  function savedCard(n, editable, ed) {
    const li = noteCard(n.text, n.zone);
    li.dataset.state = 'saved';
    li.dataset.id = String(n.id);
    if (ed) return editCard(li, n, ed);
    const foot = el('div', 'card-foot');
    if (S.confirm === n.id) {
      foot.appendChild(el('span', 'state ask', t('confirmDelete')));
      const row = el('div', 'row');
      const yes = button('danger', t('del'), () => remove(n));
      yes.disabled = !!S.busy[n.id];
      row.appendChild(yes);
      row.appendChild(button('ghost', t('cancel'), () => { S.confirm = null; render(); }));
      foot.appendChild(row);
    } else {
      foot.appendChild(el('span', 'state ok', t('saved')));
      if (editable) {
        const row = el('div', 'row');
        row.appendChild(button('ghost', t('edit'), () => startEdit(n)));
        row.appendChild(button('ghost', t('del'), () => { S.confirm = n.id; S.cardError[n.id] = ''; render(); }));
        foot.appendChild(row);
      }
    }
    li.appendChild(foot);
    if (S.cardError[n.id]) li.appendChild(el('p', 'error small', S.cardError[n.id]));
    return li;
  }

  function editCard(li, n, ed) {
    li.classList.add('editing');
    li.querySelector('.card-text').remove();
    const area = el('textarea', 'edit-text');
    area.rows = 3;
    area.value = ed.draft;
    area.setAttribute('aria-label', t('edit'));
    const count = el('span', 'counter');
    const update = () => {
      ed.draft = area.value;
      const c = codePoints(area.value);
      count.textContent = t('counter', { n: c, max: MAX });
      count.classList.toggle('over', c > MAX);
      saveBtn.disabled = ed.busy || c > MAX || !area.value.trim();
    };
    const saveBtn = button('primary', ed.busy ? t('saving') : t('save'), () => saveEdit(n));
    area.addEventListener('input', update);
    li.insertBefore(area, li.firstChild);
    const foot = el('div', 'card-foot');
    foot.appendChild(count);
    const row = el('div', 'row');
    row.appendChild(saveBtn);
    row.appendChild(button('ghost', t('cancel'), () => { S.edit = null; render(); }));
    foot.appendChild(row);
    li.appendChild(foot);
    if (ed.error) li.appendChild(el('p', 'error small', ed.error));
    update();
    if (!ed.busy) setTimeout(() => { if (document.activeElement !== area && area.isConnected) area.focus(); }, 0);
    return li;
  }

  function startEdit(n) {
    S.edit = { id: n.id, draft: n.text, busy: false, error: '' };
    S.confirm = null;
    render();
  }

  function noteGone(id) {
    if (S.view) S.view.notes = S.view.notes.filter((x) => x.id !== id);
    if (S.edit && S.edit.id === id) S.edit = null;
    if (S.confirm === id) S.confirm = null;
  }

  async function saveEdit(n) {
    const ed = S.edit;
    const text = ed.draft.trim();
    if (!text || codePoints(text) > MAX || ed.busy) return;
    if (text === n.text) { S.edit = null; return render(); }
    ed.busy = true;
    ed.error = '';
    render();
    const r = await api('PATCH', '/api/notes/' + n.id, { text });
    ed.busy = false;
    if (r.ok) {
      const note = r.data && r.data.note;
      const mine = S.view && S.view.notes.find((x) => x.id === n.id);
      if (mine) Object.assign(mine, note || { text });
      if (S.edit === ed) S.edit = null;
      S.writes++;
      pollNow();
    } else if (r.status === 404) {
      noteGone(n.id);
      toast(t('err_gone'));
    } else if (r.status !== 401) {
      ed.error = errorText(r);
    }
    render();
  }

  async function remove(n) {
    if (S.busy[n.id]) return;
    S.busy[n.id] = true;
    render();
    const r = await api('DELETE', '/api/notes/' + n.id);
    delete S.busy[n.id];
    if (r.ok || r.status === 404) {
      noteGone(n.id);
      S.writes++;
      pollNow();
    } else if (r.status !== 401) {
      S.confirm = null;
      S.cardError[n.id] = errorText(r);
    }
    render();
  }

  // ---- 9 voting -----------------------------------------------------------------------------

  function renderVotes() {
    const act = S.view.activity;
    const left = act.votes.left;
    $('votes-left').textContent = t('votesLeft', { n: left });
    $('votes-left').classList.toggle('empty', left <= 0);
    const notes = S.view.notes || [];
    reconcile($('vote-list'), notes.map((n) => ({
      key: 'v:' + n.id,
      sig: JSON.stringify([n.text, n.zone, n.mine, n.my_votes, left > 0, !!S.busy[n.id], S.lang, act.zones, act.note_zones]),
      build: () => voteCard(n, left),
    })));
    $('no-vote-notes').hidden = notes.length > 0;
  }

  function voteCard(n, left) {
    const li = noteCard(n.text, n.zone);
    li.classList.add('votable');
    li.dataset.id = String(n.id);
    if (n.mine) li.appendChild(el('span', 'tag mine', t('yourNote')));
    const foot = el('div', 'card-foot vote-foot');
    const dots = el('span', 'dots');
    dots.setAttribute('aria-label', t('myVotes', { n: n.my_votes || 0 }));
    for (let i = 0; i < (n.my_votes || 0); i++) dots.appendChild(el('span', 'dot'));
    const minus = button('round ghost', '−', () => vote(n, -1), t('voteRemove'));
    minus.disabled = !n.my_votes || !!S.busy[n.id];
    const plus = button('round primary', '+', () => vote(n, 1), t('voteAdd'));
    plus.disabled = !!S.busy[n.id];
    plus.classList.toggle('spent', left <= 0);
    const row = el('div', 'row');
    row.appendChild(minus);
    row.appendChild(plus);
    foot.appendChild(dots);
    foot.appendChild(row);
    li.appendChild(foot);
    return li;
  }

  async function vote(n, delta) {
    const act = S.view && S.view.activity;
    if (!act || !act.votes || S.busy[n.id]) return;
    if (delta > 0 && act.votes.left <= 0) return toast(t('err_no_votes_left'));
    S.busy[n.id] = true;
    render();
    const r = delta > 0
      ? await api('POST', '/api/votes', { note: n.id })
      : await api('DELETE', '/api/votes/' + n.id);
    delete S.busy[n.id];
    if (r.ok) {
      n.my_votes = Math.max(0, (n.my_votes || 0) + delta);
      act.votes.left = Math.max(0, act.votes.left - delta);
      S.writes++;
      pollNow();
    } else if (r.status !== 401) {
      toast(errorText(r));
      if (r.code === 'no_votes_left') act.votes.left = 0;
    }
    render();
  }

  // ---- changing group -----------------------------------------------------------------------

  $('change-group').addEventListener('click', () => {
    const name = (S.view && S.view.group && S.view.group.name) || '';
    $('change-ask-text').textContent = t('changeGroupAsk', { group: name });
    $('change-ask').hidden = false;
    $('change-group').hidden = true;
  });
  $('change-no').addEventListener('click', () => {
    $('change-ask').hidden = true;
    $('change-group').hidden = false;
  });
  $('change-yes').addEventListener('click', () => {
    stopPolling();
    S.session.token = null;
    saveSession();
    S.view = null;
    openJoin(S.session.code);
  });

  boot();
})();

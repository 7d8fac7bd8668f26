// Samling's participant page: join a leader group, then follow the group's exercise step by
// step: write sticky notes (and "why?" answers), read the revealed and organised board, vote
// with dots, read the conclusion and propose wording for it.
// Talks only to the participant HTTP API (API.md). User text reaches the DOM only through
// textContent, never as markup. Unsent notes live in localStorage until the server has them.
//
// Contents: 1 storage and state · 2 texts · 3 HTTP · 4 screens and boot · 5 joining ·
//           6 polling · render · 7 writing and the outbox · 8 own notes (edit, delete) ·
//           9 the board · 10 voting · 11 timer · 12 done · 13 conclusion · 14 note fields
(function () {
  'use strict';

  const MAX = 280; // characters in a note, as the server counts them (model.hpp)
  const PER_CHARACTER = 4; // and at most 4 code points per character on average
  const POLL_MS = 900; // follow the facilitator's step within a second
  const JITTER_MS = 150;
  const FIELD_MAX = 120; // a note field's characters (maxLength counts UTF-16 units: never more)
  const KEY = {
    session: 'samling.session', outbox: 'samling.outbox', draft: 'samling.draft',
    fieldsDraft: 'samling.draft.fields', labels: 'samling.fieldLabels',
  };
  const $ = (id) => document.getElementById(id);
  const codePoints = (s) => [...s].length;
  // Characters as a person counts them and as the server does (core/text.hpp): the text composed
  // (NFC), then grapheme clusters, so "👍🏽", "🇳🇴" and "Å" typed as A + ring are one each. A browser
  // without Intl.Segmenter counts code points: never fewer than the server, so it lets nothing
  // too long through.
  const graphemes = typeof Intl !== 'undefined' && Intl.Segmenter
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  function characters(s) {
    const composed = s.normalize('NFC');
    if (!graphemes) return codePoints(composed);
    let n = 0;
    for (const _ of graphemes.segment(composed)) n += 1; // eslint-disable-line no-unused-vars
    return n;
  }
  const tooLong = (s) => characters(s) > MAX || codePoints(s.normalize('NFC')) > PER_CHARACTER * MAX;

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
    outbox: load(KEY.outbox, []), // notes not yet confirmed: {client_id, code, text, zone, parent, fields, at, status, retryable, error}
    fieldsDraft: load(KEY.fieldsDraft, {}), // field id -> value being written for the next note
    labels: load(KEY.labels, {}), // "exercise|language" -> {field id -> {label, kind}} seen in a step
    view: null, // the last full answer of /api/state
    room: null, // {room, groups} from /api/room while joining
    lang: 'nb',
    zone: null, // the zone picked for the next note
    writes: 0, // bumped when a write succeeds: older poll answers may predate it
    edit: null, // {id, draft, fields, busy, error}
    confirm: null, // note id whose delete is being confirmed
    busy: {}, // note id -> true while a delete is under way
    cardError: {}, // note id -> message
    inflight: 0, // votes and "done" answers not yet back: a poll answer now may predate them
    replyTo: null, // the note id a "why?" answers (chain steps)
    voteMsg: '', // why the last vote was refused
    doneBusy: false,
    stepKey: '', // exercise, step index: a change scrolls to the top
    contextFolded: new Set(), // exercises whose "what we build on" the participant folded away
  };
  if (!Array.isArray(S.outbox)) S.outbox = [];
  if (!S.fieldsDraft || typeof S.fieldsDraft !== 'object' || Array.isArray(S.fieldsDraft)) S.fieldsDraft = {};
  if (!S.labels || typeof S.labels !== 'object' || Array.isArray(S.labels)) S.labels = {};

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
    // opts.token: a join that moves this phone to another group carries its old token.
    const token = opts.token || (opts.auth !== false && S.session && S.session.token) || null;
    if (token) headers.Authorization = 'Bearer ' + token;
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
      openJoin(code, undefined, s && s.code === code ? s.moving : null); // a reload while changing group
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

  // `moving`: the token of a phone changing group ("Bytt gruppe"), so the server moves that
  // participant instead of leaving it behind in the old group.
  async function openJoin(code, message, moving) {
    show('loading');
    const r = await api('GET', '/api/room?code=' + encodeURIComponent(code), undefined, { auth: false });
    if (!r.ok || !r.data || !r.data.room) return showCode(errorText(r), code);
    S.room = r.data;
    S.session = { code, token: null, lang: r.data.room.language, moving: moving || null };
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
    const r = await api('POST', '/api/join', body, { auth: false, token: S.session.moving || undefined });
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
      else if (S.inflight) { /* a vote is on its way: its answer polls again */ }
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
    const act = state.activity;
    const key = act ? [act.exercise, act.step && act.step.index, act.step && act.step.id].join(':') : '';
    if (key !== S.stepKey) {
      // A new step: its prompt is at the top, and what was under way belongs to the old one.
      if (S.stepKey) window.scrollTo(0, 0);
      S.stepKey = key;
      S.voteMsg = '';
      S.replyTo = null;
    }
    S.view = state;
    rememberFields();
    $('screen-write').dataset.revision = String(state.revision);
    if (state.room && state.room.language && state.room.language !== S.session.lang) {
      S.session.lang = state.room.language;
      saveSession();
    }
    if (state.participant && state.participant.group !== S.session.group) {
      S.session.group = state.participant.group;
      saveSession();
    }
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

  function noteCard(text, zoneId, fields) {
    const li = el('li', 'card');
    const z = zoneOf(zoneId);
    const colour = z && safeColour(z.colour);
    if (colour) li.style.setProperty('--note', colour);
    li.appendChild(el('p', 'card-text', text));
    const lines = fieldLines(fields);
    if (lines) li.appendChild(lines);
    const act = S.view && S.view.activity;
    // Name the zone only where it tells something: a choice was offered, or the note was moved.
    const offered = (act && act.note_zones) || [];
    if (z && act && act.zones.length > 1 && (offered.length > 1 || !offered.includes(z.id))) {
      li.appendChild(el('span', 'tag', z.label));
    }
    return li;
  }

  function byTime(a, b) {
    return (a.created_at || 0) - (b.created_at || 0) || a.id - b.id;
  }

  // In a conclude step with proposals a note written in that step is a proposal for the
  // conclusion: the server keeps it off the board.
  function isProposal(n) {
    const step = S.view && S.view.activity && S.view.activity.step;
    return !!(step && step.kind === 'conclude' && step.proposals && n.step === step.index);
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
    const step = (act && act.step) || {};
    const kind = act ? step.kind || '' : '';
    $('screen-write').dataset.kind = kind;
    const voting = !!(kind === 'vote' && act.votes);
    const concluding = kind === 'conclude';
    const takesNotes = kind === 'write' || (concluding && !!step.proposals);
    if (act) {
      $('exercise-title').textContent = act.title || '';
      $('step-count').textContent = step.count > 1 ? t('stepOf', { i: step.index + 1, n: step.count }) : '';
      $('step-kind').textContent = step.kind ? t('kind_' + step.kind) : '';
      $('step-kind').hidden = !step.kind;
      $('prompt').textContent = step.prompt || '';
      $('instructions').textContent = step.instructions || '';
      $('instructions').hidden = !step.instructions;
    }
    renderContext(act && Array.isArray(act.context) ? act.context : []);
    syncTimer(act);
    const open = !!(act && act.accepts_notes);
    $('note-form').hidden = !open;
    $('closed').hidden = !act || open || !takesNotes;
    $('propose-title').hidden = !(open && concluding);
    $('send').textContent = t(concluding ? 'sendProposal' : 'send');
    $('note-text').placeholder = t(concluding ? 'proposePlaceholder' : 'placeholder');
    const notes = (v && v.notes) || [];
    if (S.replyTo && !(open && step.chain && notes.some((n) => n.id === S.replyTo))) S.replyTo = null;
    renderReply(notes);
    renderZones(open && !concluding && !S.replyTo ? act.note_zones || [] : []);
    renderNoteFields(open ? stepFields() : []);
    renderCounter();
    renderConclusion(concluding ? act.fields || [] : null);
    renderDone(act && (kind === 'write' || voting) ? act.done : null);
    $('vote').hidden = !voting;
    if (voting) renderVotes();
    renderMine(kind);
    renderProposals(concluding ? notes.filter((n) => !n.mine && isProposal(n)) : []);
    const board = notes.filter((n) => !isProposal(n));
    const showBoard = kind === 'reveal' || kind === 'organise' || concluding ||
      (kind === 'write' && (!!step.chain || board.some((n) => !n.mine)));
    renderBoard(showBoard ? board : null, open && !!step.chain);
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

  // "Svar på: …" above the form while a why-answer is being written.
  function renderReply(notes) {
    const parent = S.replyTo && notes.find((n) => n.id === S.replyTo);
    $('reply').hidden = !parent;
    $('reply-text').textContent = parent ? parent.text : '';
    $('note-form').classList.toggle('replying', !!parent);
  }

  function startReply(n) {
    S.replyTo = n.id;
    render();
    $('note-form').scrollIntoView({ block: 'start', behavior: 'smooth' });
    $('note-text').focus({ preventScroll: true });
  }

  $('reply-cancel').addEventListener('click', () => { S.replyTo = null; render(); });

  function renderCounter() {
    const text = $('note-text').value;
    const n = characters(text);
    const over = tooLong(text);
    const counter = $('counter');
    counter.textContent = t('counter', { n, max: MAX });
    counter.classList.toggle('over', over);
    counter.classList.toggle('near', n > MAX - 20 && !over);
    $('too-long').hidden = !over;
    $('too-long').textContent = t('tooLong', { max: MAX });
    $('send').disabled = over || !text.trim();
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
    if (!text || tooLong(text)) return;
    const inputs = $('note-fields').hidden ? null : $('note-field-inputs');
    if (inputs && !datesComplete(inputs, $('fields-error'))) return;
    const item = { client_id: newClientId(), code: S.session.code, text, at: Date.now(), status: 'sending' };
    const fields = inputs ? fieldValues(inputs) : {};
    if (Object.keys(fields).length) item.fields = fields;
    const act = S.view && S.view.activity;
    if (S.replyTo) item.parent = S.replyTo; // the answer goes on its parent's zone
    else if (S.zone && act && (act.note_zones || []).length > 1) item.zone = S.zone;
    S.replyTo = null;
    S.outbox.push(item);
    saveOutbox();
    area.value = '';
    save(KEY.draft, null);
    clearFieldsDraft();
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
    if (item.parent) body.parent = item.parent;
    if (item.fields && Object.keys(item.fields).length) body.fields = item.fields;
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

  // Own notes in a write step; own proposals in a conclude step; elsewhere only what is still
  // on its way (those are on the board, marked as one's own).
  function renderMine(kind) {
    const code = S.session.code;
    const pending = S.outbox.filter((x) => x.code === code).sort((a, b) => b.at - a.at);
    const act = S.view && S.view.activity;
    const editable = !!(act && act.accepts_notes);
    const concluding = kind === 'conclude';
    let saved = kind === 'write' || concluding ? ((S.view && S.view.notes) || [])
      .filter((n) => n.mine && isProposal(n) === concluding)
      .sort((a, b) => byTime(b, a)) : [];
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
      sig: JSON.stringify([p.text, p.zone, p.status, p.error, S.lang, !!act, fieldsSig(p.fields)]),
      build: () => pendingCard(p),
    }));
    saved.forEach((n) => {
      const ed = S.edit && S.edit.id === n.id ? S.edit : null;
      items.push({
        key: 'n:' + n.id,
        sig: JSON.stringify([n.text, n.zone, editable, ed && [ed.busy, ed.error], S.confirm === n.id,
          !!S.busy[n.id], S.cardError[n.id], S.lang, act && [act.zones, act.note_zones], fieldsSig(n.fields),
          ed && editableFields(n)]),
        build: () => savedCard(n, editable, ed),
      });
    });
    reconcile($('note-list'), items);
    $('mine-title').textContent = t(concluding ? 'myProposals' : 'myNotes');
    $('mine-count').textContent = items.length ? '(' + items.length + ')' : '';
    $('no-notes').textContent = t(concluding ? 'noProposals' : 'noNotes');
    $('no-notes').hidden = items.length > 0;
    $('mine').hidden = !items.length && !(kind === 'write' || (concluding && act.step.proposals));
  }

  function pendingCard(p) {
    const li = noteCard(p.text, p.zone, p.fields);
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
    const li = noteCard(n.text, n.zone, n.fields);
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
    const defs = editableFields(n);
    const shown = li.querySelector('.nf');
    if (shown && defs.length) shown.remove(); // edited below instead
    const area = el('textarea', 'edit-text');
    area.rows = 3;
    area.value = ed.draft;
    area.setAttribute('aria-label', t('edit'));
    const count = el('span', 'counter');
    const update = () => {
      ed.draft = area.value;
      const over = tooLong(area.value);
      count.textContent = t('counter', { n: characters(area.value), max: MAX });
      count.classList.toggle('over', over);
      saveBtn.disabled = ed.busy || over || !area.value.trim();
    };
    const saveBtn = button('primary', ed.busy ? t('saving') : t('save'), () => saveEdit(n));
    area.addEventListener('input', update);
    li.insertBefore(area, li.firstChild);
    if (defs.length) {
      const inputs = el('div', 'nf-inputs edit-fields');
      defs.forEach((f) => inputs.appendChild(fieldInput(f, ed.fields[f.id], (v) => { ed.fields[f.id] = v; })));
      area.after(inputs);
    }
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
    S.edit = { id: n.id, draft: n.text, fields: Object.assign({}, n.fields || {}), busy: false, error: '' };
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
    if (!text || tooLong(text) || ed.busy) return;
    const body = { text };
    if (editableFields(n).length) {
      const card = $('note-list').querySelector('li.editing');
      const inputs = card && card.querySelector('.edit-fields');
      if (inputs) {
        const msg = el('p', 'error small');
        if (!datesComplete(inputs, msg)) { ed.error = msg.textContent; return render(); }
        const fields = fieldValues(inputs);
        if (JSON.stringify(sorted(fields)) !== JSON.stringify(sorted(n.fields))) body.fields = fields;
      }
    }
    if (text === n.text && !body.fields) { S.edit = null; return render(); }
    ed.busy = true;
    ed.error = '';
    render();
    const r = await api('PATCH', '/api/notes/' + n.id, body);
    ed.busy = false;
    if (r.ok) {
      const note = r.data && r.data.note;
      const mine = S.view && S.view.notes.find((x) => x.id === n.id);
      if (mine) Object.assign(mine, note || body);
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

  // ---- 9 the board --------------------------------------------------------------------------

  // The group's notes as the facilitator arranged them: zone by zone (in the exercise's order),
  // inside a zone cluster by cluster, then the notes not in a cluster. A "why?" answer follows
  // its parent, one level deeper. Returns a flat list of rows: {type: zone|cluster|note, ...}.
  function boardRows(notes) {
    const act = S.view.activity;
    const ids = new Set(notes.map((n) => n.id));
    const children = new Map();
    const roots = [];
    notes.slice().sort(byTime).forEach((n) => {
      if (n.parent != null && n.parent !== n.id && ids.has(n.parent)) {
        if (!children.has(n.parent)) children.set(n.parent, []);
        children.get(n.parent).push(n);
      } else {
        roots.push(n);
      }
    });
    const zoneOrder = (act.zones || []).map((z) => z.id);
    roots.forEach((n) => { if (!zoneOrder.includes(n.zone || '')) zoneOrder.push(n.zone || ''); });
    const clusterOrder = (act.clusters || []).map((c) => c.id);
    const clusterName = new Map((act.clusters || []).map((c) => [c.id, c.name]));
    const rows = [];
    const seen = new Set();
    const walk = (n, depth, clustered) => {
      if (seen.has(n.id)) return; // a loop in the chain would be a server bug; never hang on it
      seen.add(n.id);
      rows.push({ type: 'note', note: n, depth, clustered });
      (children.get(n.id) || []).forEach((c) => walk(c, depth + 1, clustered));
    };
    zoneOrder.forEach((zid) => {
      const inZone = roots.filter((n) => (n.zone || '') === zid);
      if (!inZone.length) return;
      rows.push({ type: 'zone', zone: zid });
      const clusters = [...new Set(inZone.map((n) => n.cluster).filter((c) => c != null))]
        .sort((a, b) => (clusterOrder.indexOf(a) + 1 || 1e9) - (clusterOrder.indexOf(b) + 1 || 1e9));
      clusters.forEach((cid) => {
        rows.push({ type: 'cluster', id: cid, name: clusterName.get(cid) || '' });
        inZone.filter((n) => n.cluster === cid).forEach((n) => walk(n, 0, true));
      });
      inZone.filter((n) => n.cluster == null).forEach((n) => walk(n, 0, false));
    });
    return rows;
  }

  function zoneHead(zid) {
    const z = zoneOf(zid);
    const li = el('li', 'zone-head');
    const c = z && safeColour(z.colour);
    if (c) li.style.setProperty('--note', c);
    li.appendChild(el('span', '', z ? z.label : t('noZone')));
    return li;
  }

  function clusterHead(name) {
    const li = el('li', 'cluster-head');
    li.appendChild(el('span', 'sr-only', t('cluster') + ': '));
    li.appendChild(el('span', '', name || t('unnamedCluster')));
    return li;
  }

  // A read-only card on the board: text, and what it is (own, highlighted, an answer).
  function boardCard(n, depth, clustered, chain) {
    const li = el('li', 'card board-card');
    const z = zoneOf(n.zone);
    const colour = z && safeColour(z.colour);
    if (colour) li.style.setProperty('--note', colour);
    li.dataset.id = String(n.id);
    li.classList.toggle('in-cluster', clustered);
    li.classList.toggle('hl', !!n.highlighted);
    if (depth > 0) {
      li.classList.add('answer', 'depth-' + Math.min(depth, 3));
      li.appendChild(el('p', 'why', t('why')));
    }
    li.appendChild(el('p', 'card-text', n.text));
    const lines = fieldLines(n.fields);
    if (lines) li.appendChild(lines);
    const tags = el('p', 'tags');
    if (n.highlighted) tags.appendChild(el('span', 'tag hl', t('highlighted')));
    if (n.mine) tags.appendChild(el('span', 'tag mine', t('mineTag')));
    if (tags.firstChild) li.appendChild(tags);
    if (chain) {
      const b = button('ghost why-btn', t('whyButton'), () => startReply(n), t('whyAnswer', { text: n.text }));
      li.appendChild(b);
    }
    return li;
  }

  function rowItems(rows, buildNote, sigOf) {
    return rows.map((r) => {
      if (r.type === 'zone') {
        return { key: 'z:' + r.zone, sig: JSON.stringify([zoneOf(r.zone), S.lang]), build: () => zoneHead(r.zone) };
      }
      if (r.type === 'cluster') {
        return { key: 'c:' + r.id, sig: JSON.stringify([r.name, S.lang]), build: () => clusterHead(r.name) };
      }
      const n = r.note;
      return {
        key: 'n:' + n.id,
        sig: JSON.stringify([n.text, n.zone, n.mine, n.highlighted, r.depth, r.clustered, S.lang, sigOf(n),
          fieldsSig(n.fields)]),
        build: () => buildNote(r),
      };
    });
  }

  function renderBoard(notes, chain) {
    $('board').hidden = !notes;
    if (!notes) return reconcile($('board-list'), []);
    $('board-count').textContent = notes.length ? '(' + notes.length + ')' : '';
    $('board-lead').hidden = !chain || !notes.length;
    const rows = boardRows(notes);
    reconcile($('board-list'), rowItems(rows, (r) => boardCard(r.note, r.depth, r.clustered, chain), () => chain));
    $('no-board').hidden = notes.length > 0;
  }

  // Others' proposals for the conclusion (conclude steps); one's own are under "Dine forslag".
  function renderProposals(notes) {
    $('proposals').hidden = !notes.length;
    reconcile($('proposal-list'), notes.slice().sort(byTime).map((n) => ({
      key: 'q:' + n.id,
      sig: JSON.stringify([n.text, n.highlighted, S.lang, fieldsSig(n.fields)]),
      build: () => boardCard(n, 0, false, false),
    })));
  }

  // ---- 10 voting ----------------------------------------------------------------------------

  function renderVotes() {
    const act = S.view.activity;
    const left = act.votes.left;
    $('votes-left').textContent = t('votesLeft', { n: left, m: act.votes.budget });
    $('votes-left').classList.toggle('empty', left <= 0);
    const dl = $('dots-left');
    const budget = Math.max(0, Math.min(20, act.votes.budget || 0));
    if (dl.children.length !== budget) {
      dl.textContent = '';
      for (let i = 0; i < budget; i++) dl.appendChild(el('span', 'dot'));
    }
    [...dl.children].forEach((d, i) => d.classList.toggle('spent', i >= left));
    $('vote-msg').textContent = S.voteMsg;
    $('vote-msg').hidden = !S.voteMsg;
    // A note of a later step (the facilitator went back) takes no votes.
    const notes = (S.view.notes || []).filter((n) => !isProposal(n) && !(n.step > act.step.index));
    const rows = boardRows(notes);
    reconcile($('vote-list'), rowItems(rows, (r) => voteCard(r.note, left, r.depth, r.clustered),
      (n) => [n.my_votes, left > 0]));
    $('no-vote-notes').hidden = notes.length > 0;
  }

  function voteCard(n, left, depth, clustered) {
    const li = boardCard(n, depth, clustered, false);
    li.classList.add('votable');
    li.dataset.myVotes = String(n.my_votes || 0);
    const foot = el('div', 'card-foot vote-foot');
    const dots = el('span', 'dots');
    dots.setAttribute('role', 'img');
    dots.setAttribute('aria-label', t('myVotes', { n: n.my_votes || 0 }));
    for (let i = 0; i < (n.my_votes || 0); i++) dots.appendChild(el('span', 'dot'));
    const minus = button('round ghost minus', '−', () => vote(n.id, -1), t('voteRemove'));
    minus.disabled = !n.my_votes;
    const plus = button('round primary plus', '+', () => vote(n.id, 1), t('voteAdd'));
    plus.classList.toggle('spent', left <= 0);
    const row = el('div', 'row');
    row.appendChild(minus);
    row.appendChild(plus);
    foot.appendChild(dots);
    foot.appendChild(row);
    li.appendChild(foot);
    return li;
  }

  // Each tap shows at once (optimistic) and is sent in order; a refusal takes it back, and the
  // next poll reconciles with what the server counted.
  let voteQueue = Promise.resolve();

  function vote(id, delta) {
    const act = S.view && S.view.activity;
    const n = S.view && S.view.notes.find((x) => x.id === id);
    if (!act || !act.votes || !n) return;
    if (delta < 0 && !(n.my_votes > 0)) return;
    // With no dots left (as far as the phone knows) the server still decides: it says why.
    const optimistic = delta < 0 || act.votes.left > 0;
    if (optimistic) {
      n.my_votes = (n.my_votes || 0) + delta;
      act.votes.left -= delta;
    }
    S.voteMsg = '';
    S.inflight++;
    render();
    voteQueue = voteQueue.then(async () => {
      const r = delta > 0
        ? await api('POST', '/api/votes', { note: id })
        : await api('DELETE', '/api/votes/' + id);
      S.inflight--;
      const cur = S.view && S.view.activity;
      const note = S.view && S.view.notes.find((x) => x.id === id);
      if (r.ok) {
        S.writes++;
      } else {
        if (optimistic && cur && cur.votes && note) {
          note.my_votes = Math.max(0, (note.my_votes || 0) - delta);
          cur.votes.left = Math.min(cur.votes.budget, Math.max(0, cur.votes.left + delta));
        }
        if (r.code === 'no_votes_left') {
          S.voteMsg = t('err_no_votes_left');
          if (cur && cur.votes) cur.votes.left = 0;
        } else if (r.code === 'step_closed') {
          S.voteMsg = t('err_vote_closed');
        } else if (r.status !== 401) {
          S.voteMsg = errorText(r);
        }
      }
      if (!S.inflight) pollNow();
      render();
    });
  }

  // ---- 11 timer -----------------------------------------------------------------------------

  // Counts down locally from the server's remaining_seconds, re-synced on each new state.
  const T = { active: false, running: false, end: 0, remaining: 0, shown: '' };

  function syncTimer(act) {
    const tm = act && act.timer;
    const was = T.running;
    // `started` tells a timer paused in its first second from one never started.
    T.active = !!(tm && (typeof tm.started === 'boolean' ? tm.started
      : tm.running || tm.remaining_seconds < tm.duration_seconds));
    T.running = !!(tm && tm.running);
    T.remaining = tm ? Math.max(0, tm.remaining_seconds) : 0;
    if (T.running) {
      // remaining_seconds is rounded up: aim at the middle of that second.
      const end = performance.now() + (T.remaining - 0.5) * 1000;
      if (!was || Math.abs(end - T.end) > 1500) T.end = end;
    }
    const planned = act && act.step && act.step.timer_seconds > 0;
    $('timer').hidden = T.active || !planned;
    if (planned) $('timer').textContent = t('timer', { m: Math.max(1, Math.round(act.step.timer_seconds / 60)) });
    tick();
  }

  function clock(s) {
    const m = Math.floor(s / 60);
    return String(m).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
  }

  function tick() {
    const box = $('countdown');
    if (!T.active || !S.view || !S.view.activity) {
      box.hidden = true;
      T.shown = '';
      return;
    }
    const s = T.running ? Math.max(0, Math.ceil((T.end - performance.now()) / 1000)) : T.remaining;
    const state = s <= 0 ? 'over' : T.running ? 'running' : 'paused';
    const shown = state + s + S.lang;
    if (shown === T.shown) return;
    T.shown = shown;
    box.hidden = false;
    box.dataset.state = state;
    $('countdown-time').textContent = state === 'over' ? t('timeUp') : clock(s);
    $('countdown-note').textContent = state === 'paused' ? t('timerPaused') : '';
    $('countdown-note').hidden = state !== 'paused';
    box.setAttribute('aria-label', state === 'over' ? t('timeUp')
      : t(state === 'paused' ? 'timerPausedLabel' : 'timerLabel', { time: clock(s) }));
  }

  setInterval(tick, 250);

  // ---- 12 done ------------------------------------------------------------------------------

  function renderDone(done) {
    $('done-box').hidden = !done;
    if (!done) return;
    const b = $('done');
    b.setAttribute('aria-pressed', String(!!done.me));
    b.textContent = done.me ? t('doneYes', { n: done.count, m: done.total }) : t('doneButton');
    b.disabled = S.doneBusy;
    $('done-count').textContent = done.me ? t('doneUndo') : t('doneCount', { n: done.count, m: done.total });
  }

  $('done').addEventListener('click', async () => {
    const act = S.view && S.view.activity;
    if (!act || !act.done || S.doneBusy) return;
    const want = !act.done.me;
    const before = Object.assign({}, act.done);
    act.done.me = want;
    act.done.count = Math.max(0, act.done.count + (want ? 1 : -1));
    S.doneBusy = true;
    S.inflight++;
    render();
    const r = await api('POST', '/api/done', { done: want });
    S.doneBusy = false;
    S.inflight--;
    const cur = S.view && S.view.activity;
    if (r.ok && r.data && r.data.done) {
      if (cur && cur.done) Object.assign(cur.done, r.data.done);
      S.writes++;
    } else {
      if (cur && cur.done) Object.assign(cur.done, before);
      if (r.status !== 401) toast(errorText(r));
    }
    if (!S.inflight) pollNow();
    render();
  });

  // ---- 13 conclusion ------------------------------------------------------------------------

  // What the group has concluded so far, field by field, read-only: the facilitator writes it.
  function renderConclusion(fields) {
    $('conclusion').hidden = !fields || !fields.length;
    if (!fields) return;
    reconcile($('field-list'), fields.map((f) => ({
      key: 'f:' + f.id,
      sig: JSON.stringify([f.label, f.hint, f.text, S.lang]),
      build: () => {
        // Written fields are what the group has said: large. Empty ones are one quiet line.
        const li = el('li', 'field' + (f.text ? '' : ' empty'));
        li.dataset.field = f.id;
        li.appendChild(el('p', 'field-label', f.label));
        if (f.text) li.appendChild(el('p', 'field-text', f.text));
        else li.appendChild(el('p', 'field-empty', t('fieldEmpty')));
        return li;
      },
    })));
  }

  // What the group brings from earlier gatherings (the chosen root causes, the measures it
  // planned): open at first; once someone folds it away it stays folded for that exercise.
  function renderContext(items) {
    const box = $('context');
    box.hidden = !items.length;
    if (!items.length) return;
    const exercise = S.view.activity.exercise;
    if (box.dataset.exercise !== exercise) {
      box.dataset.exercise = exercise;
      box.open = !S.contextFolded.has(exercise);
    }
    reconcile($('context-list'), items.map((c, i) => ({
      key: 'c:' + i,
      sig: JSON.stringify([c, S.lang]),
      build: () => {
        const part = el('section', 'context-item');
        part.appendChild(el('h2', 'context-label', String(c.label || '')));
        if (c.text) part.appendChild(el('p', 'context-text', String(c.text)));
        const notes = Array.isArray(c.notes) ? c.notes : [];
        if (notes.length) {
          const list = el('ul', 'context-notes');
          notes.forEach((n) => {
            const li = el('li', 'context-note');
            li.appendChild(el('p', 'context-note-text', String(n.text || '')));
            (Array.isArray(n.fields) ? n.fields : []).forEach((f) => {
              const value = String(f.value || '');
              li.appendChild(fieldLine(String(f.label || ''), value, f.kind === 'date' && DATE.test(value)));
            });
            list.appendChild(li);
          });
          part.appendChild(list);
        }
        return part;
      },
    })));
  }

  $('context').addEventListener('toggle', () => {
    const exercise = $('context').dataset.exercise;
    if (!exercise) return;
    if ($('context').open) S.contextFolded.delete(exercise);
    else S.contextFolded.add(exercise);
  });

  // ---- 14 note fields -----------------------------------------------------------------------

  // A write step may ask for fields on every note (a measure's owner, its start date, how we
  // will know it works), all optional. Only that step's state names them, so the phone
  // remembers their labels per exercise and language: a later step's board still says "Eier".
  const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  const LOCALE = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
  let fieldSeq = 0;

  function stepFields() {
    const act = S.view && S.view.activity;
    const list = act && act.step && Array.isArray(act.step.note_fields) ? act.step.note_fields : [];
    return list.filter((f) => f && typeof f.id === 'string' && f.id)
      .map((f) => ({ id: f.id, label: String(f.label || f.id), kind: f.kind === 'date' ? 'date' : 'text' }));
  }

  function labelsKey() {
    const v = S.view;
    return v && v.activity ? v.activity.exercise + '|' + ((v.room && v.room.language) || S.lang) : '';
  }

  function rememberFields() {
    const defs = stepFields();
    const key = labelsKey();
    if (!defs.length || !key) return;
    const known = Object.assign({}, S.labels[key]);
    defs.forEach((f) => { known[f.id] = { label: f.label, kind: f.kind }; });
    if (JSON.stringify(known) === JSON.stringify(S.labels[key])) return;
    S.labels[key] = known;
    save(KEY.labels, S.labels);
  }

  // id -> {label, kind}: the current step's fields first, then every field of the exercise as
  // the server names them (a phone that joined after the measures step never saw that step),
  // then those this phone saw earlier.
  function fieldDefs() {
    const out = new Map(stepFields().map((f) => [f.id, f]));
    const act = S.view && S.view.activity;
    const named = act && act.note_field_labels && typeof act.note_field_labels === 'object' ? act.note_field_labels : {};
    Object.keys(named).forEach((id) => {
      if (!out.has(id) && typeof named[id] === 'string') out.set(id, { id, label: named[id] });
    });
    const known = S.labels[labelsKey()] || {};
    Object.keys(known).forEach((id) => { if (!out.has(id) && known[id]) out.set(id, known[id]); });
    return out;
  }

  function fieldsSig(fields) {
    return fields && Object.keys(fields).length ? JSON.stringify([fields, [...fieldDefs()], S.lang]) : '';
  }

  function sorted(fields) {
    return Object.keys(fields || {}).sort().map((k) => [k, fields[k]]);
  }

  // "2027-02-01" as "1. feb. 2027" (nb, nn) or "1 Feb 2027" (en); anything else as it is.
  function formatDate(v) {
    const m = DATE.exec(v);
    if (!m) return v;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (isNaN(d.getTime()) || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return v;
    try {
      return new Intl.DateTimeFormat(LOCALE[S.lang] || S.lang,
        { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
    } catch (e) {
      return v;
    }
  }

  // A note's fields under its text: one small labelled line each, in the step's order.
  function fieldLines(fields) {
    if (!fields || typeof fields !== 'object') return null;
    const ids = Object.keys(fields).filter((id) => typeof fields[id] === 'string' && fields[id].trim());
    if (!ids.length) return null;
    const defs = fieldDefs();
    const order = [...defs.keys()];
    ids.sort((a, b) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9) || (a < b ? -1 : a > b ? 1 : 0));
    const box = el('div', 'nf');
    ids.forEach((id) => {
      const def = defs.get(id);
      const value = fields[id];
      const line = fieldLine(def ? def.label : id, value, (!def || def.kind !== 'text') && DATE.test(value));
      line.dataset.field = id;
      box.appendChild(line);
    });
    return box;
  }

  // "Eier: Kari", "Startdato: 1. feb. 2027": one small labelled line.
  function fieldLine(label, value, date) {
    const line = el('p', 'nf-line');
    line.appendChild(el('span', 'nf-label', t('fieldLabel', { label: label })));
    line.appendChild(document.createTextNode(' '));
    const shown = el(date ? 'time' : 'span', 'nf-value', date ? formatDate(value) : value);
    if (date) shown.dateTime = value;
    line.appendChild(shown);
    return line;
  }

  // A text field grows with what is written ("how we will know it works" is a sentence).
  const AUTO_SIZE = !!(window.CSS && CSS.supports && CSS.supports('field-sizing', 'content'));
  function grow(area) {
    if (AUTO_SIZE || !area.isConnected || !area.offsetParent) return;
    area.style.height = 'auto';
    area.style.height = (area.scrollHeight + area.offsetHeight - area.clientHeight) + 'px';
  }

  // One labelled input (a date picker for a date); Enter moves on to the next field instead
  // of sending the note.
  function fieldInput(f, value, onInput) {
    const wrap = el('div', 'nf-field');
    const date = f.kind === 'date';
    const input = document.createElement(date ? 'input' : 'textarea');
    input.id = 'nf-' + (++fieldSeq);
    input.dataset.field = f.id;
    input.dataset.kind = f.kind;
    input.autocomplete = 'off';
    if (date) {
      input.type = 'date';
      input.placeholder = t('datePlaceholder'); // where a browser has no date picker
    } else {
      input.className = 'nf-text';
      input.rows = 1;
      input.maxLength = FIELD_MAX;
    }
    input.enterKeyHint = 'next';
    input.value = value || '';
    const label = el('label', '', f.label);
    label.htmlFor = input.id;
    input.addEventListener('input', () => {
      if (!date) grow(input);
      onInput(input.value);
    });
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || e.isComposing) return;
      e.preventDefault();
      const all = [...wrap.parentNode.querySelectorAll('[data-field]')];
      const next = all[all.indexOf(input) + 1];
      if (next) next.focus();
      else input.blur();
    });
    if (!date) requestAnimationFrame(() => grow(input));
    wrap.appendChild(label);
    wrap.appendChild(input);
    return wrap;
  }

  // A date picker half filled in has no value: say so rather than drop the date unseen.
  function datesComplete(box, errorEl) {
    for (const input of box.querySelectorAll('input[data-kind="date"]')) {
      const v = input.value.trim();
      if ((input.validity && input.validity.badInput) || (v && !DATE.test(v))) {
        const label = box.querySelector('label[for="' + input.id + '"]');
        errorEl.textContent = t('err_date', { label: label ? label.textContent : input.dataset.field });
        errorEl.hidden = false;
        input.focus();
        return false;
      }
    }
    errorEl.hidden = true;
    return true;
  }

  function fieldValues(box) {
    const out = {};
    box.querySelectorAll('[data-field]').forEach((input) => {
      const v = input.value.replace(/\s*[\r\n]+\s*/g, ' ').trim(); // one line each
      if (v) out[input.dataset.field] = v;
    });
    return out;
  }

  // The form's inputs, rebuilt only when the step's fields change; the draft survives a reload.
  function renderNoteFields(defs) {
    $('note-fields').hidden = !defs.length;
    $('note-form').classList.toggle('has-fields', defs.length > 0);
    const box = $('note-field-inputs');
    const sig = defs.length ? JSON.stringify(defs) + S.lang : '';
    if (box.dataset.sig === sig) return;
    box.dataset.sig = sig;
    box.textContent = '';
    $('fields-error').hidden = true;
    defs.forEach((f) => box.appendChild(fieldInput(f, S.fieldsDraft[f.id], (v) => {
      if (v) S.fieldsDraft[f.id] = v;
      else delete S.fieldsDraft[f.id];
      save(KEY.fieldsDraft, Object.keys(S.fieldsDraft).length ? S.fieldsDraft : null);
      $('fields-error').hidden = true;
    })));
  }

  function clearFieldsDraft() {
    S.fieldsDraft = {};
    save(KEY.fieldsDraft, null);
    $('note-field-inputs').querySelectorAll('[data-field]').forEach((input) => {
      input.value = '';
      if (input.tagName === 'TEXTAREA') grow(input);
    });
    $('fields-error').hidden = true;
  }

  // The fields an own note can be edited with: the current step's, when they are the note's
  // kind of fields (a goal written before the measures step gets no owner).
  function editableFields(n) {
    const defs = stepFields();
    const act = S.view && S.view.activity;
    if (!defs.length || !act) return [];
    const ids = new Set(defs.map((f) => f.id));
    const has = Object.keys(n.fields || {});
    if (has.some((id) => !ids.has(id))) return []; // another step's fields: kept as they are
    if (!has.length && n.step != null && n.step !== act.step.index) return [];
    return defs;
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
    const moving = S.session.token;
    S.session.token = null;
    saveSession();
    S.view = null;
    openJoin(S.session.code, undefined, moving);
  });

  boot();
})();

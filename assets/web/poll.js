// Following the group: polls /api/state about once a second (with jitter, so a room of phones
// does not arrive in step), backs off while the server is unreachable, and applies each new
// answer. tests/bench reads POLL_MS and POLL_JITTER_MS from this file: keep their names.
import { S, params, saveSession } from './state.js';
import { t, language } from './i18n.js';
import { $, show } from './dom.js';
import { api, outbox } from './net.js';
import { render, setLang } from './render.js';
import { rememberFields } from './fields.js';

export const POLL_MS = 900; // follow the facilitator's step within a second
export const POLL_JITTER_MS = 150;

let pollTimer = 0;
let polling = false;
let pollAgain = false;
let failures = 0;

export function startWriting() {
  show('write');
  $('change-ask').hidden = true;
  $('change-group').hidden = false;
  render();
  failures = 0;
  pollNow();
  outbox.flush();
}

export function stopPolling() {
  clearTimeout(pollTimer);
  pollTimer = 0;
}

function schedule(ms) {
  stopPolling();
  if (document.hidden || !S.session || !S.session.token) return;
  pollTimer = setTimeout(poll, Math.max(0, ms));
}

// Polls as soon as the poll under way (if any) is back: after a write, a vote, a new tab.
export function pollNow() {
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
  let delay = POLL_MS + (Math.random() * 2 - 1) * POLL_JITTER_MS;
  if (r.ok && r.data) {
    failures = 0;
    $('offline').hidden = true;
    if (writes !== S.writes) pollAgain = true; // this answer may not show our own write yet
    else if (S.inflight) { /* a vote is on its way: its answer polls again */ }
    else if (!r.data.unchanged) applyState(r.data);
    outbox.flush();
  } else if (r.status === 429) {
    delay = r.retryAfter * 1000;
  } else {
    failures++;
    if (r.network || r.status >= 500) {
      $('offline').textContent = t('offline');
      $('offline').hidden = failures < 2;
    }
    delay = Math.min(10000, POLL_MS * Math.pow(2, Math.min(failures, 3))) + Math.random() * POLL_JITTER_MS;
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
  if (language() !== (params.get('lang') || state.room && state.room.language)) setLang(state.room && state.room.language);
  render();
}

// A phone in a pocket stops polling; back in hand (or back online) it catches up at once.
export function bindPolling() {
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) return stopPolling();
    if (S.session && S.session.token && !$('screen-write').hidden) {
      pollNow();
      outbox.flush();
    }
  });
  window.addEventListener('online', () => {
    if (S.session && S.session.token) {
      pollNow();
      outbox.flush();
    }
  });
}

// The table screen's entry module: one leader group's board, read-only and in large type, for
// a TV or a spare laptop at the table (GET /table?room=CODE&group=ID). It follows the step by
// polling /api/table/state as a phone polls /api/state (POLL_MS with jitter, ?since=REV), with
// no token: it is nobody's phone and sees what a phone of the group that wrote nothing sees,
// so the server never sends it a hidden note or a running vote total. Draws with board.js and
// steps.js (conclusion, countdown) and render.js's step head, the phone's own modules; user text only through textContent.
import { S, params, isProposal } from './state.js';
import { t, language, setLanguage, hasLanguage, errorText } from './i18n.js';
import { $ } from './dom.js';
import { createApi } from './api.js';
import { POLL_MS, POLL_JITTER_MS } from './poll.js';
import { renderBoard, renderProposals } from './board.js';
import { renderConclusion, syncTimer, tick } from './steps.js';
import { renderStepHead } from './render.js';

const api = createApi({}); // no session: the room code and group are the key
const room = (params.get('room') || '').trim().toUpperCase();
const group = (params.get('group') || '').trim();
let failures = 0;
let timer = 0;

function setLang(lang) {
  const wanted = params.get('lang') || lang || 'nb';
  const chosen = hasLanguage(wanted) ? wanted : 'nb';
  if (chosen === language() && document.documentElement.dataset.ready) return;
  setLanguage(chosen);
  document.documentElement.lang = chosen;
  document.documentElement.dataset.ready = '1';
  document.querySelectorAll('[data-t]').forEach((e) => { e.textContent = t(e.dataset.t); });
}

function render() {
  const v = S.view;
  const act = v && v.activity;
  $('table-loading').hidden = true;
  $('where-group').textContent = (v.group && v.group.name) || '';
  $('where-room').textContent = (v.room && v.room.name) || '';
  document.title = 'Samling – ' + t('tableTitle') + ' – ' + ((v.group && v.group.name) || '');
  $('waiting').hidden = !!act;
  $('activity').hidden = !act;
  const step = (act && act.step) || {};
  const kind = act ? step.kind || '' : '';
  document.body.dataset.kind = kind;
  document.body.dataset.revision = String(v.revision);
  if (act) renderStepHead(act);
  syncTimer(act); // the group's countdown, counted down here between polls
  const notes = (act && v.notes) || [];
  const concluding = kind === 'conclude';
  renderConclusion(concluding ? act.fields || [] : null);
  renderProposals(concluding ? notes.filter(isProposal) : []);
  const board = notes.filter((n) => !isProposal(n));
  // A pulse is answered alone, on one's own phone; every other step shows what the group has.
  const showBoard = !!act && kind !== 'pulse' && (kind !== 'write' || board.length > 0);
  renderBoard(showBoard ? board : null, false);
}

function schedule(ms) {
  clearTimeout(timer);
  if (!document.hidden) timer = setTimeout(poll, Math.max(0, ms));
}

async function poll() {
  const since = S.view ? '&since=' + encodeURIComponent(S.view.revision) : '';
  const path = '/api/table/state?room=' + encodeURIComponent(room) + '&group=' + encodeURIComponent(group) + since;
  const r = await api('GET', path, undefined, { auth: false });
  let delay = POLL_MS + (Math.random() * 2 - 1) * POLL_JITTER_MS;
  if (r.ok && r.data) {
    failures = 0;
    $('offline').hidden = true;
    $('table-error').hidden = true;
    if (!r.data.unchanged) {
      S.view = r.data;
      setLang(r.data.room && r.data.room.language);
      render();
    }
  } else if (r.status === 403 || r.status === 404) {
    // A wrong code or a group the room no longer has: say so, and look again now and then
    // (the facilitator may open the room or bring the group back).
    $('table-loading').hidden = true;
    $('table-error').textContent = errorText(r);
    $('table-error').hidden = false;
    delay = 10000;
  } else if (r.status === 429) {
    delay = r.retryAfter * 1000;
  } else {
    failures++;
    $('offline').textContent = t('offline');
    $('offline').hidden = failures < 2;
    delay = Math.min(10000, POLL_MS * Math.pow(2, Math.min(failures, 3))) + Math.random() * POLL_JITTER_MS;
  }
  schedule(delay);
}

document.addEventListener('visibilitychange', () => { if (!document.hidden) schedule(0); });
setLang();
setInterval(tick, 250);
schedule(0);

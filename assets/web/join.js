// Joining: the room code (typed, or from the QR link's ?room=), the room's groups to choose
// from (a table card's link, ?room=CODE&group=ID, asks "Bli med i «…»?" once and joins in one
// tap), and changing group later, which carries the old token so the server moves the
// participant instead of leaving a second one behind.
import { S, codePoints, saveSession } from './state.js';
import { t, errorText } from './i18n.js';
import { $, show } from './dom.js';
import { api } from './net.js';
import { setLang } from './render.js';
import { startWriting, stopPolling } from './poll.js';

export function normaliseCode(s) {
  return (s || '').replace(/[\s-]/g, '').toUpperCase();
}

export function setUrlCode(code) {
  const p = new URLSearchParams(location.search);
  p.set('room', code);
  history.replaceState(null, '', '?' + p.toString());
}

// The table card's group is asked about once: answered either way, a reload shows the list.
function forgetUrlGroup() {
  const p = new URLSearchParams(location.search);
  if (!p.has('group')) return;
  p.delete('group');
  history.replaceState(null, '', '?' + p.toString());
}

export function showCode(message, prefill) {
  show('code');
  const input = $('code-input');
  if (prefill) input.value = prefill;
  $('code-error').textContent = message || '';
  $('code-error').hidden = !message;
}

// `moving`: the token of a phone changing group ("Bytt gruppe"), so the server moves that
// participant instead of leaving it behind in the old group.
// `wanted`: the group id a table card's link names; asked about if the room has it.
export async function openJoin(code, message, moving, wanted) {
  show('loading');
  const r = await api('GET', '/api/room?code=' + encodeURIComponent(code), undefined, { auth: false });
  if (!r.ok || !r.data || !r.data.room) return showCode(errorText(r), code);
  S.room = r.data;
  S.session = { code, token: null, lang: r.data.room.language, moving: moving || null };
  saveSession();
  setUrlCode(code);
  setLang(r.data.room.language);
  renderJoin(message);
  const group = wanted && (r.data.groups || []).find((g) => String(g.id) === String(wanted));
  askFor(group || null);
  if (wanted && !group) forgetUrlGroup(); // a card of a group since removed: the list it is
  show('join');
}

// The one question a table card's link asks, or (null) the list of every group.
function askFor(group) {
  $('join-ask').hidden = !group;
  $('join-choose').hidden = !!group;
  if (!group) return;
  $('join-ask-text').textContent = t('joinGroupAsk', { group: group.name });
  const yes = $('join-ask-yes');
  yes.disabled = false;
  yes.textContent = t('joinGroupYes');
  yes.onclick = () => join(group, yes);
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
  const buttons = [...$('group-list').querySelectorAll('button'), $('join-ask-yes')];
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
    forgetUrlGroup();
    S.view = null;
    startWriting();
    return;
  }
  if (r.code === 'room_code_invalid') return showCode(errorText(r), S.session.code);
  if (r.code === 'group_not_found') return openJoin(S.session.code, errorText(r));
  renderJoin(errorText(r));
  if (button.id === 'join-ask-yes') askFor(group); // the question stands, its button ready again
}

// The server refused this phone's token (401): back to choosing a group; unsent notes stay in
// the outbox for the next join.
export function sessionLost() {
  stopPolling();
  S.session.token = null;
  saveSession();
  S.view = null;
  S.edit = null;
  openJoin(S.session.code, t('sessionLost'));
}

export function bindJoin() {
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
  $('join-ask-other').addEventListener('click', () => {
    forgetUrlGroup();
    askFor(null);
  });

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
}

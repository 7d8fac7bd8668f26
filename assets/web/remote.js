// The facilitator remote (remote.html): pairs from the pairing QR's one-time code
// (#pair=TOKEN, POST /api/remote/pair), then polls GET /api/remote/state and sends the control
// surface's commands (POST /api/remote/commands) for the ticked groups, or all of them.
// Actions on two or more groups ask first, naming the count; many groups' commands go as one
// "together", one action and one Ctrl+Z on the projector. A refused token: "Frakoblet".
import { createApi } from './api.js';
import { t, setLanguage, hasLanguage, errorText } from './i18n.js';
import { $, el, button, reconcile } from './dom.js';

const KEY = 'samling.remote';
const POLL_MS = 1500;

let session = load();
let view = null;
const ticked = new Set();
let pollTimer = 0;

function load() {
  try { return JSON.parse(localStorage.getItem(KEY)) || null; } catch (e) { return null; }
}
function save(s) {
  session = s;
  try {
    if (s) localStorage.setItem(KEY, JSON.stringify(s)); else localStorage.removeItem(KEY);
  } catch (e) { /* private mode: this tab only */ }
}

const api = createApi({ token: () => session && session.token, onUnauthorized: () => disconnected() });

function show(screen) {
  ['pair', 'gone', 'remote'].forEach((s) => { $('screen-' + s).hidden = s !== screen; });
  $('remote-who').hidden = screen !== 'remote';
}

function words() {
  const lang = (view && view.room && view.room.language) || (session && session.lang) || 'nb';
  setLanguage(hasLanguage(lang) ? lang : 'nb');
  document.documentElement.lang = hasLanguage(lang) ? lang : 'nb';
  document.querySelectorAll('[data-t]').forEach((e) => { e.textContent = t(e.dataset.t); });
  $('broadcast-input').placeholder = t('remoteBroadcastPlaceholder');
}

function disconnected() {
  clearTimeout(pollTimer);
  save(null);
  $('gone-text').textContent = t('remoteRevoked');
  show('gone');
}

// ---- pairing

async function pair(code, name) {
  const r = await api('POST', '/api/remote/pair', { pairing: code, name }, { auth: false });
  if (!r.ok) {
    $('pair-error').textContent = errorText(r);
    $('pair-error').hidden = false;
    return;
  }
  save({ token: r.data.token, id: r.data.remote.id, name: r.data.remote.name });
  try { localStorage.setItem(KEY + '.name', name); } catch (e) { /* fine */ }
  history.replaceState(null, '', location.pathname);  // the spent code leaves the address bar
  start();
}

function offerPairing(code) {
  show('pair');
  try { $('pair-name').value = localStorage.getItem(KEY + '.name') || ''; } catch (e) { /* fine */ }
  $('pair-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    $('pair-error').hidden = true;
    pair(code, $('pair-name').value);
  });
  $('pair-name').focus();
}

// ---- the overview

function targets() {
  const groups = (view && view.groups) || [];
  const chosen = groups.filter((g) => ticked.has(g.id));
  return chosen.length ? chosen : groups;
}

function renderTarget() {
  const groups = (view && view.groups) || [];
  const chosen = groups.filter((g) => ticked.has(g.id));
  $('remote-target').textContent = chosen.length === 0 ? t('remoteTargetAll', { n: groups.length })
    : chosen.length === 1 ? t('remoteTargetOne', { name: chosen[0].name })
      : t('remoteTargetTicked', { n: chosen.length });
}

function groupItem(g) {
  const li = el('li');
  const box = el('input');
  box.type = 'checkbox';
  box.id = 'tick-' + g.id;
  box.checked = ticked.has(g.id);
  box.setAttribute('aria-label', t('remoteTick', { name: g.name }));
  box.addEventListener('change', () => {
    if (box.checked) ticked.add(g.id); else ticked.delete(g.id);
    renderTarget();
  });
  const label = el('label');
  label.htmlFor = box.id;
  label.append(el('span', 'name', g.name));
  const run = g.run;
  label.append(el('span', 'meta', run
    ? run.title + ' · ' + t('remoteStep', { i: run.step + 1, n: run.steps })
    : t('remoteNoRun')));
  label.append(el('span', 'meta', t('remoteCounts', {
    present: g.present, notes: run ? run.notes : 0, done: run ? run.done : 0,
  })));
  li.append(box, label, leadRow(g));
  return li;
}

function personName(p) { return p.name || t('remoteNoName', { id: p.id }); }

// The group's table lead, chosen from the people at the table, and a phone's ask to lead with
// yes and no: the same set_lead and decline_lead the projector's A and Shift+A send.
function leadRow(g) {
  const row = el('div', 'remote-lead');
  const people = g.people || [];
  const asked = g.lead_asked ? people.find((p) => p.id === g.lead_asked) : null;
  if (asked) {
    const ask = el('div', 'remote-lead-ask');
    const question = el('p', '', t('remoteLeadAsks', { name: personName(asked) }));
    question.id = 'lead-ask-' + g.id;
    const yes = button('', t('remoteLeadYes'), () =>
      act(t('remoteLead'), [{ command: 'set_lead', group: g.id, participant: asked.id }], 1));
    const no = button('', t('remoteLeadNo'), () => act(t('remoteLead'), [{ command: 'decline_lead', group: g.id }], 1));
    yes.setAttribute('aria-describedby', question.id);
    no.setAttribute('aria-describedby', question.id);
    ask.append(question, yes, no);
    row.append(ask);
  }
  const choose = el('select');
  choose.id = 'lead-' + g.id;
  choose.setAttribute('aria-label', t('remoteLeadFor', { name: g.name }));
  choose.append(new Option(t('remoteLeadNone'), ''));
  for (const p of people) choose.append(new Option(personName(p), String(p.id)));
  choose.value = g.lead ? String(g.lead) : '';
  choose.addEventListener('change', () => {
    choose.blur();  // the overview redraws again once the choice has gone
    act(t('remoteLead'), [{ command: 'set_lead', group: g.id, participant: choose.value ? Number(choose.value) : null }],
      1);
  });
  const caption = el('label', 'meta', t('remoteLead'));
  caption.htmlFor = choose.id;
  row.append(caption, choose);
  return row;
}

function render() {
  words();
  $('remote-who').textContent = t('remoteAs', { name: session.name });
  const groups = (view && view.groups) || [];
  for (const id of [...ticked]) if (!groups.some((g) => g.id === id)) ticked.delete(id);
  // A lead's list open under the facilitator's thumb is not redrawn away by the next poll.
  const choosing = document.activeElement && document.activeElement.tagName === 'SELECT';
  if (!choosing) reconcile($('remote-groups'), groups.map((g) => ({
    key: String(g.id),
    sig: JSON.stringify([g, ticked.has(g.id), document.documentElement.lang]),
    build: () => groupItem(g),
  })));
  renderTarget();
  renderCount();
}

async function poll() {
  clearTimeout(pollTimer);
  const r = await api('GET', '/api/remote/state');
  if (r.status === 401 || r.status === 403) return disconnected();
  if (r.ok) {
    view = r.data;
    render();
  }
  pollTimer = setTimeout(poll, POLL_MS);
}

// ---- actions

// Asks "{what} for {n} grupper?" in the page's own dialog; resolves true for yes.
function ask(question) {
  return new Promise((resolve) => {
    const dlg = $('ask');
    $('ask-text').textContent = question;
    const done = (yes) => {
      $('ask-yes').onclick = $('ask-no').onclick = null;
      dlg.onclose = null;
      dlg.close();
      resolve(yes);
    };
    $('ask-yes').onclick = () => done(true);
    $('ask-no').onclick = () => done(false);
    dlg.onclose = () => resolve(false);  // Esc
    dlg.showModal();
    $('ask-yes').focus();
  });
}

// commands: one control command per group it changes. Two or more groups ask first and go as
// one "together".
async function act(what, commands, groups) {
  const status = $('remote-status');
  if (!commands.length) {
    status.textContent = t('remoteNothing');
    return;
  }
  if (groups >= 2 && !(await ask(t('remoteAsk', { what, n: groups })))) return;
  const body = commands.length === 1 ? commands[0] : { command: 'together', commands };
  const r = await api('POST', '/api/remote/commands', body);
  if (r.status === 401 || r.status === 403) return disconnected();
  status.textContent = r.ok ? t('remoteDone', { n: groups }) : errorText(r);
  poll();
}

function withRun() { return targets().filter((g) => g.run); }

function step(delta) {
  const groups = withRun().filter((g) => g.run.step + delta >= 0 && g.run.step + delta < g.run.steps);
  return groups.map((g) => ({ command: 'go_to_step', group: g.id, step: g.run.step + delta }));
}

function bindActions() {
  const on = (id, f) => $(id).addEventListener('click', f);
  on('act-next', () => { const c = step(1); act(t('remoteNext'), c, c.length); });
  on('act-prev', () => { const c = step(-1); act(t('remotePrev'), c, c.length); });
  on('act-reveal', () => {
    const c = withRun().map((g) => ({ command: 'reveal', group: g.id }));
    act(t('remoteReveal'), c, c.length);
  });
  on('act-lock', () => {
    // Every group follows the first, so one tap never leaves a mix of open and closed.
    const groups = withRun();
    const lock = groups.length ? !groups[0].run.writing_locked : true;
    const c = groups.map((g) => ({ command: 'lock_writing', group: g.id, locked: lock }));
    act(t('remoteLock'), c, c.length);
  });
  on('act-timer', () => {
    const groups = withRun();
    const running = groups.some((g) => g.run.timer.running);
    const c = groups.filter((g) => g.run.timer.running === running)
      .map((g) => ({ command: 'timer', group: g.id, action: running ? 'pause' : 'start' }));
    act(t('remoteTimer'), c, c.length);
  });
  on('act-start-next', () => {
    const c = targets().map((g) => ({ command: 'start_next', group: g.id }));
    act(t('remoteStartNext'), c, c.length);
  });
  $('broadcast-input').addEventListener('input', renderCount);
  $('broadcast-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = $('broadcast-input').value.trim();
    if (!text) return;
    const chosen = ((view && view.groups) || []).filter((g) => ticked.has(g.id));
    const groups = chosen.length ? chosen.length : ((view && view.groups) || []).length;
    if (groups >= 2 && !(await ask(t('remoteAskBroadcast', { n: groups })))) return;
    const body = { command: 'broadcast', text };
    if (chosen.length) body.groups = chosen.map((g) => g.id);
    const r = await api('POST', '/api/remote/commands', body);
    if (r.status === 401 || r.status === 403) return disconnected();
    $('remote-status').textContent = r.ok ? t('remoteSent') : errorText(r);
    if (r.ok) $('broadcast-input').value = '';
    renderCount();
  });
}

function renderCount() {
  const n = [...$('broadcast-input').value].length;  // code points, as the server counts them
  $('broadcast-count').textContent = n + ' / 140';
}

function start() {
  show('remote');
  render();
  poll();
}

// ---- boot

const code = new URLSearchParams(location.hash.slice(1)).get('pair');
words();
bindActions();
if (code) offerPairing(code);
else if (session && session.token) start();
else {
  $('gone-text').textContent = t('remoteNoCode');
  show('gone');
}

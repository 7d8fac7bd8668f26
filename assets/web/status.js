// A status round: one card per open measure of the group (activity.measures, the phone's own
// first), with four large status buttons and one line of what happened. A tap sends the
// status at once, with the line as typed; "Lagre linjen" sends the line with the status chosen.
import { S } from './state.js';
import { t, errorText, language } from './i18n.js';
import { $, el, reconcile } from './dom.js';
import { api } from './net.js';
import { render } from './render.js';
import { pollNow } from './poll.js';

const STATUSES = ['not_started', 'started', 'done', 'stopped'];

// note id -> {status, msg, ok}: what this phone sent ahead of the next poll, and what came of it;
// once the server took it, its view is the truth (another phone may change it after).
const sent = new Map();
// note id -> the line as typed: kept across a card rebuilt by a poll.
const drafts = new Map();

export function renderStatus(act) {
  const box = $('status');
  const measures = act && Array.isArray(act.measures) ? act.measures : null;
  box.hidden = !measures;
  if (!measures) return;
  $('status-none').hidden = measures.length > 0;
  reconcile($('status-list'), measures.map((m) => {
    const mine = sent.get(m.note) || {};
    const status = (mine.ok ? m.status : mine.status || m.status) || '';
    return {
      key: String(m.note),
      sig: JSON.stringify([m, mine, language()]),
      build: () => card(m, status, mine),
    };
  }));
}

function card(m, status, mine) {
  const li = el('li', 'card status-card' + (m.mine ? ' mine' : ''));
  const titleId = 'measure-' + m.note;
  if (m.mine) li.appendChild(el('p', 'pill status-mine', t('statusMine')));
  const h = el('h3', 'status-measure', m.text);
  h.id = titleId;
  li.appendChild(h);
  for (const f of m.fields || []) li.appendChild(el('p', 'muted small', f.label + ': ' + f.value));
  if (m.last) {
    li.appendChild(el('p', 'small status-last', t('statusLast', {
      status: t('status_' + m.last.status), report: m.last.report ? '– ' + m.last.report : '' }).trim()));
  }
  const group = el('div', 'status-buttons');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t('statusChoose', { measure: m.text }));
  for (const s of STATUSES) {
    const b = el('button', 'status-button s-' + s + (s === status ? ' chosen' : ''), t('status_' + s));
    b.type = 'button';
    b.setAttribute('aria-pressed', s === status ? 'true' : 'false');
    b.addEventListener('click', () => send(m.note, s, li.querySelector('input').value));
    group.appendChild(b);
  }
  li.appendChild(group);
  const label = el('label', 'small status-line-label', t('statusLine'));
  const input = el('input', 'status-line');
  input.type = 'text';
  input.maxLength = 280;
  input.id = 'status-line-' + m.note;
  input.value = drafts.has(m.note) ? drafts.get(m.note) : m.report || '';
  input.addEventListener('input', () => drafts.set(m.note, input.value));
  label.htmlFor = input.id;
  li.append(label, input);
  const save = el('button', 'btn ghost small status-save', t('statusSave'));
  save.type = 'button';
  save.addEventListener('click', () => {
    const now = (sent.get(m.note) || {}).status || m.status;
    if (!now) {
      sent.set(m.note, { msg: t('statusFirst') });
      render();
      return;
    }
    send(m.note, now, input.value);
  });
  li.appendChild(save);
  const msg = el('p', mine.msg ? 'error small' : 'muted small', mine.msg || (mine.ok ? t('statusSaved') : ''));
  msg.setAttribute('role', 'status');
  li.appendChild(msg);
  return li;
}

async function send(note, status, text) {
  drafts.set(note, text);
  sent.set(note, { status, msg: '', ok: false });
  S.inflight++;
  render();
  const r = await api('POST', '/api/status', { note, status, text });
  S.inflight--;
  if (r.ok) {
    S.writes++;
    sent.set(note, { status, msg: '', ok: true });
  } else if (r.status !== 401) {
    sent.set(note, { msg: errorText(r) || t('statusSaveFailed'), ok: false });
  }
  if (!S.inflight) pollNow();
  render();
}

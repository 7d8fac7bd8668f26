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
const FIGURE_FIELDS = ['value', 'unit', 'baseline', 'target', 'source'];

function revision() {
  return S.view ? S.view.revision : undefined;
}

// note id -> {status, msg, ok, at}: what this phone sent ahead of the next poll, and what came of
// it; once the server took it, the first view drawn after its answer (a revision other than `at`,
// the one shown when the answer came) is the truth: another phone may change it after. Until
// then the card keeps what was sent, so it never flickers back to the old view.
const sent = new Map();
// note id -> the line as typed: kept across a card rebuilt by a poll.
const drafts = new Map();
// note id -> {msg, ok, at}: the indicator figure this phone sent, and what came of it; and
// 'NOTE:field' -> the figure's fields as typed, kept across a poll like the line, and after a
// save until a view newer than `at` shows the server's figures.
const sentFigures = new Map();
const figureDrafts = new Map();

export function renderStatus(act) {
  const box = $('status');
  const measures = act && Array.isArray(act.measures) ? act.measures : null;
  box.hidden = !measures;
  if (!measures) return;
  $('status-none').hidden = measures.length > 0;
  const shown = revision();
  for (const [note, f] of sentFigures) {
    if (!f.ok || f.settled || f.at === shown) continue;
    for (const name of FIGURE_FIELDS) figureDrafts.delete(note + ':' + name);
    sentFigures.set(note, { msg: '', ok: true, settled: true });
  }
  reconcile($('status-list'), measures.map((m) => {
    const mine = sent.get(m.note) || {};
    const settled = mine.ok && mine.at !== shown;
    const status = (settled ? m.status : mine.status || m.status) || '';
    return {
      key: String(m.note),
      sig: JSON.stringify([m, mine, sentFigures.get(m.note) || {}, language()]),
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
  if (m.indicator) li.appendChild(indicator(m.note, m.indicator));
  return li;
}

// A number as typed on a Norwegian phone: "16,5", "16.5", "1 234,5", "−3"; null when it is
// no number, undefined when the field is empty.
export function parseFigure(text) {
  const s = String(text).replace(/[\s\u00a0\u202f]/g, '').replace('\u2212', '-');
  if (s === '') return undefined;
  if (!/^-?(\d+([.,]\d+)?|[.,]\d+)$/.test(s)) return null;
  return Number(s.replace(',', '.'));
}

// A figure as a person of this room's language writes it (16,5 in nb and nn).
function showFigure(v) {
  return v === null || v === undefined ? '' : String(v).replace('.', language() === 'en' ? '.' : ',');
}

// Under a measure with an indicator: its value at this gathering in a number field labelled
// with the indicator's name, its unit beside, and folded below its baseline, target and source.
function indicator(note, ind) {
  const box = el('div', 'indicator');
  const field = (name, label, kind, value) => {
    const id = 'indicator-' + name + '-' + note;
    const wrap = el('div', 'indicator-field indicator-' + name);
    const l = el('label', 'small', label);
    const input = el('input', 'indicator-input');
    input.type = 'text';
    input.id = id;
    input.name = name;
    if (kind === 'number') input.inputMode = 'decimal';
    input.maxLength = kind === 'number' ? 20 : 80;
    input.autocomplete = 'off';
    const key = note + ':' + name;
    input.value = figureDrafts.has(key) ? figureDrafts.get(key) : kind === 'number' ? showFigure(value) : value || '';
    input.addEventListener('input', () => figureDrafts.set(key, input.value));
    l.htmlFor = id;
    wrap.append(l, input);
    return wrap;
  };
  const row = el('div', 'indicator-row');
  const value = field('value', ind.name, 'number', ind.value);
  value.querySelector('label').classList.add('indicator-name');
  const hint = el('p', 'muted small indicator-hint', t('indicatorHint'));
  hint.id = 'indicator-hint-' + note;
  value.querySelector('input').setAttribute('aria-describedby', hint.id);
  value.appendChild(hint);
  row.append(value, field('unit', t('indicatorUnit'), 'text', ind.unit));
  box.appendChild(row);
  const more = el('details', 'indicator-more');
  more.appendChild(el('summary', 'small', t('indicatorFigures')));
  more.append(field('baseline', t('indicatorBaseline'), 'number', ind.baseline),
    field('target', t('indicatorTarget'), 'number', ind.target), field('source', t('indicatorSource'), 'text', ind.source || ''));
  box.appendChild(more);
  const save = el('button', 'btn small indicator-save', t('indicatorSave'));
  save.type = 'button';
  save.addEventListener('click', () => sendFigure(note, box));
  box.appendChild(save);
  const mine = sentFigures.get(note) || {};
  const msg = el('p', mine.msg ? 'error small' : 'muted small', mine.msg || (mine.ok ? t('indicatorSaved') : ''));
  msg.setAttribute('role', 'status');
  box.appendChild(msg);
  return box;
}

async function sendFigure(note, box) {
  const body = { note };
  for (const name of ['value', 'baseline', 'target']) {
    const input = box.querySelector('input[name="' + name + '"]');
    const v = parseFigure(input.value);
    if (v === null || (name === 'value' && v === undefined)) {
      const label = box.querySelector('label[for="' + input.id + '"]').textContent;
      sentFigures.set(note, { msg: t('indicatorInvalid', { field: label }), ok: false });
      render();
      box.ownerDocument.getElementById(input.id)?.focus();
      return;
    }
    if (v !== undefined) body[name] = v;
  }
  for (const name of ['unit', 'source']) {
    const v = box.querySelector('input[name="' + name + '"]').value.trim();
    if (v) body[name] = v;
  }
  sentFigures.set(note, { msg: '', ok: false });
  S.inflight++;
  const r = await api('POST', '/api/indicators', body);
  S.inflight--;
  if (r.ok) {
    S.writes++;
    sentFigures.set(note, { msg: '', ok: true, at: revision() });
  } else if (r.status !== 401) {
    sentFigures.set(note, { msg: errorText(r) || t('statusSaveFailed'), ok: false });
  }
  if (!S.inflight) pollNow();
  render();
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
    sent.set(note, { status, msg: '', ok: true, at: revision() });
  } else if (r.status !== 401) {
    sent.set(note, { msg: errorText(r) || t('statusSaveFailed'), ok: false });
  }
  if (!S.inflight) pollNow();
  render();
}

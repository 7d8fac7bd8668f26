// Note fields: a write step may ask for fields on every note (a measure's owner, its start
// date, how we will know it works), all optional. Only that step's state names them, so the
// phone remembers their labels per exercise and language: a later step's board still says "Eier".
import { S, FIELD_MAX, store } from './state.js';
import { KEY } from './storage.js';
import { t, language } from './i18n.js';
import { $, el } from './dom.js';

export const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCALE = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
let fieldSeq = 0;

export function stepFields() {
  const act = S.view && S.view.activity;
  const list = act && act.step && Array.isArray(act.step.note_fields) ? act.step.note_fields : [];
  return list.filter((f) => f && typeof f.id === 'string' && f.id)
    .map((f) => ({ id: f.id, label: String(f.label || f.id), kind: f.kind === 'date' ? 'date' : 'text' }));
}

function labelsKey() {
  const v = S.view;
  return v && v.activity ? v.activity.exercise + '|' + ((v.room && v.room.language) || language()) : '';
}

export function rememberFields() {
  const defs = stepFields();
  const key = labelsKey();
  if (!defs.length || !key) return;
  const known = Object.assign({}, S.labels[key]);
  defs.forEach((f) => { known[f.id] = { label: f.label, kind: f.kind }; });
  if (JSON.stringify(known) === JSON.stringify(S.labels[key])) return;
  S.labels[key] = known;
  store.save(KEY.labels, S.labels);
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

// What of a note's fields its card shows, for reconcile()'s signatures.
export function fieldsSig(fields) {
  return fields && Object.keys(fields).length ? JSON.stringify([fields, [...fieldDefs()], language()]) : '';
}

export function sorted(fields) {
  return Object.keys(fields || {}).sort().map((k) => [k, fields[k]]);
}

// "2027-02-01" as "1. feb. 2027" (nb, nn) or "1 Feb 2027" (en); anything else as it is.
function formatDate(v) {
  const m = DATE.exec(v);
  if (!m) return v;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (isNaN(d.getTime()) || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return v;
  const lang = language();
  try {
    return new Intl.DateTimeFormat(LOCALE[lang] || lang,
      { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
  } catch (e) {
    return v;
  }
}

// A note's fields under its text: one small labelled line each, in the step's order.
export function fieldLines(fields) {
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
export function fieldLine(label, value, date) {
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
export function fieldInput(f, value, onInput) {
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
export function datesComplete(box, errorEl) {
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

export function fieldValues(box) {
  const out = {};
  box.querySelectorAll('[data-field]').forEach((input) => {
    const v = input.value.replace(/\s*[\r\n]+\s*/g, ' ').trim(); // one line each
    if (v) out[input.dataset.field] = v;
  });
  return out;
}

// The form's inputs, rebuilt only when the step's fields change; the draft survives a reload.
export function renderNoteFields(defs) {
  $('note-fields').hidden = !defs.length;
  $('note-form').classList.toggle('has-fields', defs.length > 0);
  const box = $('note-field-inputs');
  const sig = defs.length ? JSON.stringify(defs) + language() : '';
  if (box.dataset.sig === sig) return;
  box.dataset.sig = sig;
  box.textContent = '';
  $('fields-error').hidden = true;
  defs.forEach((f) => box.appendChild(fieldInput(f, S.fieldsDraft[f.id], (v) => {
    if (v) S.fieldsDraft[f.id] = v;
    else delete S.fieldsDraft[f.id];
    store.save(KEY.fieldsDraft, Object.keys(S.fieldsDraft).length ? S.fieldsDraft : null);
    $('fields-error').hidden = true;
  })));
}

export function clearFieldsDraft() {
  S.fieldsDraft = {};
  store.save(KEY.fieldsDraft, null);
  $('note-field-inputs').querySelectorAll('[data-field]').forEach((input) => {
    input.value = '';
    if (input.tagName === 'TEXTAREA') grow(input);
  });
  $('fields-error').hidden = true;
}

// The fields an own note can be edited with: the current step's, when they are the note's
// kind of fields (a goal written before the measures step gets no owner).
export function editableFields(n) {
  const defs = stepFields();
  const act = S.view && S.view.activity;
  if (!defs.length || !act) return [];
  const ids = new Set(defs.map((f) => f.id));
  const has = Object.keys(n.fields || {});
  if (has.some((id) => !ids.has(id))) return []; // another step's fields: kept as they are
  if (!has.length && n.step != null && n.step !== act.step.index) return [];
  return defs;
}

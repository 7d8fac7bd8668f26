// Writing a note: the form, its counter, the zone picker, the "why?" answer being written and
// the draft that survives a reload. A sent note goes to the outbox (outbox.js).
import { S, MAX, store, characters, tooLong, zoneOf } from './state.js';
import { KEY } from './storage.js';
import { t, language } from './i18n.js';
import { $, el, safeColour } from './dom.js';
import { outbox } from './net.js';
import { render } from './render.js';
import { datesComplete, fieldValues, clearFieldsDraft } from './fields.js';
import { findPersonalData } from './personal_guard.js';

// The warning over the form when the note looks like personal data: a fødselsnummer is never
// sent ("Skriv om" only); a name with an age or a case word may be sent anyway.
function showGuard(found) {
  const hard = found[0] === 'personal_number';
  $('guard-title').textContent = t(hard ? 'guardNumberTitle' : 'guardSoftTitle');
  $('guard-text').textContent = t(hard ? 'guardNumberText' : 'guardSoftText');
  const list = $('guard-rules');
  list.textContent = '';
  if (!hard) {
    const words = { name_with_age: 'guardRuleNameWithAge', case_word: 'guardRuleCaseWord' };
    found.forEach((rule) => list.appendChild(el('li', '', t(words[rule]))));
  }
  list.hidden = hard;
  $('guard-send').hidden = hard;
  $('guard').hidden = false;
  $('guard-rewrite').focus();
}
const hideGuard = () => { $('guard').hidden = true; };

export function renderZones(ids) {
  const zones = ids.map(zoneOf).filter(Boolean);
  if (!zones.some((z) => z.id === S.zone)) S.zone = zones.length ? zones[0].id : null;
  const picker = $('zone-picker');
  picker.hidden = zones.length < 2;
  const box = $('zone-buttons');
  const sig = JSON.stringify(zones) + language();
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
export function renderReply(notes) {
  const parent = S.replyTo && notes.find((n) => n.id === S.replyTo);
  $('reply').hidden = !parent;
  $('reply-text').textContent = parent ? parent.text : '';
  $('note-form').classList.toggle('replying', !!parent);
}

export function startReply(n) {
  S.replyTo = n.id;
  render();
  $('note-form').scrollIntoView({ block: 'start', behavior: 'smooth' });
  $('note-text').focus({ preventScroll: true });
}

export function renderCounter() {
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

export function bindWrite() {
  $('reply-cancel').addEventListener('click', () => { S.replyTo = null; render(); });

  $('note-text').value = store.load(KEY.draft, '') || '';
  $('note-text').addEventListener('input', () => {
    store.save(KEY.draft, $('note-text').value || null);
    hideGuard();
    renderCounter();
  });
  $('guard-rewrite').addEventListener('click', () => { hideGuard(); $('note-text').focus(); });
  $('guard-send').addEventListener('click', () => { hideGuard(); send(true); });

  $('note-form').addEventListener('submit', (e) => {
    e.preventDefault();
    send(false);
  });

  // `confirmed`: the writer saw the warning and chose "Send likevel" (never for a number).
  function send(confirmed) {
    const area = $('note-text');
    const text = area.value.trim();
    if (!text || tooLong(text)) return;
    const found = findPersonalData(text);
    if (found.length && (!confirmed || found[0] === 'personal_number')) { showGuard(found); return; }
    const inputs = $('note-fields').hidden ? null : $('note-field-inputs');
    if (inputs && !datesComplete(inputs, $('fields-error'))) return;
    const act = S.view && S.view.activity;
    const zoned = S.zone && act && (act.note_zones || []).length > 1;
    outbox.add({
      code: S.session.code, text,
      fields: inputs ? fieldValues(inputs) : {},
      parent: S.replyTo || undefined, // the answer goes on its parent's zone
      zone: zoned ? S.zone : undefined,
      confirm: found.length > 0,
    });
    S.replyTo = null;
    area.value = '';
    store.save(KEY.draft, null);
    clearFieldsDraft();
    renderCounter();
    render();
    outbox.flush();
  }
}

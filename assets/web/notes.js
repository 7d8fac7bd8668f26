// The participant's own notes: those still in the outbox (sending, or failed with "try again"
// and "discard"), and those saved, which can be edited or deleted while the step takes notes.
import { S, MAX, characters, tooLong, zoneOf, byTime, isProposal } from './state.js';
import { t, errorText, language } from './i18n.js';
import { $, el, button, safeColour, reconcile, toast } from './dom.js';
import { api, outbox } from './net.js';
import { render } from './render.js';
import { pollNow } from './poll.js';
import { fieldLines, fieldsSig, fieldInput, datesComplete, fieldValues, sorted, editableFields } from './fields.js';
import { findPersonalData } from './personal_guard.js';

// A note as a card: its text, its fields, and its zone where that tells something.
export function noteCard(text, zoneId, fields) {
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

// Own notes in a write step; own proposals in a conclude step; elsewhere only what is still
// on its way (those are on the board, marked as one's own).
export function renderMine(kind) {
  const code = S.session.code;
  const lang = language();
  const pending = outbox.items().filter((x) => x.code === code).sort((a, b) => b.at - a.at);
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
    sig: JSON.stringify([p.text, p.zone, p.status, p.error, lang, !!act, fieldsSig(p.fields)]),
    build: () => pendingCard(p),
  }));
  saved.forEach((n) => {
    const ed = S.edit && S.edit.id === n.id ? S.edit : null;
    items.push({
      key: 'n:' + n.id,
      sig: JSON.stringify([n.text, n.zone, editable, ed && [ed.busy, ed.error], S.confirm === n.id,
        !!S.busy[n.id], S.cardError[n.id], lang, act && [act.zones, act.note_zones], fieldsSig(n.fields),
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
    row.appendChild(button('primary', t('retry'), () => outbox.retry(p)));
    row.appendChild(button('ghost', t('discard'), () => outbox.discard(p)));
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
    // Warned that the text looks like personal data: the same text again is "Send likevel".
    if (!ed.busy) saveBtn.textContent = ed.asked && ed.asked === area.value.trim() ? t('guardSendAnyway') : t('save');
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
  // The guard against personal data (personal_guard.js): a number is never sent; a name with an
  // age or a case word is sent when the writer saves the same text again ("Send likevel").
  const found = text === n.text ? [] : findPersonalData(text);
  if (found[0] === 'personal_number') { ed.error = t('guardNumberText'); return render(); }
  if (found.length && ed.asked !== text) { ed.asked = text; ed.error = t('guardSoftText'); return render(); }
  if (found.length) body.confirm_personal = true;
  if (text === n.text) delete body.text; // only the fields changed: the text was checked when sent
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

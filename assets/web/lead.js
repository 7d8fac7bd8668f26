// The table lead's tools (issue 10), on the lead's phone only (GET /api/state says
// participant.lead): move a note to a zone or the parking lot, make and name a tema, put a note
// in a tema, merge duplicates, accept a proposal or type the conclusion, save the run in the
// project log (asking first). Each action is one command of the control surface's form sent to
// POST /api/lead/commands; the server checks it, and the facilitator can undo it (Ctrl+Z).
// Other phones see only "Be om å lede bordet" while their table has no lead.
import { S } from './state.js';
import { t, errorText } from './i18n.js';
import { $, el, button, reconcile, toast } from './dom.js';
import { api } from './net.js';
import { pollNow } from './poll.js';
import { render } from './render.js';

// What the lead is doing between renders: the note whose sheet is open, the note being merged
// into another, the tema being renamed, whether "save in the log" is asking.
const L = { note: null, merging: null, naming: false, renaming: null, asking: false, busy: false };

export function isLead() {
  return !!(S.view && S.view.participant && S.view.participant.lead);
}

// Added to the board rows' signatures: a card or tema heading is rebuilt when the lead's
// buttons on it change.
export function leadSig() {
  return isLead() ? JSON.stringify([L.merging, L.renaming]) : '';
}

// Used only inside handlers, after every module has loaded (render.js imports board.js, which
// imports this one).
function rerender() {
  render();
}

async function send(command, done) {
  if (L.busy) return;
  L.busy = true;
  const r = await api('POST', '/api/lead/commands', command);
  L.busy = false;
  if (!r.ok) {
    toast(errorText(r));
  } else {
    S.writes++;
    if (done) done();
  }
  rerender();
  pollNow();
}

const groupId = () => S.view && S.view.group && S.view.group.id;
const noteById = (id) => ((S.view && S.view.notes) || []).find((n) => n.id === id) || null;

function bigButton(cls, text, onClick, label) {
  const b = button('lead-btn ' + cls, text, onClick, label);
  b.classList.remove('small'); // ≥ 44 px targets: the page's full-size buttons
  return b;
}

// A board card, with the lead's one button: "Ordne" (opens the sheet), or while merging
// "Slå sammen hit" on every other card.
export function leadCard(li, n) {
  if (!isLead()) return li;
  const foot = el('div', 'card-foot lead-foot');
  if (L.merging != null && L.merging !== n.id) {
    foot.appendChild(bigButton('primary lead-merge-here', t('leadMergeHere'),
      () => send({ command: 'merge_notes', keep: n.id, absorb: L.merging }, () => { L.merging = null; })));
  } else if (L.merging == null) {
    foot.appendChild(bigButton('ghost lead-arrange', t('leadArrange'), () => openSheet(n.id),
      t('leadArrangeNote', { text: n.text })));
  }
  li.appendChild(foot);
  return li;
}

// A tema's heading, with "Gi nytt navn" (and the name field while renaming).
export function leadClusterHead(li, row) {
  if (!isLead()) return li;
  if (L.renaming === row.id) {
    li.appendChild(nameForm('lead-rename-' + row.id, row.name, t('leadSaveName'),
      (name) => send({ command: 'rename_cluster', cluster: row.id, name }, () => { L.renaming = null; })));
  } else {
    li.appendChild(bigButton('ghost lead-rename', t('leadRename'), () => { L.renaming = row.id; rerender(); },
      t('leadRenameTheme', { name: row.name })));
  }
  return li;
}

// Another phone's proposal for the conclusion, with "Bruk som «felt»" per field.
export function leadProposal(li, n) {
  if (!isLead()) return li;
  const fields = (S.view.activity && S.view.activity.fields) || [];
  const foot = el('div', 'card-foot lead-foot');
  fields.forEach((f) => foot.appendChild(bigButton('primary lead-use', t('leadUseProposal', { field: f.label }),
    () => send({ command: 'set_conclusion', group: groupId(), field: f.id, text: n.text }))));
  li.appendChild(foot);
  return li;
}

function nameForm(id, value, saveText, onSave) {
  const form = el('form', 'lead-name');
  form.noValidate = true;
  const label = el('label', 'lead-label', t('leadThemeName'));
  label.htmlFor = id;
  const input = el('input');
  input.id = id;
  input.type = 'text';
  input.maxLength = 60;
  input.value = value || '';
  input.autocomplete = 'off';
  const save = bigButton('primary lead-save-name', saveText, () => {});
  save.type = 'submit';
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (input.value.trim()) onSave(input.value.trim());
  });
  form.append(label, input, save);
  setTimeout(() => input.focus(), 0);
  return form;
}

function openSheet(id) {
  L.note = id;
  L.naming = false;
  rerender();
}

function closeSheet() {
  L.note = null;
  L.naming = false;
  rerender();
}

// The sheet of actions on one note, at the bottom of the screen where a thumb reaches.
function renderSheet(act) {
  const sheet = $('lead-sheet');
  const n = L.note != null ? noteById(L.note) : null;
  if (!n || !act) {
    L.note = null;
    sheet.hidden = true;
    sheet.dataset.sig = '';
    return;
  }
  const sig = JSON.stringify([n.id, n.zone, n.cluster, n.text, act.zones, act.clusters, L.naming]);
  if (!sheet.hidden && sheet.dataset.sig === sig) return; // keep a name being typed
  sheet.dataset.sig = sig;
  sheet.hidden = false;
  const body = $('lead-sheet-body');
  body.textContent = '';
  body.appendChild(el('p', 'lead-note-text', n.text));
  const actions = el('div', 'lead-actions');
  (act.zones || []).filter((z) => z.id !== (n.zone || '')).forEach((z) => {
    const park = z.id === 'parking';
    actions.appendChild(bigButton(park ? 'ghost lead-park' : 'ghost lead-move',
      park ? t('leadPark') : t('leadMoveTo', { zone: z.label }),
      () => send({ command: 'place_note', note: n.id, zone: z.id }, closeSheet)));
  });
  (act.clusters || []).filter((c) => c.zone === (n.zone || '') && c.id !== n.cluster).forEach((c) => {
    actions.appendChild(bigButton('ghost lead-into', t('leadIntoTheme', { name: c.name }),
      () => send({ command: 'set_cluster', note: n.id, cluster: c.id }, closeSheet)));
  });
  if (n.cluster != null) {
    actions.appendChild(bigButton('ghost lead-out', t('leadOutOfTheme'),
      () => send({ command: 'set_cluster', note: n.id, cluster: 0 }, closeSheet)));
  }
  if (L.naming) {
    actions.appendChild(nameForm('lead-theme-name', '', t('leadMakeTheme'), (name) => send(
      { command: 'make_cluster', group: groupId(), zone: n.zone || '', name, notes: [n.id] }, closeSheet)));
  } else {
    actions.appendChild(bigButton('ghost lead-new-theme', t('leadNewTheme'), () => { L.naming = true; rerender(); }));
  }
  actions.appendChild(bigButton('ghost lead-merge', t('leadMerge'), () => {
    L.merging = n.id; // the bar at the bottom says what to tap next
    L.note = null;
    rerender();
  }));
  body.appendChild(actions);
}

// The conclusion as the lead types it: one field per conclusion field, each saved on its own.
function renderConclusionEditor(fields) {
  $('lead-conclusion').hidden = !fields;
  if (!fields) return reconcile($('lead-field-list'), []);
  reconcile($('lead-field-list'), fields.map((f) => ({
    key: 'lf:' + f.id,
    sig: JSON.stringify([f.label, f.text]),
    build: () => {
      const li = el('li', 'lead-field');
      const id = 'lead-field-' + f.id;
      const label = el('label', 'lead-label', f.label);
      label.htmlFor = id;
      const area = el('textarea');
      area.id = id;
      area.rows = 3;
      area.value = f.text || '';
      const save = bigButton('primary lead-save-field', t('leadSaveField', { field: f.label }), () => {
        send({ command: 'set_conclusion', group: groupId(), field: f.id, text: area.value });
      });
      li.append(label, area, save);
      return li;
    },
  })));
}

export function renderLead() {
  const v = S.view;
  const act = v && v.activity;
  const lead = isLead();
  const me = (v && v.participant) || {};
  const canAsk = !!act && !lead && !me.lead_asked && !(v.group && v.group.has_lead);
  $('lead').hidden = !act || !(lead || canAsk || me.lead_asked);
  $('lead-tools').hidden = !lead;
  $('ask-lead').hidden = !canAsk;
  $('lead-asked').hidden = !(act && me.lead_asked);
  if (!lead) {
    L.note = null;
    L.merging = null;
    L.renaming = null;
    L.asking = false;
  }
  $('lead-save-ask').hidden = !(lead && L.asking);
  $('lead-save-run').hidden = !lead || L.asking;
  $('lead-merge-bar').hidden = !(lead && L.merging != null);
  const concluding = !!act && act.step && act.step.kind === 'conclude';
  renderConclusionEditor(lead && concluding ? act.fields || [] : null);
  renderSheet(lead ? act : null);
}

export function bindLead() {
  $('ask-lead').addEventListener('click', async () => {
    const r = await api('POST', '/api/lead/request', {});
    if (!r.ok) toast(errorText(r));
    pollNow();
  });
  $('lead-save-run').addEventListener('click', () => { L.asking = true; renderLead(); });
  $('lead-save-no').addEventListener('click', () => { L.asking = false; renderLead(); });
  $('lead-save-yes').addEventListener('click', () => send({ command: 'conclude_run', group: groupId() }, () => {
    L.asking = false;
    toast(t('leadSaved'));
  }));
  $('lead-sheet-close').addEventListener('click', closeSheet);
  $('lead-merge-stop').addEventListener('click', () => { L.merging = null; rerender(); });
}

// Draws the writing screen from the state: which parts of the step show (form, vote, board,
// conclusion) and each part's contents. Called after every change; each part rebuilds only
// what changed. Also puts the page's fixed texts in the room's language.
import { S, params, isProposal } from './state.js';
import { t, language, setLanguage, hasLanguage } from './i18n.js';
import { $ } from './dom.js';
import { renderZones, renderReply, renderCounter } from './write.js';
import { renderMine } from './notes.js';
import { renderBoard, renderProposals } from './board.js';
import { renderVotes } from './vote.js';
import { renderPulse } from './pulse.js';
import { renderPulseResult } from './pulse_result.js';
import { renderStatus } from './status.js';
import { syncTimer, renderDone, renderConclusion, renderContext } from './steps.js';
import { stepFields, renderNoteFields } from './fields.js';
import { renderLead } from './lead.js';
import { renderBroadcast } from './broadcast.js';

// The language: ?lang= first, then the room's, then the one this phone last used.
export function setLang(room) {
  const wanted = params.get('lang') || room || (S.session && S.session.lang) || 'nb';
  const lang = hasLanguage(wanted) ? wanted : 'nb';
  if (lang === language() && document.documentElement.dataset.ready) return;
  setLanguage(lang);
  document.documentElement.lang = lang;
  document.documentElement.dataset.ready = '1';
  document.querySelectorAll('[data-t]').forEach((e) => { e.textContent = t(e.dataset.t); });
  $('note-text').placeholder = t('placeholder');
  render();
}

// The step's head: the exercise, "Steg 2 av 5", its kind, the prompt and instructions (the
// table screen's too).
export function renderStepHead(act) {
  const step = act.step || {};
  $('exercise-title').textContent = act.title || '';
  $('step-count').textContent = step.count > 1 ? t('stepOf', { i: step.index + 1, n: step.count }) : '';
  $('step-kind').textContent = step.kind ? t('kind_' + step.kind) : '';
  $('step-kind').hidden = !step.kind;
  $('prompt').textContent = step.prompt || '';
  $('instructions').textContent = step.instructions || '';
  $('instructions').hidden = !step.instructions;
}

export function render() {
  if (!S.session || !S.session.token) return;
  const v = S.view;
  const act = v && v.activity;
  renderBroadcast(v && v.broadcast);
  $('where-group').textContent = (v && v.group && v.group.name) || '';
  $('where-room').textContent = (v && v.room && v.room.name) || '';
  if (v && v.room) document.title = 'Samling – ' + v.room.name;
  $('write-loading').hidden = !!v;
  $('waiting').hidden = !v || !!act;
  $('activity').hidden = !act;
  const step = (act && act.step) || {};
  const kind = act ? step.kind || '' : '';
  $('screen-write').dataset.kind = kind;
  const voting = !!(kind === 'vote' && act.votes);
  const concluding = kind === 'conclude';
  const takesNotes = kind === 'write' || (concluding && !!step.proposals);
  if (act) renderStepHead(act);
  renderContext(act && Array.isArray(act.context) ? act.context : []);
  syncTimer(act);
  const open = !!(act && act.accepts_notes);
  $('note-form').hidden = !open;
  $('closed').hidden = !act || open || !takesNotes;
  $('propose-title').hidden = !(open && concluding);
  $('send').textContent = t(concluding ? 'sendProposal' : 'send');
  $('note-text').placeholder = t(concluding ? 'proposePlaceholder' : 'placeholder');
  const notes = (v && v.notes) || [];
  if (S.replyTo && !(open && step.chain && notes.some((n) => n.id === S.replyTo))) S.replyTo = null;
  renderReply(notes);
  renderZones(open && !concluding && !S.replyTo ? act.note_zones || [] : []);
  renderNoteFields(open ? stepFields() : []);
  renderCounter();
  renderConclusion(concluding ? act.fields || [] : null);
  renderDone(act && (kind === 'write' || voting) ? act.done : null);
  $('vote').hidden = !voting;
  if (voting) renderVotes();
  renderPulse(kind === 'pulse' ? act : null);
  renderPulseResult(act && kind !== 'pulse' && act.pulse_result ? act.pulse_result : null);
  renderStatus(kind === 'status' ? act : null);
  renderMine(kind);
  renderProposals(concluding ? notes.filter((n) => !n.mine && isProposal(n)) : []);
  const board = notes.filter((n) => !isProposal(n));
  // A pulse's result step is about the result: an empty "Gruppens lapper" under it says nothing.
  const pulseOnly = !!(act && act.pulse_result) && !board.length;
  const showBoard = !pulseOnly && (kind === 'reveal' || kind === 'organise' || concluding ||
    (kind === 'write' && (!!step.chain || board.some((n) => !n.mine))));
  renderBoard(showBoard ? board : null, open && !!step.chain);
  renderLead();
}

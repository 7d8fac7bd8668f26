// The page's state: the session, the last answer of /api/state and what the participant is
// doing (editing, replying, voting), plus the questions every screen asks of it.
// The outbox's notes live in outbox.js; the language in i18n.js.
import { KEY, makeStore } from './storage.js';

export const MAX = 280; // code points in a note
export const FIELD_MAX = 120; // code points in a note field's value

export const store = makeStore(() => localStorage);
export const params = new URLSearchParams(location.search);
export const codePoints = (s) => [...s].length;

export const S = {
  session: store.load(KEY.session, null), // {code, token, group, participant, lang}
  fieldsDraft: store.load(KEY.fieldsDraft, {}), // field id -> value being written for the next note
  labels: store.load(KEY.labels, {}), // "exercise|language" -> {field id -> {label, kind}} seen in a step
  view: null, // the last full answer of /api/state
  room: null, // {room, groups} from /api/room while joining
  zone: null, // the zone picked for the next note
  writes: 0, // bumped when a write succeeds: older poll answers may predate it
  edit: null, // {id, draft, fields, busy, error}
  confirm: null, // note id whose delete is being confirmed
  busy: {}, // note id -> true while a delete is under way
  cardError: {}, // note id -> message
  inflight: 0, // votes and "done" answers not yet back: a poll answer now may predate them
  replyTo: null, // the note id a "why?" answers (chain steps)
  voteMsg: '', // why the last vote was refused
  doneBusy: false,
  stepKey: '', // exercise, step index: a change scrolls to the top
  contextFolded: new Set(), // exercises whose "what we build on" the participant folded away
};
const isMap = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
if (!isMap(S.fieldsDraft)) S.fieldsDraft = {};
if (!isMap(S.labels)) S.labels = {};

export function saveSession() { store.save(KEY.session, S.session); }

export function zoneOf(id) {
  const act = S.view && S.view.activity;
  return (act && act.zones || []).find((z) => z.id === id) || null;
}

export function byTime(a, b) {
  return (a.created_at || 0) - (b.created_at || 0) || a.id - b.id;
}

// In a conclude step with proposals a note written in that step is a proposal for the
// conclusion: the server keeps it off the board.
export function isProposal(n) {
  const step = S.view && S.view.activity && S.view.activity.step;
  return !!(step && step.kind === 'conclude' && step.proposals && n.step === step.index);
}

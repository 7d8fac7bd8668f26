// The page's state: the session, the last answer of /api/state and what the participant is
// doing (editing, replying, voting), plus the questions every screen asks of it.
// The outbox's notes live in outbox.js; the language in i18n.js.
import { KEY, makeStore } from './storage.js';

export const MAX = 280; // characters in a note, as the server counts them (model.hpp)
export const PER_CHARACTER = 4; // and at most 4 code points per character on average
export const FIELD_MAX = 120; // a note field's characters (maxLength counts UTF-16 units: never more)

export const store = makeStore(() => localStorage);
export const params = new URLSearchParams(location.search);
export const codePoints = (s) => [...s].length;
// Characters as a person counts them and as the server does (core/text.hpp): the text composed
// (NFC), then grapheme clusters, so "👍🏽", "🇳🇴" and "Å" typed as A + ring are one each. A browser
// without Intl.Segmenter counts code points: never fewer than the server, so it lets nothing
// too long through.
const graphemes = typeof Intl !== 'undefined' && Intl.Segmenter
  ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
export function characters(s) {
  const composed = s.normalize('NFC');
  if (!graphemes) return codePoints(composed);
  let n = 0;
  for (const _ of graphemes.segment(composed)) n += 1; // eslint-disable-line no-unused-vars
  return n;
}
export const tooLong = (s) => characters(s) > MAX || codePoints(s.normalize('NFC')) > PER_CHARACTER * MAX;

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

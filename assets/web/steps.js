// The parts of a step besides notes and votes: the timer's countdown, the "done" button, the
// conclusion so far, and "what we build on" from earlier gatherings.
import { S } from './state.js';
import { t, errorText, language } from './i18n.js';
import { $, el, reconcile, toast } from './dom.js';
import { api } from './net.js';
import { render } from './render.js';
import { pollNow } from './poll.js';
import { DATE, fieldLine } from './fields.js';

// ---- timer: counts down locally from the server's remaining_seconds, re-synced on each state

const T = { active: false, running: false, end: 0, remaining: 0, shown: '' };

export function syncTimer(act) {
  const tm = act && act.timer;
  const was = T.running;
  // `started` tells a timer paused in its first second from one never started.
  T.active = !!(tm && (typeof tm.started === 'boolean' ? tm.started
    : tm.running || tm.remaining_seconds < tm.duration_seconds));
  T.running = !!(tm && tm.running);
  T.remaining = tm ? Math.max(0, tm.remaining_seconds) : 0;
  if (T.running) {
    // remaining_seconds is rounded up: aim at the middle of that second.
    const end = performance.now() + (T.remaining - 0.5) * 1000;
    if (!was || Math.abs(end - T.end) > 1500) T.end = end;
  }
  const planned = act && act.step && act.step.timer_seconds > 0;
  $('timer').hidden = T.active || !planned;
  if (planned) $('timer').textContent = t('timer', { m: Math.max(1, Math.round(act.step.timer_seconds / 60)) });
  tick();
}

function clock(s) {
  const m = Math.floor(s / 60);
  return String(m).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
}

export function tick() {
  const box = $('countdown');
  if (!T.active || !S.view || !S.view.activity) {
    box.hidden = true;
    T.shown = '';
    return;
  }
  const s = T.running ? Math.max(0, Math.ceil((T.end - performance.now()) / 1000)) : T.remaining;
  const state = s <= 0 ? 'over' : T.running ? 'running' : 'paused';
  const shown = state + s + language();
  if (shown === T.shown) return;
  T.shown = shown;
  box.hidden = false;
  box.dataset.state = state;
  $('countdown-time').textContent = state === 'over' ? t('timeUp') : clock(s);
  $('countdown-note').textContent = state === 'paused' ? t('timerPaused') : '';
  $('countdown-note').hidden = state !== 'paused';
  box.setAttribute('aria-label', state === 'over' ? t('timeUp')
    : t(state === 'paused' ? 'timerPausedLabel' : 'timerLabel', { time: clock(s) }));
}

// ---- done: "I am done" in write and vote steps, with how many of the group are

export function renderDone(done) {
  $('done-box').hidden = !done;
  if (!done) return;
  const b = $('done');
  b.setAttribute('aria-pressed', String(!!done.me));
  b.textContent = done.me ? t('doneYes', { n: done.count, m: done.total }) : t('doneButton');
  b.disabled = S.doneBusy;
  $('done-count').textContent = done.me ? t('doneUndo') : t('doneCount', { n: done.count, m: done.total });
}

async function toggleDone() {
  const act = S.view && S.view.activity;
  if (!act || !act.done || S.doneBusy) return;
  const want = !act.done.me;
  const before = Object.assign({}, act.done);
  act.done.me = want;
  act.done.count = Math.max(0, act.done.count + (want ? 1 : -1));
  S.doneBusy = true;
  S.inflight++;
  render();
  const r = await api('POST', '/api/done', { done: want });
  S.doneBusy = false;
  S.inflight--;
  const cur = S.view && S.view.activity;
  if (r.ok && r.data && r.data.done) {
    if (cur && cur.done) Object.assign(cur.done, r.data.done);
    S.writes++;
  } else {
    if (cur && cur.done) Object.assign(cur.done, before);
    if (r.status !== 401) toast(errorText(r));
  }
  if (!S.inflight) pollNow();
  render();
}

// ---- conclusion and context

// What the group has concluded so far, field by field, read-only: the facilitator writes it.
export function renderConclusion(fields) {
  $('conclusion').hidden = !fields || !fields.length;
  if (!fields) return;
  reconcile($('field-list'), fields.map((f) => ({
    key: 'f:' + f.id,
    sig: JSON.stringify([f.label, f.hint, f.text, language()]),
    build: () => {
      // Written fields are what the group has said: large. Empty ones are one quiet line.
      const li = el('li', 'field' + (f.text ? '' : ' empty'));
      li.dataset.field = f.id;
      li.appendChild(el('p', 'field-label', f.label));
      if (f.text) li.appendChild(el('p', 'field-text', f.text));
      else li.appendChild(el('p', 'field-empty', t('fieldEmpty')));
      return li;
    },
  })));
}

// What the group brings from earlier gatherings (the chosen root causes, the measures it
// planned): open at first; once someone folds it away it stays folded for that exercise.
export function renderContext(items) {
  const box = $('context');
  box.hidden = !items.length;
  if (!items.length) return;
  const exercise = S.view.activity.exercise;
  if (box.dataset.exercise !== exercise) {
    box.dataset.exercise = exercise;
    box.open = !S.contextFolded.has(exercise);
  }
  reconcile($('context-list'), items.map((c, i) => ({
    key: 'c:' + i,
    sig: JSON.stringify([c, language()]),
    build: () => {
      const part = el('section', 'context-item');
      part.appendChild(el('h2', 'context-label', String(c.label || '')));
      if (c.text) part.appendChild(el('p', 'context-text', String(c.text)));
      const notes = Array.isArray(c.notes) ? c.notes : [];
      if (notes.length) {
        const list = el('ul', 'context-notes');
        notes.forEach((n) => {
          const li = el('li', 'context-note');
          li.appendChild(el('p', 'context-note-text', String(n.text || '')));
          (Array.isArray(n.fields) ? n.fields : []).forEach((f) => {
            const value = String(f.value || '');
            li.appendChild(fieldLine(String(f.label || ''), value, f.kind === 'date' && DATE.test(value)));
          });
          list.appendChild(li);
        });
        part.appendChild(list);
      }
      return part;
    },
  })));
}

export function bindSteps() {
  setInterval(tick, 250);
  $('done').addEventListener('click', toggleDone);
  $('context').addEventListener('toggle', () => {
    const exercise = $('context').dataset.exercise;
    if (!exercise) return;
    if ($('context').open) S.contextFolded.delete(exercise);
    else S.contextFolded.add(exercise);
  });
}

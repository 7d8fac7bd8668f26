// A pulse step: one statement per screen, answered with one tap on a scale of large buttons;
// the answer is sent at once and the next statement follows. Answers are anonymous: the page
// only ever holds this phone's own (activity.my_answers), and says so.
import { S } from './state.js';
import { t, errorText } from './i18n.js';
import { $, el } from './dom.js';
import { api } from './net.js';
import { render } from './render.js';
import { pollNow } from './poll.js';

const P = {
  key: '', // exercise and step: a new pulse starts at its first unanswered statement
  index: 0, // the statement on screen
  mine: {}, // statement id -> value, as sent (ahead of the next poll)
  msg: '',
  queue: Promise.resolve(),
};

const statementsOf = (act) => (act && act.step && Array.isArray(act.step.statements) ? act.step.statements : []);

function answers(act) {
  return { ...(act.my_answers || {}), ...P.mine };
}

export function renderPulse(act) {
  const box = $('pulse');
  const statements = statementsOf(act);
  if (!act) {
    box.hidden = true;
    return;
  }
  box.hidden = !statements.length;
  if (!statements.length) return;
  const key = act.exercise + '|' + act.step.index;
  if (key !== P.key) {
    P.key = key;
    P.mine = {};
    P.msg = '';
    const mine = act.my_answers || {};
    const first = statements.findIndex((s) => mine[s.id] == null);
    P.index = first < 0 ? statements.length : first;
  }
  const given = answers(act);
  const all = statements.every((s) => given[s.id] != null);
  const finished = P.index >= statements.length;
  $('pulse-question').hidden = finished;
  $('pulse-thanks').hidden = !finished;
  $('pulse-answered').textContent = t('pulseAnswered', { n: act.answered || 0 });
  if (finished) {
    $('pulse-thanks-text').textContent = all ? t('pulseThanks', { n: statements.length }) : '';
    return;
  }
  const s = statements[P.index];
  $('pulse-progress').textContent = t('pulseOf', { i: P.index + 1, n: statements.length });
  $('pulse-statement').textContent = s.text;
  $('pulse-back').disabled = P.index === 0;
  $('pulse-msg').textContent = P.msg;
  $('pulse-msg').hidden = !P.msg;
  renderScale(act.step.scale || {}, s.id, given[s.id]);
}

function renderScale(scale, statement, chosen) {
  const min = Number.isInteger(scale.min) ? scale.min : 1;
  const max = Number.isInteger(scale.max) && scale.max > min ? Math.min(scale.max, min + 10) : min + 6;
  const labels = scale.labels || {};
  const list = $('pulse-scale');
  const sig = [statement, min, max, chosen].join('|');
  if (list.dataset.sig === sig) return;
  list.dataset.sig = sig;
  list.textContent = '';
  list.style.setProperty('--points', String(max - min + 1));
  for (let v = min; v <= max; v++) {
    const b = el('button', 'point' + (v === chosen ? ' chosen' : ''), String(v));
    b.type = 'button';
    b.setAttribute('aria-pressed', v === chosen ? 'true' : 'false');
    b.setAttribute('aria-label', t('pulsePoint', { value: v, label: labels[String(v)] || '' }).trim());
    b.addEventListener('click', () => answer(statement, v));
    list.appendChild(b);
  }
  // Words at the ends (and the middle, if the instrument has them) under the buttons.
  const ends = $('pulse-ends');
  ends.textContent = '';
  for (const [point, words] of Object.entries(labels)) {
    const p = Number(point);
    if (!(p >= min && p <= max)) continue;
    const span = el('span', 'end', words);
    span.style.setProperty('--at', String((p - min) / Math.max(1, max - min)));
    span.dataset.edge = p === min ? 'start' : p === max ? 'end' : 'middle';
    ends.appendChild(span);
  }
}

function answer(statement, value) {
  P.mine[statement] = value;
  P.msg = '';
  P.index += 1;
  S.inflight++;
  render();
  P.queue = P.queue.then(async () => {
    const r = await api('POST', '/api/answers', { statement, value });
    S.inflight--;
    if (r.ok) {
      S.writes++;
    } else if (r.status !== 401) {
      delete P.mine[statement];
      const act = S.view && S.view.activity;
      const at = statementsOf(act).findIndex((s) => s.id === statement);
      if (at >= 0) P.index = at; // back to the one that failed, with why
      P.msg = r.code === 'step_closed' ? t('err_step_closed') : errorText(r) || t('pulseSaveFailed');
    }
    if (!S.inflight) pollNow();
    render();
  });
}

export function bindPulse() {
  $('pulse-back').addEventListener('click', () => {
    P.index = Math.max(0, P.index - 1);
    P.msg = '';
    render();
  });
  $('pulse-next').addEventListener('click', () => {
    P.index += 1;
    P.msg = '';
    render();
  });
  $('pulse-review').addEventListener('click', () => {
    P.index = 0;
    render();
  });
}

// Voting with dots: the dots left, + and − on every card. Each tap shows at once (optimistic)
// and is sent in order; a refusal takes it back, and the next poll reconciles with the server.
import { S, isProposal } from './state.js';
import { t, errorText } from './i18n.js';
import { $, el, button, reconcile } from './dom.js';
import { api } from './net.js';
import { render } from './render.js';
import { pollNow } from './poll.js';
import { boardRows, boardCard, rowItems } from './board.js';

export function renderVotes() {
  const act = S.view.activity;
  const left = act.votes.left;
  $('votes-left').textContent = t('votesLeft', { n: left, m: act.votes.budget });
  $('votes-left').classList.toggle('empty', left <= 0);
  const dl = $('dots-left');
  const budget = Math.max(0, Math.min(20, act.votes.budget || 0));
  if (dl.children.length !== budget) {
    dl.textContent = '';
    for (let i = 0; i < budget; i++) dl.appendChild(el('span', 'dot'));
  }
  [...dl.children].forEach((d, i) => d.classList.toggle('spent', i >= left));
  $('vote-msg').textContent = S.voteMsg;
  $('vote-msg').hidden = !S.voteMsg;
  // A note of a later step (the facilitator went back) takes no votes.
  const notes = (S.view.notes || []).filter((n) => !isProposal(n) && !(n.step > act.step.index));
  const rows = boardRows(notes);
  reconcile($('vote-list'), rowItems(rows, (r) => voteCard(r.note, left, r.depth, r.clustered),
    (n) => [n.my_votes, left > 0]));
  $('no-vote-notes').hidden = notes.length > 0;
}

function voteCard(n, left, depth, clustered) {
  const li = boardCard(n, depth, clustered, false);
  li.classList.add('votable');
  li.dataset.myVotes = String(n.my_votes || 0);
  const foot = el('div', 'card-foot vote-foot');
  const dots = el('span', 'dots');
  dots.setAttribute('role', 'img');
  dots.setAttribute('aria-label', t('myVotes', { n: n.my_votes || 0 }));
  for (let i = 0; i < (n.my_votes || 0); i++) dots.appendChild(el('span', 'dot'));
  const minus = button('round ghost minus', '−', () => vote(n.id, -1), t('voteRemove'));
  minus.disabled = !n.my_votes;
  const plus = button('round primary plus', '+', () => vote(n.id, 1), t('voteAdd'));
  plus.classList.toggle('spent', left <= 0);
  const row = el('div', 'row');
  row.appendChild(minus);
  row.appendChild(plus);
  foot.appendChild(dots);
  foot.appendChild(row);
  li.appendChild(foot);
  return li;
}

let voteQueue = Promise.resolve();

function vote(id, delta) {
  const act = S.view && S.view.activity;
  const n = S.view && S.view.notes.find((x) => x.id === id);
  if (!act || !act.votes || !n) return;
  if (delta < 0 && !(n.my_votes > 0)) return;
  // With no dots left (as far as the phone knows) the server still decides: it says why.
  const optimistic = delta < 0 || act.votes.left > 0;
  if (optimistic) {
    n.my_votes = (n.my_votes || 0) + delta;
    act.votes.left -= delta;
  }
  S.voteMsg = '';
  S.inflight++;
  render();
  voteQueue = voteQueue.then(async () => {
    const r = delta > 0
      ? await api('POST', '/api/votes', { note: id })
      : await api('DELETE', '/api/votes/' + id);
    S.inflight--;
    const cur = S.view && S.view.activity;
    const note = S.view && S.view.notes.find((x) => x.id === id);
    if (r.ok) {
      S.writes++;
    } else {
      if (optimistic && cur && cur.votes && note) {
        note.my_votes = Math.max(0, (note.my_votes || 0) - delta);
        cur.votes.left = Math.min(cur.votes.budget, Math.max(0, cur.votes.left + delta));
      }
      if (r.code === 'no_votes_left') {
        S.voteMsg = t('err_no_votes_left');
        if (cur && cur.votes) cur.votes.left = 0;
      } else if (r.code === 'step_closed') {
        S.voteMsg = t('err_vote_closed');
      } else if (r.status !== 401) {
        S.voteMsg = errorText(r);
      }
    }
    if (!S.inflight) pollNow();
    render();
  });
}

// The group's board, read-only (the table lead's buttons come from lead.js): notes zone by zone and tema by tema as the facilitator
// arranged them, "why?" answers under their parent; and others' proposals for the conclusion.
// Once the vote is over each card shows its dots and the top ones their place (the server
// sends neither before). The table screen (table.js) draws its board with these too.
import { S, zoneOf, byTime } from './state.js';
import { t, language } from './i18n.js';
import { $, el, button, safeColour, reconcile } from './dom.js';
import { startReply } from './write.js';
import { fieldLines, fieldsSig } from './fields.js';
import { leadCard, leadClusterHead, leadProposal, leadSig } from './lead.js';

// The group's notes as the facilitator arranged them: zone by zone (in the exercise's order),
// inside a zone cluster by cluster, then the notes not in a cluster. A "why?" answer follows
// its parent, one level deeper. Returns a flat list of rows: {type: zone|cluster|note, ...}.
export function boardRows(notes) {
  const act = S.view.activity;
  const ids = new Set(notes.map((n) => n.id));
  const children = new Map();
  const roots = [];
  notes.slice().sort(byTime).forEach((n) => {
    if (n.parent != null && n.parent !== n.id && ids.has(n.parent)) {
      if (!children.has(n.parent)) children.set(n.parent, []);
      children.get(n.parent).push(n);
    } else {
      roots.push(n);
    }
  });
  const zoneOrder = (act.zones || []).map((z) => z.id);
  roots.forEach((n) => { if (!zoneOrder.includes(n.zone || '')) zoneOrder.push(n.zone || ''); });
  const clusterOrder = (act.clusters || []).map((c) => c.id);
  const clusterName = new Map((act.clusters || []).map((c) => [c.id, c.name]));
  const rows = [];
  const seen = new Set();
  const walk = (n, depth, clustered) => {
    if (seen.has(n.id)) return; // a loop in the chain would be a server bug; never hang on it
    seen.add(n.id);
    rows.push({ type: 'note', note: n, depth, clustered });
    (children.get(n.id) || []).forEach((c) => walk(c, depth + 1, clustered));
  };
  zoneOrder.forEach((zid) => {
    const inZone = roots.filter((n) => (n.zone || '') === zid);
    if (!inZone.length) return;
    rows.push({ type: 'zone', zone: zid });
    const clusters = [...new Set(inZone.map((n) => n.cluster).filter((c) => c != null))]
      .sort((a, b) => (clusterOrder.indexOf(a) + 1 || 1e9) - (clusterOrder.indexOf(b) + 1 || 1e9));
    clusters.forEach((cid) => {
      rows.push({ type: 'cluster', id: cid, name: clusterName.get(cid) || '' });
      inZone.filter((n) => n.cluster === cid).forEach((n) => walk(n, 0, true));
    });
    inZone.filter((n) => n.cluster == null).forEach((n) => walk(n, 0, false));
  });
  return rows;
}

function zoneHead(zid) {
  const z = zoneOf(zid);
  const li = el('li', 'zone-head');
  const c = z && safeColour(z.colour);
  if (c) li.style.setProperty('--note', c);
  li.appendChild(el('span', '', z ? z.label : t('noZone')));
  return li;
}

function clusterHead(name) {
  const li = el('li', 'cluster-head');
  li.appendChild(el('span', 'sr-only', t('cluster') + ': '));
  li.appendChild(el('span', '', name || t('unnamedCluster')));
  return li;
}

// A note's place among the vote's winners (1–3, ties share one), or 0: activity.results.top
// lists them best first; the place is one more than the winners with more dots.
export function topPlace(n) {
  const act = S.view && S.view.activity;
  const top = (act && act.results && act.results.top) || [];
  if (!top.includes(n.id)) return 0;
  const dots = new Map((S.view.notes || []).map((m) => [m.id, m.dots || 0]));
  return 1 + top.filter((id) => (dots.get(id) || 0) > (n.dots || 0)).length;
}

// The vote's result on a card: its place, large, and its dots as a row of dots and a number.
function resultLine(n, place) {
  const p = el('p', 'result');
  if (place) p.appendChild(el('span', 'top-mark', t('topPlace', { place })));
  const dots = el('span', 'dot-total');
  const shown = Math.min(n.dots, 10);
  const row = el('span', 'dot-row', '●'.repeat(shown) + (n.dots > shown ? '+' : ''));
  row.setAttribute('aria-hidden', 'true');
  if (n.dots > 0) dots.appendChild(row);
  dots.appendChild(el('span', 'dot-count', t('dotsTotal', { n: n.dots })));
  p.appendChild(dots);
  return p;
}

// A read-only card on the board: text, and what it is (own, highlighted, an answer, its dots).
export function boardCard(n, depth, clustered, chain) {
  const li = el('li', 'card board-card');
  const z = zoneOf(n.zone);
  const colour = z && safeColour(z.colour);
  if (colour) li.style.setProperty('--note', colour);
  li.dataset.id = String(n.id);
  li.classList.toggle('in-cluster', clustered);
  li.classList.toggle('hl', !!n.highlighted);
  if (depth > 0) {
    li.classList.add('answer', 'depth-' + Math.min(depth, 3));
    li.appendChild(el('p', 'why', t('why')));
  }
  const place = n.dots != null ? topPlace(n) : 0;
  li.classList.toggle('top', place > 0);
  if (n.dots != null) li.appendChild(resultLine(n, place));
  li.appendChild(el('p', 'card-text', n.text));
  const lines = fieldLines(n.fields);
  if (lines) li.appendChild(lines);
  const tags = el('p', 'tags');
  if (n.highlighted) tags.appendChild(el('span', 'tag hl', t('highlighted')));
  if (n.mine) tags.appendChild(el('span', 'tag mine', t('mineTag')));
  if (tags.firstChild) li.appendChild(tags);
  if (chain) {
    const b = button('ghost why-btn', t('whyButton'), () => startReply(n), t('whyAnswer', { text: n.text }));
    li.appendChild(b);
  }
  return li;
}

// The rows as reconcile() items; sigOf(note) adds what else a note's card shows.
export function rowItems(rows, buildNote, sigOf) {
  const lang = language();
  return rows.map((r) => {
    if (r.type === 'zone') {
      return { key: 'z:' + r.zone, sig: JSON.stringify([zoneOf(r.zone), lang]), build: () => zoneHead(r.zone) };
    }
    if (r.type === 'cluster') {
      return {
        key: 'c:' + r.id,
        sig: JSON.stringify([r.name, lang, leadSig()]),
        build: () => leadClusterHead(clusterHead(r.name), r),
      };
    }
    const n = r.note;
    return {
      key: 'n:' + n.id,
      sig: JSON.stringify([n.text, n.zone, n.mine, n.highlighted, r.depth, r.clustered, lang, sigOf(n),
        fieldsSig(n.fields), n.dots, n.dots != null && topPlace(n)]),
      build: () => buildNote(r),
    };
  });
}

export function renderBoard(notes, chain) {
  $('board').hidden = !notes;
  if (!notes) return reconcile($('board-list'), []);
  $('board-count').textContent = notes.length ? '(' + notes.length + ')' : '';
  $('board-lead').hidden = !chain || !notes.length;
  const rows = boardRows(notes);
  // The table lead's buttons hook in here (lead.js); other phones' cards stay read-only.
  reconcile($('board-list'), rowItems(rows, (r) => leadCard(boardCard(r.note, r.depth, r.clustered, chain), r.note),
    () => [chain, leadSig()]));
  $('no-board').hidden = notes.length > 0;
}

// Others' proposals for the conclusion (conclude steps); one's own are under "Dine forslag".
export function renderProposals(notes) {
  $('proposals').hidden = !notes.length;
  reconcile($('proposal-list'), notes.slice().sort(byTime).map((n) => ({
    key: 'q:' + n.id,
    sig: JSON.stringify([n.text, n.highlighted, language(), fieldsSig(n.fields), leadSig()]),
    build: () => leadProposal(boardCard(n, 0, false, false), n),
  })));
}

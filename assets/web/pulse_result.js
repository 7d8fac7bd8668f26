// The step after a pulse: the group's result as the server sums it up (activity.pulse_result),
// per statement a bar split by the points chosen, the mean and n beside it — or "for få svar".
// The page only ever gets the group's figures, never one person's answers.
import { t, language } from './i18n.js';
import { $, el } from './dom.js';

// "5,4" in Norwegian, "5.4" in English.
function decimal(v) {
  const s = Number(v).toFixed(1);
  return language() === 'en' ? s : s.replace('.', ',');
}

// A point's grey from light (low) to dark (high): readable printed or seen in grey, and its
// count in black or white, whichever keeps a contrast of at least 4.5:1.
function shade(point, min, max) {
  const f = (point - min) / Math.max(1, max - min);
  const light = Math.round(93 - f * 68); // 93 % … 25 %
  return { bg: `hsl(215, 18%, ${light}%)`, fg: light <= 45 ? '#fff' : '#111' };
}

function bar(statement, min, max) {
  const box = el('div', 'pr-bar');
  const parts = [];
  for (let p = min; p <= max; p++) {
    const k = (statement.distribution && statement.distribution[String(p)]) || 0;
    parts.push(`${p}: ${k}`);
    if (!k) continue;
    const seg = el('span', 'pr-seg', String(k));
    const c = shade(p, min, max);
    seg.style.flexGrow = String(k);
    seg.style.background = c.bg;
    seg.style.color = c.fg;
    seg.setAttribute('aria-hidden', 'true');
    box.appendChild(seg);
  }
  box.appendChild(el('span', 'sr-only', t('pulseDistribution', { list: parts.join(', ') })));
  return box;
}

function legend(r) {
  const box = el('div', 'pr-legend');
  box.setAttribute('aria-hidden', 'true');
  const labels = (r.scale && r.scale.labels) || {};
  const min = r.scale.min, max = r.scale.max;
  if (labels[String(min)]) box.appendChild(el('span', 'pr-end', labels[String(min)]));
  for (let p = min; p <= max; p++) {
    const c = shade(p, min, max);
    const sq = el('span', 'pr-key', String(p));
    sq.style.background = c.bg;
    sq.style.color = c.fg;
    box.appendChild(sq);
  }
  if (labels[String(max)]) box.appendChild(el('span', 'pr-end', labels[String(max)]));
  return box;
}

export function renderPulseResult(r) {
  const box = $('pulse-result');
  box.hidden = !r;
  if (!r) return;
  const sig = JSON.stringify(r) + language();
  if (box.dataset.sig === sig) return;
  box.dataset.sig = sig;
  $('pulse-result-title').textContent = t('pulseResultTitle', { title: (r.instrument && r.instrument.title) || '' });
  $('pulse-result-n').textContent = t('pulseResultAnswered', { n: r.respondents });
  $('pulse-result-few').hidden = !r.suppressed;
  $('pulse-result-few-title').textContent = t('pulseTooFew');
  $('pulse-result-few-why').textContent = t('pulseTooFewWhy', { answered: r.respondents, needed: r.threshold });
  const list = $('pulse-result-list');
  list.textContent = '';
  list.hidden = r.suppressed;
  $('pulse-result-legend').textContent = '';
  if (!r.suppressed) {
    $('pulse-result-legend').appendChild(legend(r));
    for (const s of r.statements || []) {
      const li = el('li', 'pr-row');
      li.appendChild(el('p', 'pr-text', s.text));
      if (s.suppressed) {
        li.appendChild(el('p', 'muted small', `${t('pulseStatementTooFew')} · ${t('pulseN', { n: s.n })}`));
      } else {
        li.appendChild(bar(s, r.scale.min, r.scale.max));
        li.appendChild(el('p', 'pr-figures', `${t('pulseMean', { mean: decimal(s.mean) })} · ${t('pulseN', { n: s.n })}`));
      }
      list.appendChild(li);
    }
  }
  const source = [r.citation, r.licence].some(Boolean) ? t('pulseSource', { citation: r.citation || '', licence: r.licence || '' }) : '';
  $('pulse-result-source').textContent = source;
  $('pulse-result-source').hidden = !source;
}

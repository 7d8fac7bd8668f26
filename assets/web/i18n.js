// The page's words: looks keys up in window.SAMLING_STRINGS (strings.js: language → key →
// text with {name} placeholders), in the room's language with bokmål as the fallback.
// An entry may be plural forms ({one, other, …}), chosen by Intl.PluralRules for `n`. No DOM.

let current = 'nb';

const table = () => globalThis.SAMLING_STRINGS || { nb: {} };

export function language() { return current; }
export function hasLanguage(lang) { return !!table()[lang]; }
export function setLanguage(lang) { current = lang; }

// The plural form of `entry` for the number `n` in `lang`; `other` when there is no such form.
export function pluralForm(entry, lang, n) {
  let form = 'other';
  if (typeof n === 'number' && isFinite(n)) {
    try { form = new Intl.PluralRules(lang).select(n); } catch (e) { /* unknown language: other */ }
  }
  const text = form in entry ? entry[form] : entry.other;
  return typeof text === 'string' ? text : '';
}

// Pure: the text for `key` in `lang` from `strings`, placeholders filled from `vars`.
export function translate(strings, lang, key, vars) {
  let from = lang;
  let s = strings[lang] && strings[lang][key];
  if (!s) {
    from = 'nb'; // a missing translation shows bokmål, with bokmål's plural rules
    s = strings.nb && strings.nb[key];
  }
  if (s && typeof s === 'object') s = pluralForm(s, from, vars ? Number(vars.n) : NaN);
  if (!s || typeof s !== 'string') s = key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  return s;
}

export function t(key, vars) {
  return translate(table(), current, key, vars);
}

// What to tell the participant about a failed request (api.js's answer).
export function errorText(r) {
  if (r.network) return t('err_network');
  if (r.status === 429) return t('err_rate_limited', { s: r.retryAfter });
  if (r.code && (table().nb || {})['err_' + r.code]) return t('err_' + r.code);
  return r.message || t('err_unknown', { status: r.status });
}

// The guard against personal data, checked before a note is sent: a fødselsnummer, D- or
// H-nummer (never sent), a name with an age or class, or a case word (the writer is asked to
// rephrase). The twin of the server's facilitator/core/personal_data.cpp: the same rules, held
// to the same answers by tests/fixtures/personal_data.json. No DOM.

const LETTER = /\p{L}/u;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const LOWER = /\p{Ll}/u;
const isLetter = (c) => c !== undefined && LETTER.test(c);
const isUpper = (c) => c !== undefined && UPPER.test(c);
const isLower = (c) => c !== undefined && LOWER.test(c);
const isDigit = (c) => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';

// The year the individual number gives a two-digit year (Skatteetaten's ranges), or 0.
function birthYear(yy, individual) {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (yy <= 39) return 2000 + yy;
  if (individual >= 900) return 1900 + yy;
  return 0;
}

// A mod-11 control digit; -1 when the remainder leaves 10, a number never issued.
function controlDigit(d, weights) {
  let sum = 0;
  weights.forEach((w, i) => { sum += d[i] * w; });
  const k = 11 - (sum % 11);
  return k === 11 ? 0 : k === 10 ? -1 : k;
}

// Whether 11 digits are a fødselsnummer, D-nummer (day + 40) or H-nummer (month + 40) with a
// date the calendar has and both control digits right.
export function isPersonalNumber(s) {
  if (!/^[0-9]{11}$/.test(s)) return false;
  const d = [...s].map(Number);
  let day = d[0] * 10 + d[1];
  let month = d[2] * 10 + d[3];
  if (day > 40) day -= 40;
  else if (month > 40) month -= 40;
  const year = birthYear(d[4] * 10 + d[5], d[6] * 100 + d[7] * 10 + d[8]);
  if (!year || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  const k1 = controlDigit(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  const k2 = controlDigit(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  return k1 === d[9] && k2 === d[10];
}

// Eleven digits standing alone, or six and five with one space, dot or hyphen between.
function hasPersonalNumber(t) {
  const n = t.length;
  const digitsFrom = (at) => { let j = at; while (j < n && isDigit(t[j])) j++; return j - at; };
  for (let i = 0; i < n; i++) {
    if (!isDigit(t[i]) || (i > 0 && isDigit(t[i - 1]))) continue;
    const run = digitsFrom(i);
    let number = '';
    if (run === 11) number = t.slice(i, i + 11).join('');
    else if (run === 6 && i + 12 <= n && ' .-'.includes(t[i + 6]) && digitsFrom(i + 7) === 5)
      number = t.slice(i, i + 6).join('') + t.slice(i + 7, i + 12).join('');
    if (number && isPersonalNumber(number)) return true;
    i += run - 1;
  }
  return false;
}

// `word` (lower case, as code points) at t[at…] in any case: the position after it, else 0.
function matchWord(t, at, word) {
  if (at + word.length > t.length) return 0;
  for (let i = 0; i < word.length; i++) if (t[at + i].toLowerCase() !== word[i]) return 0;
  return at + word.length;
}
const skipSpaces = (t, at) => { while (at < t.length && isSpace(t[at])) at++; return at; };

// After a name: "(7)", "(7 år)", ", 9 år", " 9 år", " i 3A" / " på 2B" / " in 4C".
function ageOrClassAt(t, at) {
  const n = t.length;
  const ageDigits = (from) => { let j = from; while (j < n && isDigit(t[j])) j++; return j - from >= 1 && j - from <= 2 ? j : 0; };
  const ageWord = (from) => {
    for (const w of [['å', 'r'], [...'years'], [...'year'], [...'yrs']]) {
      const end = matchWord(t, from, w);
      if (end && (end === n || !isLetter(t[end]))) return end;
    }
    return 0;
  };
  let j = skipSpaces(t, at);
  if (j < n && t[j] === '(') {
    j = ageDigits(skipSpaces(t, j + 1));
    if (j) {
      const afterWord = ageWord(skipSpaces(t, j));
      j = skipSpaces(t, afterWord || j);
      if (j < n && t[j] === ')') return true;
    }
  }
  j = at;
  if (j < n && t[j] === ',') j++;
  const k = skipSpaces(t, j);
  if (k > at) {
    const end = ageDigits(k);
    if (end && ageWord(skipSpaces(t, end))) return true;
  }
  j = skipSpaces(t, at);
  if (j > at) {
    for (const word of [['i'], ['p', 'å'], ['i', 'n']]) {
      const end = matchWord(t, j, word);
      if (!end || end === skipSpaces(t, end)) continue;
      const code = skipSpaces(t, end);
      let d = code;
      while (d < n && isDigit(t[d])) d++;
      if (d - code < 1 || d - code > 2 || d >= n || !isLetter(t[d])) continue;
      if (d + 1 === n || (!isLetter(t[d + 1]) && !isDigit(t[d + 1]) && t[d + 1] !== '-')) return true;
    }
  }
  return false;
}

// A capitalised word (a name: "Per", "Anne-Lise") followed by an age or a class.
function hasNameWithAge(t) {
  const n = t.length;
  for (let i = 0; i < n; i++) {
    if (!isUpper(t[i]) || (i > 0 && (isLetter(t[i - 1]) || isDigit(t[i - 1])))) continue;
    let j = i + 1;
    for (;;) {
      const start = j;
      while (j < n && isLower(t[j])) j++;
      if (j === start) break;
      if (j + 2 < n && t[j] === '-' && isUpper(t[j + 1]) && isLower(t[j + 2])) j += 2;
      else break;
    }
    if (j === i + 1 || (j < n && isLetter(t[j]))) continue;
    if (ageOrClassAt(t, j)) return true;
  }
  return false;
}

const CASE_WORDS = [
  'saksnummer', 'saksnr', 'saks.nr', 'journalnummer', 'journalnr', 'journal.nr', 'personnummer', 'personnr',
  'fødselsnummer', 'fødselsnr', 'd-nummer', 'case number', 'case no.', 'case file', 'journal number',
  'record number', 'personal number', 'identity number', 'id number', 'social security number', 'birth number',
].map((w) => [...w]);

function hasCaseWord(t) {
  for (let i = 0; i < t.length; i++) {
    if (i > 0 && isLetter(t[i - 1])) continue;
    if (CASE_WORDS.some((w) => matchWord(t, i, w))) return true;
  }
  return false;
}

// Every rule the text matches, each once, the hard one first: 'personal_number' (never sent),
// 'name_with_age', 'case_word' (asked about). Names the rule, never the text.
export function findPersonalData(text) {
  const t = [...String(text || '')];
  const found = [];
  if (hasPersonalNumber(t)) found.push('personal_number');
  if (hasNameWithAge(t)) found.push('name_with_age');
  if (hasCaseWord(t)) found.push('case_word');
  return found;
}

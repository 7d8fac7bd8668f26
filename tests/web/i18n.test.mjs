// The phone page's words (assets/web/i18n.js) without a browser: keys looked up in the room's
// language with bokmål as the fallback, {name} placeholders, plural entries chosen per
// language by Intl.PluralRules, and the words for each kind of failed request, read from the
// real strings.js.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { pageModule, WEB } from './page_modules.mjs';

const i18n = await pageModule('i18n.js');
const { translate, pluralForm } = i18n;

// strings.js as the page runs it: a classic script that sets window.SAMLING_STRINGS.
function realStrings() {
  const window = {};
  vm.runInNewContext(readFileSync(join(WEB, 'strings.js'), 'utf8'), { window });
  return window.SAMLING_STRINGS;
}

const NOTES = { one: '{n} lapp', other: '{n} lapper' };
const STRINGS = {
  nb: { hello: 'Hei, {name}!', only_nb: 'Bare bokmål', notes: NOTES, broken: { one: '{n} ting' } },
  nn: { hello: 'Hei, {name}!', notes: { one: '{n} lapp', other: '{n} lappar' } },
  en: { hello: 'Hello, {name}!', notes: { one: '{n} note', other: '{n} notes' } },
};

describe('translate', () => {
  it('fills named placeholders and leaves unknown ones as they are', () => {
    assert.equal(translate(STRINGS, 'en', 'hello', { name: 'Kari' }), 'Hello, Kari!');
    assert.equal(translate(STRINGS, 'en', 'hello', {}), 'Hello, {name}!');
    assert.equal(translate(STRINGS, 'en', 'hello'), 'Hello, {name}!');
  });

  it('falls back to bokmål, then to the key itself', () => {
    assert.equal(translate(STRINGS, 'en', 'only_nb'), 'Bare bokmål');
    assert.equal(translate(STRINGS, 'se', 'hello', { name: 'Ánne' }), 'Hei, Ánne!');
    assert.equal(translate(STRINGS, 'nn', 'missing_key'), 'missing_key');
  });

  it('chooses the plural form for n in each language', () => {
    assert.equal(translate(STRINGS, 'nb', 'notes', { n: 1 }), '1 lapp');
    assert.equal(translate(STRINGS, 'nb', 'notes', { n: 0 }), '0 lapper');
    assert.equal(translate(STRINGS, 'nb', 'notes', { n: 3 }), '3 lapper');
    assert.equal(translate(STRINGS, 'nn', 'notes', { n: 1 }), '1 lapp');
    assert.equal(translate(STRINGS, 'nn', 'notes', { n: 2 }), '2 lappar');
    assert.equal(translate(STRINGS, 'en', 'notes', { n: 1 }), '1 note');
    assert.equal(translate(STRINGS, 'en', 'notes', { n: 21 }), '21 notes');
    assert.equal(translate(STRINGS, 'en', 'notes', { n: '1' }), '1 note', 'a count given as text');
  });

  it('uses "other" without a count, and the key when a form is missing', () => {
    assert.equal(translate(STRINGS, 'nb', 'notes'), '{n} lapper');
    assert.equal(translate(STRINGS, 'nb', 'notes', { n: 'mange' }), 'mange lapper');
    assert.equal(translate(STRINGS, 'nb', 'broken', { n: 1 }), '1 ting');
    assert.equal(translate(STRINGS, 'nb', 'broken', { n: 5 }), 'broken', 'no "other": the key, never "undefined"');
  });

  it('follows the rules of a language with more forms than one and other', () => {
    const forms = { one: 'one', two: 'two', few: 'few', many: 'many', other: 'other' };
    // Northern Sami, the realistic next language, has a dual.
    assert.equal(pluralForm(forms, 'se', 2), 'two');
    assert.equal(pluralForm(forms, 'se', 1), 'one');
    assert.equal(pluralForm(forms, 'se', 3), 'other');
    assert.equal(pluralForm(forms, 'xx-not-a-language!', 1), 'other');
  });
});

describe('the page\'s t() and errorText() over strings.js', () => {
  globalThis.SAMLING_STRINGS = realStrings();
  const { t, setLanguage, hasLanguage, errorText } = i18n;

  it('speaks the room\'s language', () => {
    assert.ok(hasLanguage('nb') && hasLanguage('nn') && hasLanguage('en'));
    assert.equal(hasLanguage('de'), false);
    setLanguage('en');
    assert.equal(t('counter', { n: 12, max: 280 }), '12 / 280');
    assert.equal(t('err_network'), globalThis.SAMLING_STRINGS.en.err_network);
    setLanguage('nb');
  });

  it('words each kind of failed request', () => {
    const S = globalThis.SAMLING_STRINGS;
    for (const lang of ['nb', 'nn', 'en']) {
      setLanguage(lang);
      const L = { ...S.nb, ...S[lang] };
      assert.equal(errorText({ network: true, status: 0 }), L.err_network);
      assert.equal(errorText({ status: 429, retryAfter: 7, code: 'rate_limited' }), L.err_rate_limited.replace('{s}', '7'));
      assert.equal(errorText({ status: 409, code: 'step_closed', message: 'Writing is closed.' }), L.err_step_closed);
      assert.equal(errorText({ status: 400, code: 'some_new_code', message: 'Server words.' }), 'Server words.');
      assert.equal(errorText({ status: 500, code: '', message: '' }), L.err_unknown.replace('{status}', '500'));
    }
    setLanguage('nb');
  });
});

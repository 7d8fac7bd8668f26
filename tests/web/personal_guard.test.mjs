// The phone's guard against personal data (assets/web/personal_guard.js) in node: every vector
// of tests/fixtures/personal_data.json, which the core's doctest reads too, answered alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageModule } from './page_modules.mjs';

const { findPersonalData, isPersonalNumber } = await pageModule('personal_guard.js');
const fixture = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures',
  'personal_data.json'), 'utf8'));

test('every shared vector gets the rules the fixture names, the hard one first', () => {
  assert.ok(fixture.cases.length >= 30);
  for (const c of fixture.cases) assert.deepEqual(findPersonalData(c.text), c.rules, `${c.text} (${c.why})`);
});

test('fødselsnummer, D-nummer and H-nummer need a real date and both control digits', () => {
  for (const ok of ['01019012480', '29020052099', '41019012393', '71128923483', '01419012382', '24528534534'])
    assert.ok(isPersonalNumber(ok), ok);
  for (const bad of ['01019012481', '01019012580', '0101901248', '010190124800', '29020010027', '31029012302',
    '01139012328', '72019012345'])
    assert.ok(!isPersonalNumber(bad), bad);
});

test('a changed control digit is never a valid number', () => {
  for (const number of ['01019012480', '41019012393', '01419012382', '15080551212'])
    for (const i of [9, 10]) {
      const wrong = number.slice(0, i) + String((Number(number[i]) + 1) % 10) + number.slice(i + 1);
      assert.ok(!isPersonalNumber(wrong), wrong);
    }
});

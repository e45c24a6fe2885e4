import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findCriteriaSheet, findRuleSet, scoreEvaluation } from '../rule-sets/index.ts';
import { choicesUpTo, extremeChoices } from '../../../tests/support/criteria.ts';
import { defaultRoundDates, entryDeadline, outcomeOf } from './round-rules.ts';

const ruleSet = findRuleSet('26-2026')!;
const sheet = findCriteriaSheet('26-2026', 3)!;

const council = (choices: Record<string, string>[], level: 'province' | 'central' = 'province') => {
  const result = scoreEvaluation({
    ruleSet,
    sheet,
    memberSheets: choices.map((c, i) => ({ memberId: `m${i}`, isChair: i === 0, choices: c })),
    council: { councilSize: 3, level },
  });
  assert.ok(result.ok);
  return result.value;
};

describe('round rules (QĐ 26/2026 Đ.5, Đ.7)', () => {
  test('the legal cut-offs of regular rounds; the ministry’s second round falls in the next year', () => {
    assert.deepEqual(defaultRoundDates(ruleSet, 'province', 'first', 2027), { proposalsDueOn: '2027-04-30', completeBy: '2027-06-30' });
    assert.deepEqual(defaultRoundDates(ruleSet, 'province', 'second', 2027), { proposalsDueOn: '2027-10-30', completeBy: '2027-12-30' });
    assert.deepEqual(defaultRoundDates(ruleSet, 'central', 'first', 2027), { proposalsDueOn: '2027-07-30', completeBy: '2027-09-30' });
    assert.deepEqual(defaultRoundDates(ruleSet, 'central', 'second', 2027), { proposalsDueOn: '2028-01-30', completeBy: '2028-03-30' });
    assert.equal(defaultRoundDates(ruleSet, 'province', 'extra', 2027), null);
  });

  test('province: 3★/4★ recognised, 90 or more proposed to the ministry; central: only 5★ recognised', () => {
    const best = extremeChoices(sheet, 'best');
    const four = choicesUpTo(sheet, 80);
    const three = choicesUpTo(sheet, 60);
    const worst = extremeChoices(sheet, 'worst');
    assert.equal(outcomeOf(council([best, best, best]), 'province'), 'proposed_to_central');
    assert.equal(outcomeOf(council([four, four, four]), 'province'), 'recognised');
    assert.equal(outcomeOf(council([three, three, three]), 'province'), 'recognised');
    assert.equal(outcomeOf(council([worst, worst, worst]), 'province'), 'not_recognised');
    assert.equal(outcomeOf(council([best, best, best], 'central'), 'central'), 'recognised');
    assert.equal(outcomeOf(council([four, four, four], 'central'), 'central'), 'not_recognised');
    assert.equal(outcomeOf(council([best, best]), 'province'), 'no_quorum', '2 of 3 members is below the 3/4 quorum');
  });

  test('without quorum there is no result', () => {
    const best = extremeChoices(sheet, 'best');
    const result = scoreEvaluation({ ruleSet, sheet, memberSheets: [{ memberId: 'a', isChair: true, choices: best }], council: { councilSize: 3 } });
    assert.ok(result.ok);
    assert.equal(outcomeOf(result.value, 'province'), 'no_quorum');
  });

  test('re-evaluation finishes within 45 days; dossiers filed before 22/5/2026 within 60 or 30 days of that day', () => {
    assert.equal(entryDeadline('re_evaluation', '2026-11-23', '2026-11-01'), '2027-01-07');
    assert.equal(entryDeadline('first', '2026-11-23', '2026-11-01'), null);
    assert.equal(entryDeadline('first', '2026-06-01', '2026-05-21'), '2026-07-21');
    assert.equal(entryDeadline('re_evaluation', '2026-06-01', '2026-05-21'), '2026-06-21');
  });
});

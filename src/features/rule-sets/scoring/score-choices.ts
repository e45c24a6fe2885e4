/** One member's sheet: the choices scored against a compiled sheet, and the sheet's check against its rule set. */
import type { CriteriaSheet, PartCode } from '../criteria-sheet.ts';
import type { RuleSet } from '../rule-set.ts';
import { validateCriteriaSheet } from '../validate-criteria-sheet.ts';
import type { CompiledSheet } from './compiled-sheet.ts';
import type { CriterionScore, MemberResult, MemberScoreSheet, NotApplicableCriterion, ScoringError } from './types.ts';

export interface ScoredMember {
  result: MemberResult;
  centiByCode: Map<string, number>;
  totalCenti: number;
  partCenti: Record<PartCode, number>;
  notApplicable: NotApplicableCriterion[];
}

/**
 * Scores one sheet of choices against the compiled criteria sheet; returns every problem found.
 * Criteria that are missing are errors unless the member disqualified the dossier or applied a stop
 * rule (then nothing after that point has to be scored; missing criteria count 0).
 */
export function scoreChoices(
  compiled: CompiledSheet,
  member: MemberScoreSheet,
): { ok: true; scored: ScoredMember } | { ok: false; errors: ScoringError[] } {
  const errors: ScoringError[] = [];
  const { sheet } = compiled;
  const memberId = member.memberId;
  if (member.productSetNumber !== undefined && member.productSetNumber !== sheet.productSet.number) {
    errors.push({
      code: 'WRONG_PRODUCT_SET',
      memberId,
      message: `score sheet is for product set ${member.productSetNumber}, the criteria sheet is set ${sheet.productSet.number}`,
    });
  }
  for (const [code, optionId] of Object.entries(member.choices)) {
    const leaf = compiled.leafByCode.get(code);
    if (!leaf) {
      errors.push(
        compiled.allCodes.has(code)
          ? { code: 'NOT_A_LEAF_CRITERION', memberId, criterion: code, message: `criterion ${code} has sub-criteria; choose options of its sub-criteria` }
          : { code: 'UNKNOWN_CRITERION', memberId, criterion: code, message: `criterion ${code} is not on the sheet of product set ${sheet.productSet.number}` },
      );
    } else if (!leaf.optionById.has(optionId)) {
      errors.push({ code: 'UNKNOWN_OPTION', memberId, criterion: code, message: `option ${optionId} does not belong to criterion ${code}` });
    }
  }
  let disqualification: MemberResult['disqualification'] = null;
  if (member.disqualified) {
    const reason = sheet.disqualifications.find((item) => item.id === member.disqualified?.reasonId);
    if (!reason) {
      errors.push({
        code: 'UNKNOWN_DISQUALIFICATION',
        memberId,
        message: `disqualification reason ${member.disqualified.reasonId} is not on this sheet (${sheet.disqualifications.map((item) => item.id).join(', ') || 'none'})`,
      });
    } else {
      disqualification = { reasonId: reason.id, text: reason.text };
    }
  }
  let stop: MemberResult['stop'] = null;
  if (member.stoppedBy) {
    const rule = sheet.stopRules.find((item) => item.id === member.stoppedBy?.ruleId);
    if (!rule) {
      errors.push({ code: 'UNKNOWN_STOP_RULE', memberId, message: `stop rule ${member.stoppedBy.ruleId} is not on this sheet` });
    } else {
      stop = { ruleId: rule.id, criterion: rule.criterion, text: rule.text, optionId: null };
    }
  }
  for (const leaf of compiled.leaves) {
    const chosen = member.choices[leaf.code];
    const rule = chosen === undefined ? undefined : compiled.stopByOption.get(chosen);
    if (rule && stop === null) stop = { ruleId: rule.id, criterion: rule.criterion, text: rule.text, optionId: chosen ?? null };
  }
  const incompleteAllowed = disqualification !== null || stop !== null;

  const criteria: CriterionScore[] = [];
  const centiByCode = new Map<string, number>();
  const partCenti: Record<PartCode, number> = { A: 0, B: 0, C: 0 };
  const notApplicable: NotApplicableCriterion[] = [];
  for (const leaf of compiled.leaves) {
    const chosenId = member.choices[leaf.code];
    const condition = leaf.appliesWhen;
    if (condition) {
      const decidingId = member.choices[condition.criterion];
      const deciding = decidingId === undefined ? undefined : compiled.leafByCode.get(condition.criterion)?.optionById.get(decidingId);
      if (deciding && (condition.notOptionIds.has(deciding.id) || condition.notOptionCenti.has(deciding.centi))) {
        notApplicable.push({
          memberId,
          criterion: leaf.code,
          because: { criterion: condition.criterion, optionId: deciding.id },
          text: condition.text,
          ignoredChoice: chosenId ?? null,
        });
        criteria.push({ code: leaf.code, part: leaf.part, optionId: null, points: 0, applicable: false });
        centiByCode.set(leaf.code, 0);
        continue;
      }
    }
    const option = chosenId === undefined ? undefined : leaf.optionById.get(chosenId);
    if (chosenId === undefined && !incompleteAllowed) {
      errors.push({ code: 'MISSING_CHOICE', memberId, criterion: leaf.code, message: `no option chosen for criterion ${leaf.code}` });
    }
    const centi = option?.centi ?? 0;
    criteria.push({ code: leaf.code, part: leaf.part, optionId: option?.id ?? null, points: centi / 100, applicable: true });
    centiByCode.set(leaf.code, centi);
    partCenti[leaf.part] += centi;
  }
  if (errors.length > 0) return { ok: false, errors };
  const totalCenti = partCenti.A + partCenti.B + partCenti.C;
  return {
    ok: true,
    scored: {
      result: {
        memberId,
        isChair: member.isChair === true,
        criteria,
        parts: { A: partCenti.A / 100, B: partCenti.B / 100, C: partCenti.C / 100 },
        total: totalCenti / 100,
        disqualification,
        stop,
      },
      centiByCode,
      totalCenti,
      partCenti,
      notApplicable,
    },
  };
}

// Sheets and rule sets are immutable reference data: validate each pair once, not once per product.
const sheetChecks = new WeakMap<CriteriaSheet, WeakMap<RuleSet, ScoringError[]>>();

/** Checks that the sheet belongs to the rule set and is internally consistent. */
export function checkSheetAgainstRuleSet(ruleSet: RuleSet, sheet: CriteriaSheet): ScoringError[] {
  let byRuleSet = sheetChecks.get(sheet);
  if (!byRuleSet) sheetChecks.set(sheet, (byRuleSet = new WeakMap()));
  let errors = byRuleSet.get(ruleSet);
  if (!errors) byRuleSet.set(ruleSet, (errors = computeSheetCheck(ruleSet, sheet)));
  return [...errors];
}

function computeSheetCheck(ruleSet: RuleSet, sheet: CriteriaSheet): ScoringError[] {
  const errors: ScoringError[] = [];
  if (sheet.ruleSetId !== ruleSet.id) {
    errors.push({ code: 'WRONG_RULE_SET', message: `criteria sheet belongs to rule set ${sheet.ruleSetId}, scoring under ${ruleSet.id}` });
  }
  const validation = validateCriteriaSheet(sheet, { partMaxima: ruleSet.partMaxima, total: ruleSet.totalMaxPoints });
  if (!validation.ok) {
    for (const problem of validation.problems) {
      errors.push({ code: 'INVALID_SHEET', message: `${problem.code} at ${problem.path}: ${problem.message}` });
    }
  }
  return errors;
}

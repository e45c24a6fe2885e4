import { criteriaSheetSchema, type CriteriaSheet, type PartCode } from './criteria-sheet.ts';

export type CriteriaSheetProblemCode =
  | 'SCHEMA'
  | 'MARKER'
  | 'PART_MISSING'
  | 'PART_DUPLICATE'
  | 'PART_MAX'
  | 'PART_SUM'
  | 'TOTAL'
  | 'SECTION_SUM'
  | 'CRITERION_MAX'
  | 'CHILDREN_SUM'
  | 'NO_OPTIONS'
  | 'OPTIONS_AND_CHILDREN'
  | 'DUPLICATE_OPTION_ID'
  | 'OPTION_ID_PREFIX'
  | 'DUPLICATE_CODE'
  | 'CHILD_CODE_PREFIX'
  | 'POINTS_PRECISION'
  | 'BAD_REFERENCE';

export interface CriteriaSheetProblem {
  code: CriteriaSheetProblemCode;
  /** Where: a JSON path ("parts[0].sections[1].criteria[2]") followed by the criterion code when there is one. */
  path: string;
  message: string;
}

export type CriteriaSheetValidation =
  | { ok: true; sheet: CriteriaSheet }
  | { ok: false; problems: CriteriaSheetProblem[] };

export interface CriteriaSheetExpectations {
  partMaxima: Record<PartCode, number>;
  total: number;
}

/** QĐ 26/2026 Đ.3.1 (A 40, B 25, C 35) and Đ.3.3 ("tổng điểm … tối đa là 100 điểm"). */
export const DECISION_26_2026_EXPECTATIONS: CriteriaSheetExpectations = {
  partMaxima: { A: 40, B: 25, C: 35 },
  total: 100,
};

// The scoring engine counts in hundredths of a point so that sums and averages stay exact;
// a sheet may therefore use at most two decimals.
const POINT_SCALE = 100;

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Points compared in hundredths; NaN (a value the schema already rejected) never "differs". */
function differ(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.round(a * POINT_SCALE) !== Math.round(b * POINT_SCALE);
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Checks a criteria sheet and returns every problem at once (never throws for bad input).
 * The schema is checked first; the arithmetic and reference checks then run on whatever shape the
 * input has, so one missing number does not hide an unrelated wrong sum. Checks: total 100 with
 * parts A/B/C = 40/25/35, each section's maximum = sum of its criteria, each criterion's maximum =
 * its best option (or the sum of its sub-criteria), unique option ids and codes, star markers in
 * {3, 4, 5}, points with at most two decimals, and references (appliesWhen, stop rules, variants).
 */
export function validateCriteriaSheet(
  input: unknown,
  expectations: CriteriaSheetExpectations = DECISION_26_2026_EXPECTATIONS,
): CriteriaSheetValidation {
  const problems: CriteriaSheetProblem[] = [];
  const report = (code: CriteriaSheetProblemCode, path: string, message: string): void => {
    problems.push({ code, path, message });
  };

  const parsed = criteriaSheetSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      if (issue.path.at(-1) === 'minStars') report('MARKER', path, `star marker must be 3, 4, 5 or null (${issue.message})`);
      else report('SCHEMA', path, issue.message);
    }
  }

  const sheet = asRecord(input);
  const parts = asArray(sheet.parts).map(asRecord);
  const seenParts = new Set<string>();
  for (const part of parts) {
    const code = asString(part.code);
    if (seenParts.has(code)) report('PART_DUPLICATE', `part ${code}`, `part ${code} appears twice`);
    seenParts.add(code);
  }
  for (const code of ['A', 'B', 'C'] as const) {
    if (!seenParts.has(code)) report('PART_MISSING', `part ${code}`, `part ${code} is missing`);
  }

  const partMaxima = parts.map((part) => (isNumber(part.maxPoints) ? part.maxPoints : Number.NaN));
  const declaredTotal = isNumber(sheet.totalMaxPoints) ? sheet.totalMaxPoints : Number.NaN;
  if (differ(sum(partMaxima), expectations.total) || differ(declaredTotal, expectations.total)) {
    report(
      'TOTAL',
      'totalMaxPoints',
      `parts sum to ${sum(partMaxima)}, the sheet states ${declaredTotal}, the rule set requires ${expectations.total}`,
    );
  }

  const criterionCodes = new Set<string>();
  const sectionCodes = new Set<string>();
  const optionIds = new Set<string>();
  const leafOptions = new Map<string, Set<string>>();
  const references: Array<{ path: string; check: () => void }> = [];

  const checkCriterion = (raw: Record<string, unknown>, path: string, sectionCode: string): void => {
    const code = asString(raw.code);
    const where = `${path} (${code})`;
    const maxPoints = isNumber(raw.maxPoints) ? raw.maxPoints : Number.NaN;
    // A section printed without sub-criteria is modelled as one criterion carrying the section's code.
    if (criterionCodes.has(code) || (sectionCodes.has(code) && code !== sectionCode)) {
      report('DUPLICATE_CODE', where, `criterion code ${code} is used twice`);
    }
    criterionCodes.add(code);
    const children = asArray(raw.children).map(asRecord);
    const options = asArray(raw.options).map(asRecord);
    const condition = raw.appliesWhen === undefined ? null : asRecord(raw.appliesWhen);
    if (condition) {
      references.push({
        path: where,
        check: () => {
          const target = asString(condition.criterion);
          const ids = leafOptions.get(target);
          if (!ids) {
            report('BAD_REFERENCE', where, `appliesWhen refers to unknown criterion ${target}`);
            return;
          }
          for (const id of asArray(condition.notOptionIds).map(asString)) {
            if (!ids.has(id)) report('BAD_REFERENCE', where, `appliesWhen refers to unknown option ${id} of ${target}`);
          }
        },
      });
    }
    if (children.length > 0) {
      if (options.length > 0) report('OPTIONS_AND_CHILDREN', where, `criterion ${code} has both options and sub-criteria`);
      const childSum = sum(children.map((child) => (isNumber(child.maxPoints) ? child.maxPoints : Number.NaN)));
      if (differ(childSum, maxPoints)) {
        report('CHILDREN_SUM', where, `criterion ${code} max ${maxPoints} ≠ sum of its sub-criteria ${childSum}`);
      }
      children.forEach((child, index) => {
        const childCode = asString(child.code);
        if (!childCode.startsWith(`${code}.`)) {
          report('CHILD_CODE_PREFIX', `${path}.children[${index}] (${childCode})`, `sub-criterion ${childCode} is not under ${code}`);
        }
        checkCriterion(child, `${path}.children[${index}]`, sectionCode);
      });
      return;
    }
    if (options.length === 0) {
      report('NO_OPTIONS', where, `criterion ${code} has no options`);
      return;
    }
    const ids = new Set<string>();
    const variants = new Set(asArray(raw.variants).map((variant) => asString(asRecord(variant).id)));
    options.forEach((option, index) => {
      const id = asString(option.id);
      const optionWhere = `${path}.options[${index}] (${id})`;
      if (optionIds.has(id)) report('DUPLICATE_OPTION_ID', optionWhere, `option id ${id} is used twice`);
      optionIds.add(id);
      ids.add(id);
      if (!id.startsWith(`${code}.`)) report('OPTION_ID_PREFIX', optionWhere, `option id ${id} does not start with "${code}."`);
      if (isNumber(option.points) && Math.abs(option.points * POINT_SCALE - Math.round(option.points * POINT_SCALE)) > 1e-9) {
        report('POINTS_PRECISION', optionWhere, `points ${option.points} have more than two decimals`);
      }
      if (option.variant !== undefined && !variants.has(asString(option.variant))) {
        report('BAD_REFERENCE', optionWhere, `option ${id} refers to unknown variant ${String(option.variant)}`);
      }
    });
    leafOptions.set(code, ids);
    const best = Math.max(...options.map((option) => (isNumber(option.points) ? option.points : Number.NaN)));
    if (differ(best, maxPoints)) report('CRITERION_MAX', where, `criterion ${code} max ${maxPoints} ≠ best option ${best}`);
  };

  parts.forEach((part, partIndex) => {
    const code = asString(part.code);
    const partPath = `parts[${partIndex}] (${code})`;
    const maxPoints = partMaxima[partIndex] ?? Number.NaN;
    const expected = expectations.partMaxima[code as PartCode];
    if (expected !== undefined && differ(maxPoints, expected)) {
      report('PART_MAX', partPath, `part ${code} max ${maxPoints} ≠ ${expected} required by the rule set`);
    }
    const sections = asArray(part.sections).map(asRecord);
    const sectionSum = sum(sections.map((section) => (isNumber(section.maxPoints) ? section.maxPoints : Number.NaN)));
    if (differ(sectionSum, maxPoints)) report('PART_SUM', partPath, `part ${code} max ${maxPoints} ≠ sum of its sections ${sectionSum}`);
    sections.forEach((section, sectionIndex) => {
      const sectionCode = asString(section.code);
      const sectionPath = `parts[${partIndex}].sections[${sectionIndex}]`;
      if (sectionCodes.has(sectionCode)) report('DUPLICATE_CODE', `${sectionPath} (${sectionCode})`, `section code ${sectionCode} is used twice`);
      sectionCodes.add(sectionCode);
      const criteria = asArray(section.criteria).map(asRecord);
      const criteriaSum = sum(criteria.map((criterion) => (isNumber(criterion.maxPoints) ? criterion.maxPoints : Number.NaN)));
      const sectionMax = isNumber(section.maxPoints) ? section.maxPoints : Number.NaN;
      if (differ(criteriaSum, sectionMax)) {
        report('SECTION_SUM', `${sectionPath} (${sectionCode})`, `section ${sectionCode} max ${sectionMax} ≠ sum of its criteria ${criteriaSum}`);
      }
      criteria.forEach((criterion, criterionIndex) => checkCriterion(criterion, `${sectionPath}.criteria[${criterionIndex}]`, sectionCode));
    });
  });

  for (const reference of references) reference.check();
  asArray(sheet.stopRules).map(asRecord).forEach((rule, index) => {
    const target = asString(rule.criterion);
    if (!criterionCodes.has(target) && !sectionCodes.has(target)) {
      report('BAD_REFERENCE', `stopRules[${index}]`, `stop rule refers to unknown criterion ${target}`);
    }
    for (const id of asArray(rule.optionIds).map(asString)) {
      if (!optionIds.has(id)) report('BAD_REFERENCE', `stopRules[${index}]`, `stop rule refers to unknown option ${id}`);
    }
  });
  const disqualificationIds = new Set<string>();
  asArray(sheet.disqualifications).map(asRecord).forEach((item, index) => {
    const id = asString(item.id);
    if (disqualificationIds.has(id)) report('BAD_REFERENCE', `disqualifications[${index}]`, `disqualification id ${id} is used twice`);
    disqualificationIds.add(id);
    const target = item.criterion === undefined ? undefined : asString(item.criterion);
    if (target !== undefined && !criterionCodes.has(target) && !sectionCodes.has(target)) {
      report('BAD_REFERENCE', `disqualifications[${index}]`, `disqualification refers to unknown criterion ${target}`);
    }
  });

  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, sheet: parsed.data };
}

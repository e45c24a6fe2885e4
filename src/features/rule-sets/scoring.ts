/**
 * Pure scoring rules for OCOP evaluation (no I/O, no clock, no database).
 *
 * Arithmetic. Option points have at most two decimals (the sheet validator enforces it), so every
 * score is counted in integer hundredths of a point ("centipoints"). Member totals are exact; an
 * average is kept as an exact fraction (sum of centipoints / number of members) and every
 * comparison with a band or a threshold is made on that fraction in integers. Nothing is rounded
 * before a decision. Rounding happens only in `display` strings:
 *   - half-up to two decimals (what a council secretary does by hand or with Excel's ROUND);
 *   - except that the displayed total never reaches a star-band boundary that the exact average
 *     has not reached: such a value is truncated instead (89.996 shows "89.99", not "90.00",
 *     because QĐ 26/2026 Đ.3.3 puts "từ 70 đến dưới 90" in 4★).
 *
 * Star bands (QĐ 26/2026 Đ.3.3): applied to the council's average total ("tổng điểm trung bình"),
 * half-open intervals from the rule set.
 *
 * Star-minimum markers (Phụ lục II footnote "Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ
 * sao"; domain brief §3.4). Reading used here: to be ranked N★, on every criterion carrying a marker
 * of level m ≤ N, the criterion's points must be at least the points of the lowest option that carries
 * the m★ marker. So a 5★ product must also meet every **** and *** requirement. For a council the
 * criterion's points are the members' average on that criterion (exact), the same figure the star
 * band is computed from. The markers only cap: the result is the highest N ≤ band star whose
 * requirements are all met; 1★ and 2★ carry no markers, so an unmet *** requirement gives 2★.
 *
 * Council rules that the decision leaves to each council's operating regulation (Quy chế hoạt động;
 * domain brief §4.3, Tây Ninh example): the maximum spread between members' totals (default 10
 * points, "không chênh lệch quá 10 điểm") and the quorum (default ≥ 3/4 of members including the
 * chair) are settings.
 *
 * Outcome precedence: no quorum → the meeting cannot decide anything; then disqualification (any
 * member who flags a "Hồ sơ bị loại khi…" condition eliminates the dossier); then a stop rule (any
 * member who records e.g. unacceptable impurities: "không đánh giá các bước tiếp theo"); then a spread
 * above the limit (members discuss and re-score); otherwise the product is ranked.
 */
import type { CriteriaSheet, Criterion, PartCode, StarMarker } from './criteria-sheet.ts';
import type { EvaluationLevel, RuleSet } from './rule-set.ts';
import { validateCriteriaSheet } from './validate-criteria-sheet.ts';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export interface MemberScoreSheet {
  memberId: string;
  isChair?: boolean;
  /** Product set the member scored; when given it must match the criteria sheet. */
  productSetNumber?: number;
  /** Leaf criterion code → chosen option id, e.g. { "1.1": "1.1.c", "7": "7.b" }. */
  choices: Record<string, string>;
  /** The member found a "Hồ sơ bị loại khi…" condition; reasonId is an id from sheet.disqualifications. */
  disqualified?: { reasonId: string };
  /** The member applied a stop rule that no option expresses (e.g. unacceptable impurities). */
  stoppedBy?: { ruleId: string };
}

export interface CouncilSettings {
  /** Largest allowed difference between two members' totals; above it the council re-scores. */
  maxSpread: number;
  quorum: { fraction: number; chairRequired: boolean };
  /** Number of appointed council members (the quorum is a share of this). */
  councilSize: number;
}

export const DEFAULT_COUNCIL_SETTINGS: Omit<CouncilSettings, 'councilSize'> = {
  maxSpread: 10,
  quorum: { fraction: 0.75, chairRequired: true },
};

export interface ScoreEvaluationInput {
  ruleSet: RuleSet;
  sheet: CriteriaSheet;
  memberSheets: MemberScoreSheet[];
  council: {
    councilSize: number;
    maxSpread?: number;
    quorum?: Partial<CouncilSettings['quorum']>;
    /** Level of the council (e.g. "province"); narrows `forwardTo` to the rules that start there. */
    level?: EvaluationLevel;
  };
}

export type ScoringErrorCode =
  | 'INVALID_SHEET'
  | 'WRONG_RULE_SET'
  | 'WRONG_PRODUCT_SET'
  | 'NO_MEMBER_SHEETS'
  | 'DUPLICATE_MEMBER'
  | 'DUPLICATE_CHAIR'
  | 'INVALID_COUNCIL_SETTINGS'
  | 'UNKNOWN_CRITERION'
  | 'NOT_A_LEAF_CRITERION'
  | 'UNKNOWN_OPTION'
  | 'MISSING_CHOICE'
  | 'UNKNOWN_DISQUALIFICATION'
  | 'UNKNOWN_STOP_RULE'
  | 'INVALID_TARGET';

export interface ScoringError {
  code: ScoringErrorCode;
  memberId?: string;
  criterion?: string;
  message: string;
}

export type ScoringResult<T> = { ok: true; value: T } | { ok: false; errors: ScoringError[] };

/** An exact score: value = numerator / denominator. `display` is for people, never for decisions. */
export interface ExactScore {
  numerator: number;
  denominator: number;
  value: number;
  display: string;
}

export interface CriterionScore {
  code: string;
  part: PartCode;
  optionId: string | null;
  points: number;
  applicable: boolean;
}

export interface NotApplicableCriterion {
  memberId: string;
  criterion: string;
  /** Criterion whose choice made this one not applicable, and the chosen option. */
  because: { criterion: string; optionId: string };
  text: string;
  /** A choice the member gave anyway; ignored (scored 0). */
  ignoredChoice: string | null;
}

export interface MemberResult {
  memberId: string;
  isChair: boolean;
  criteria: CriterionScore[];
  parts: Record<PartCode, number>;
  total: number;
  disqualification: { reasonId: string; text: string } | null;
  stop: { ruleId: string; criterion: string; text: string; optionId: string | null } | null;
}

export interface UnmetMarker {
  criterion: string;
  /** Star level of the marker that is not met. */
  marker: StarMarker;
  /** Points needed on this criterion (the lowest option carrying the marker, and any lower marker). */
  requiredPoints: number;
  /** Lowest option carrying the marker. */
  requiredOptionId: string;
  /** The criterion's points: the council average (or the single sheet's points). */
  actualPoints: ExactScore;
}

export interface StarOutcome {
  /** Star from the score band alone. */
  bandStars: number;
  /** Star after the minimum-requirement markers: never above bandStars. */
  stars: number;
  /** Markers that lowered the star (levels above `stars`, up to `bandStars`); empty when not capped. */
  cappedBy: UnmetMarker[];
}

export interface EvaluationScore {
  ruleSetId: string;
  productSetNumber: number;
  status: 'ranked' | 'no-quorum' | 'disqualified' | 'stopped' | 'needs-rescore';
  members: MemberResult[];
  average: {
    criteria: Array<{ code: string; part: PartCode; average: ExactScore }>;
    parts: Record<PartCode, ExactScore>;
    total: ExactScore;
  };
  /** Star band and cap computed from the average; informative when status is not "ranked". */
  starOutcome: StarOutcome;
  /** The final star, or null when the product is not ranked (no quorum, disqualified, stopped, re-score). */
  stars: number | null;
  recognition: { level: string | null; certificate: boolean } | null;
  /**
   * Where the dossier goes next by its average total (rule-set forwarding thresholds, e.g. ≥ 90 →
   * central under QĐ 26/2026 Đ.7.3.e "đạt từ 90 trở lên"); the markers are not considered.
   */
  forwardTo: Array<{ from: EvaluationLevel; to: EvaluationLevel }>;
  disqualification: { reasons: Array<{ memberId: string; reasonId: string; text: string }> } | null;
  stop: { members: Array<{ memberId: string; ruleId: string; criterion: string; text: string; optionId: string | null }> } | null;
  notApplicable: NotApplicableCriterion[];
  spread: { limit: number; largest: number; pair: [string, string] | null; needsRescore: boolean };
  quorum: { councilSize: number; present: number; required: number; chairPresent: boolean; chairRequired: boolean; met: boolean };
}

// ---------------------------------------------------------------------------------------------
// Compiled sheet (internal): leaves with centipoint options, thresholds and dependencies
// ---------------------------------------------------------------------------------------------

export interface CompiledOption {
  id: string;
  centi: number;
  minStars: StarMarker | null;
  variant: string | undefined;
}

export interface CompiledLeaf {
  code: string;
  part: PartCode;
  criterion: Criterion;
  options: CompiledOption[];
  optionById: Map<string, CompiledOption>;
  /** For each marker level present on this criterion: the lowest option carrying it. */
  markers: Array<{ marker: StarMarker; centi: number; optionId: string }>;
  appliesWhen: { criterion: string; notOptionIds: Set<string>; notOptionCenti: Set<number>; text: string } | null;
}

export interface CompiledSheet {
  sheet: CriteriaSheet;
  leaves: CompiledLeaf[];
  leafByCode: Map<string, CompiledLeaf>;
  allCodes: Set<string>;
  /** Option id → stop rule it triggers. */
  stopByOption: Map<string, CriteriaSheet['stopRules'][number]>;
}

export const toCenti = (points: number): number => Math.round(points * 100);

const compiledSheets = new WeakMap<CriteriaSheet, CompiledSheet>();

/** Flattens a (validated) sheet for scoring; cached per sheet object. */
export function compileSheet(sheet: CriteriaSheet): CompiledSheet {
  const cached = compiledSheets.get(sheet);
  if (cached) return cached;
  const leaves: CompiledLeaf[] = [];
  const allCodes = new Set<string>();
  const visit = (criterion: Criterion, part: PartCode): void => {
    allCodes.add(criterion.code);
    if (criterion.children && criterion.children.length > 0) {
      criterion.children.forEach((child) => visit(child, part));
      return;
    }
    const options = criterion.options.map((option) => ({
      id: option.id,
      centi: toCenti(option.points),
      minStars: option.minStars,
      variant: option.variant,
    }));
    const markers: CompiledLeaf['markers'] = [];
    for (const marker of [3, 4, 5] as const) {
      const carrying = options.filter((option) => option.minStars === marker);
      const lowest = carrying.reduce<CompiledOption | null>((best, option) => (best === null || option.centi < best.centi ? option : best), null);
      if (lowest) markers.push({ marker, centi: lowest.centi, optionId: lowest.id });
    }
    const condition = criterion.appliesWhen;
    leaves.push({
      code: criterion.code,
      part,
      criterion,
      options,
      optionById: new Map(options.map((option) => [option.id, option])),
      markers,
      appliesWhen: condition
        ? {
            criterion: condition.criterion,
            notOptionIds: new Set(condition.notOptionIds ?? []),
            notOptionCenti: new Set((condition.notOptionPoints ?? []).map(toCenti)),
            text: condition.text,
          }
        : null,
    });
  };
  for (const part of sheet.parts) {
    for (const section of part.sections) {
      allCodes.add(section.code);
      section.criteria.forEach((criterion) => visit(criterion, part.code));
    }
  }
  const stopByOption = new Map<string, CriteriaSheet['stopRules'][number]>();
  for (const rule of sheet.stopRules) for (const id of rule.optionIds ?? []) stopByOption.set(id, rule);
  const compiled = { sheet, leaves, leafByCode: new Map(leaves.map((leaf) => [leaf.code, leaf])), allCodes, stopByOption };
  compiledSheets.set(sheet, compiled);
  return compiled;
}

/**
 * Points (centipoints) a criterion needs for a star level: the highest requirement among its markers
 * of level ≤ stars; 0 when none applies. Also returns the binding marker.
 */
export function findMarkerThreshold(leaf: CompiledLeaf, stars: number): { centi: number; marker: CompiledLeaf['markers'][number] | null } {
  let result: { centi: number; marker: CompiledLeaf['markers'][number] | null } = { centi: 0, marker: null };
  for (const marker of leaf.markers) {
    if (marker.marker <= stars && marker.centi >= result.centi) result = { centi: marker.centi, marker };
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Exact scores
// ---------------------------------------------------------------------------------------------

function greatestCommonDivisor(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x === 0 ? 1 : x;
}

function formatCenti(centi: number): string {
  const sign = centi < 0 ? '-' : '';
  const absolute = Math.abs(centi);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/**
 * Exact average of `centiSum` over `count` sheets. `boundariesCenti` are star-band minima: the display
 * never rounds up onto one of them (see the module comment).
 */
export function makeExactScore(centiSum: number, count: number, boundariesCenti: number[] = []): ExactScore {
  const denominatorRaw = 100 * count;
  const divisor = greatestCommonDivisor(centiSum, denominatorRaw);
  const halfUp = Math.floor((2 * centiSum + count) / (2 * count));
  const truncated = Math.floor(centiSum / count);
  const crossesBoundary = boundariesCenti.some((boundary) => centiSum < boundary * count && halfUp >= boundary);
  return {
    numerator: centiSum / divisor,
    denominator: denominatorRaw / divisor,
    value: centiSum / denominatorRaw,
    display: formatCenti(crossesBoundary ? truncated : halfUp),
  };
}

/** score ≥ threshold, exactly (score = centiSum / (100·count), threshold in centipoints). */
const reaches = (centiSum: number, count: number, thresholdCenti: number): boolean => centiSum >= thresholdCenti * count;

/** Star band of an exact average (centiSum over count sheets). */
export function findBandStars(ruleSet: Pick<RuleSet, 'starBands'>, centiSum: number, count: number): number {
  for (const band of ruleSet.starBands) {
    const aboveMin = reaches(centiSum, count, toCenti(band.min));
    const belowMax = band.maxExclusive === null || !reaches(centiSum, count, toCenti(band.maxExclusive));
    if (aboveMin && belowMax) return band.stars;
  }
  // Bands tile [0, ∞) (rule-set schema); a negative score cannot occur with non-negative points.
  return 1;
}

const bandBoundaries = (ruleSet: Pick<RuleSet, 'starBands'>): number[] => ruleSet.starBands.map((band) => toCenti(band.min));

/**
 * Applies the minimum-star markers to a band star. `criterionCenti(code)` gives the criterion's summed
 * centipoints over `count` sheets (1 for a self-assessment, n for a council average).
 */
export function applyStarMarkers(
  compiled: CompiledSheet,
  bandStars: number,
  criterionCenti: (code: string) => number,
  count: number,
): StarOutcome {
  const unmetAt = (stars: number): UnmetMarker[] =>
    compiled.leaves.flatMap((leaf) =>
      leaf.markers
        .filter((marker) => marker.marker === stars)
        .flatMap((marker) => {
          const required = findMarkerThreshold(leaf, stars).centi;
          const actual = criterionCenti(leaf.code);
          if (reaches(actual, count, required)) return [];
          return [{
            criterion: leaf.code,
            marker: marker.marker,
            requiredPoints: required / 100,
            requiredOptionId: marker.optionId,
            actualPoints: makeExactScore(actual, count),
          }];
        }),
    );
  // A level is reached only if its own markers and every lower level's markers are met.
  let stars = Math.min(bandStars, 2);
  for (let level = 3; level <= bandStars; level += 1) {
    const allMet = [3, 4, 5].filter((m) => m <= level).every((m) => unmetAt(m).length === 0);
    if (!allMet) break;
    stars = level;
  }
  const cappedBy: UnmetMarker[] = [];
  for (let level = stars + 1; level <= bandStars; level += 1) if (level >= 3) cappedBy.push(...unmetAt(level));
  return { bandStars, stars, cappedBy };
}

// ---------------------------------------------------------------------------------------------
// One sheet
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Council evaluation
// ---------------------------------------------------------------------------------------------

/**
 * Scores one council evaluation: each member's sheet, the exact council averages per criterion, part
 * and total, the star band and marker cap, disqualification, stop rules, conditional criteria, the
 * spread check and the quorum. Returns every input error at once instead of throwing.
 */
export function scoreEvaluation(input: ScoreEvaluationInput): ScoringResult<EvaluationScore> {
  const { ruleSet, sheet, memberSheets } = input;
  const errors: ScoringError[] = checkSheetAgainstRuleSet(ruleSet, sheet);
  const settings: CouncilSettings = {
    councilSize: input.council.councilSize,
    maxSpread: input.council.maxSpread ?? DEFAULT_COUNCIL_SETTINGS.maxSpread,
    quorum: { ...DEFAULT_COUNCIL_SETTINGS.quorum, ...input.council.quorum },
  };
  if (!Number.isInteger(settings.councilSize) || settings.councilSize < 1) {
    errors.push({ code: 'INVALID_COUNCIL_SETTINGS', message: `council size must be a positive integer, got ${settings.councilSize}` });
  } else if (memberSheets.length > settings.councilSize) {
    errors.push({ code: 'INVALID_COUNCIL_SETTINGS', message: `${memberSheets.length} score sheets for a council of ${settings.councilSize}` });
  }
  if (!(settings.quorum.fraction > 0 && settings.quorum.fraction <= 1)) {
    errors.push({ code: 'INVALID_COUNCIL_SETTINGS', message: `quorum fraction must be in (0, 1], got ${settings.quorum.fraction}` });
  }
  if (!(settings.maxSpread >= 0) || !Number.isFinite(settings.maxSpread)) {
    errors.push({ code: 'INVALID_COUNCIL_SETTINGS', message: `maximum spread must be a non-negative number, got ${settings.maxSpread}` });
  }
  if (memberSheets.length === 0) errors.push({ code: 'NO_MEMBER_SHEETS', message: 'no member score sheets' });
  const seen = new Set<string>();
  for (const member of memberSheets) {
    if (seen.has(member.memberId)) errors.push({ code: 'DUPLICATE_MEMBER', memberId: member.memberId, message: `member ${member.memberId} has two score sheets` });
    seen.add(member.memberId);
  }
  const chairs = memberSheets.filter((member) => member.isChair === true);
  if (chairs.length > 1) errors.push({ code: 'DUPLICATE_CHAIR', message: `${chairs.length} sheets are marked as the chair's` });
  // Sheet problems make every member error meaningless; report them alone.
  if (errors.some((error) => error.code === 'INVALID_SHEET' || error.code === 'WRONG_RULE_SET')) return { ok: false, errors };

  const compiled = compileSheet(sheet);
  const scored: ScoredMember[] = [];
  for (const member of memberSheets) {
    const outcome = scoreChoices(compiled, member);
    if (outcome.ok) scored.push(outcome.scored);
    else errors.push(...outcome.errors);
  }
  if (errors.length > 0) return { ok: false, errors };

  const count = scored.length;
  const boundaries = bandBoundaries(ruleSet);
  const sumBy = (pick: (member: ScoredMember) => number): number => scored.reduce((total, member) => total + pick(member), 0);
  const criterionSum = (code: string): number => sumBy((member) => member.centiByCode.get(code) ?? 0);
  const totalSum = sumBy((member) => member.totalCenti);
  const partSums = { A: sumBy((m) => m.partCenti.A), B: sumBy((m) => m.partCenti.B), C: sumBy((m) => m.partCenti.C) };

  const bandStars = findBandStars(ruleSet, totalSum, count);
  const starOutcome = applyStarMarkers(compiled, bandStars, criterionSum, count);

  const disqualifiedReasons = scored.flatMap((member) =>
    member.result.disqualification ? [{ memberId: member.result.memberId, ...member.result.disqualification }] : [],
  );
  const stops = scored.flatMap((member) => (member.result.stop ? [{ memberId: member.result.memberId, ...member.result.stop }] : []));

  let largest = 0;
  let pair: [string, string] | null = null;
  if (count >= 2) {
    const sorted = [...scored].sort((a, b) => b.totalCenti - a.totalCenti);
    const high = sorted[0];
    const low = sorted.at(-1);
    if (high && low) {
      largest = (high.totalCenti - low.totalCenti) / 100;
      pair = [high.result.memberId, low.result.memberId];
    }
  }
  const needsRescore = toCenti(largest) > toCenti(settings.maxSpread);

  // ceil without floating error: 0.75 × 4 must give 3, not 3.0000000000000004 → 4.
  const required = Math.max(1, Math.ceil(Math.round(settings.quorum.fraction * settings.councilSize * 1e9) / 1e9));
  const chairPresent = chairs.length === 1;
  const quorumMet = count >= required && (!settings.quorum.chairRequired || chairPresent);

  const status: EvaluationScore['status'] = !quorumMet
    ? 'no-quorum'
    : disqualifiedReasons.length > 0
      ? 'disqualified'
      : stops.length > 0
        ? 'stopped'
        : needsRescore
          ? 'needs-rescore'
          : 'ranked';
  const stars = status === 'ranked' ? starOutcome.stars : null;
  const recognitionEntry = stars === null ? null : ruleSet.recognition.find((entry) => entry.stars === stars);
  const forwardTo =
    status === 'ranked'
      ? ruleSet.forwarding
          .filter((rule) => rule.minTotal !== null && (input.council.level === undefined || rule.from === input.council.level))
          .filter((rule) => reaches(totalSum, count, toCenti(rule.minTotal ?? 0)))
          .filter((rule) => rule.maxTotal === null || totalSum <= toCenti(rule.maxTotal) * count)
          .map((rule) => ({ from: rule.from, to: rule.to }))
      : [];

  return {
    ok: true,
    value: {
      ruleSetId: ruleSet.id,
      productSetNumber: sheet.productSet.number,
      status,
      members: scored.map((member) => member.result),
      average: {
        criteria: compiled.leaves.map((leaf) => ({ code: leaf.code, part: leaf.part, average: makeExactScore(criterionSum(leaf.code), count) })),
        parts: {
          A: makeExactScore(partSums.A, count),
          B: makeExactScore(partSums.B, count),
          C: makeExactScore(partSums.C, count),
        },
        total: makeExactScore(totalSum, count, boundaries),
      },
      starOutcome,
      stars,
      recognition: recognitionEntry ? { level: recognitionEntry.level, certificate: recognitionEntry.certificate } : null,
      forwardTo,
      disqualification: disqualifiedReasons.length > 0 ? { reasons: disqualifiedReasons } : null,
      stop: stops.length > 0 ? { members: stops } : null,
      notApplicable: scored.flatMap((member) => member.notApplicable),
      spread: { limit: settings.maxSpread, largest, pair, needsRescore },
      quorum: {
        councilSize: settings.councilSize,
        present: count,
        required,
        chairPresent,
        chairRequired: settings.quorum.chairRequired,
        met: quorumMet,
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Self-assessment (one sheet, no council)
// ---------------------------------------------------------------------------------------------

export interface SelfAssessmentScore {
  criteria: CriterionScore[];
  parts: Record<PartCode, number>;
  total: number;
  starOutcome: StarOutcome;
  notApplicable: NotApplicableCriterion[];
  stop: MemberResult['stop'];
}

/** Scores a producer's self-assessment (Mẫu số 02 Part III): one sheet, band and marker cap. */
export function scoreSelfAssessment(
  ruleSet: RuleSet,
  sheet: CriteriaSheet,
  choices: Record<string, string>,
): ScoringResult<SelfAssessmentScore> {
  const errors = checkSheetAgainstRuleSet(ruleSet, sheet);
  if (errors.length > 0) return { ok: false, errors };
  const compiled = compileSheet(sheet);
  const outcome = scoreChoices(compiled, { memberId: 'self-assessment', choices });
  if (!outcome.ok) return { ok: false, errors: outcome.errors };
  const { scored } = outcome;
  const bandStars = findBandStars(ruleSet, scored.totalCenti, 1);
  const starOutcome = applyStarMarkers(compiled, bandStars, (code) => scored.centiByCode.get(code) ?? 0, 1);
  return {
    ok: true,
    value: {
      criteria: scored.result.criteria,
      parts: scored.result.parts,
      total: scored.result.total,
      starOutcome,
      notApplicable: scored.notApplicable,
      stop: scored.result.stop,
    },
  };
}

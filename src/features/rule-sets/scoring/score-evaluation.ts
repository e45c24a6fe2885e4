/** A council's evaluation: every member's sheet, the exact averages, star band and markers, quorum and spread. */
import { compileSheet, toCenti } from './compiled-sheet.ts';
import { applyStarMarkers, bandBoundaries, findBandStars, makeExactScore, reaches } from './exact-score.ts';
import { checkSheetAgainstRuleSet, scoreChoices, type ScoredMember } from './score-choices.ts';
import { DEFAULT_COUNCIL_SETTINGS, type CouncilSettings, type EvaluationScore, type ScoreEvaluationInput, type ScoringError, type ScoringResult } from './types.ts';

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

/**
 * Pure rules of evaluation rounds (QĐ 26/2026/QĐ-TTg Đ.4–5, Đ.7.3–7.6): the default dates of a round,
 * the outcome of a scored entry at each level, and the deadline of a re-evaluation.
 */
import { addDays, localDate, type LocalDate } from '../../core/clock/index.ts';
import type { EvaluationScore, RuleSet } from '../rule-sets/index.ts';

export type RoundLevel = 'province' | 'central';
export type RoundKind = 'first' | 'second' | 'extra' | 're_evaluation';
export type EntryOutcome = 'recognised' | 'proposed_to_central' | 'not_recognised' | 'disqualified' | 'stopped' | 'no_quorum' | 'recognised_from_central';

/**
 * The legal cut-offs of a regular round (Đ.5): the province's first round takes proposals until 30/4 and
 * finishes by 30/6, its second until 30/10 → 30/12; the ministry's until 30/7 → 30/9 and 30/1 → 30/3 (of
 * the next year). Extra and re-evaluation rounds have no legal dates: the office sets them.
 */
export function defaultRoundDates(ruleSet: RuleSet, level: RoundLevel, kind: RoundKind, year: number): { proposalsDueOn: LocalDate; completeBy: LocalDate } | null {
  if (kind !== 'first' && kind !== 'second') return null;
  const cutoff = ruleSet.roundCutoffs?.find((c) => c.level === level && c.round === (kind === 'first' ? 1 : 2));
  if (!cutoff) return null;
  const dueYear = level === 'central' && kind === 'second' ? year + 1 : year;
  return {
    proposalsDueOn: localDate(dueYear, cutoff.proposalsBefore.month, cutoff.proposalsBefore.day),
    completeBy: localDate(dueYear, cutoff.completedBefore.month, cutoff.completedBefore.day),
  };
}

/**
 * What the council's result means for the product (Đ.7.3.d–e, Đ.7.4):
 *  - province: 3★/4★ are recognised by the provincial chair; a total ≥ 90 is proposed to the ministry
 *    instead (the rule set's forwarding threshold); below 3★ there is no certificate;
 *  - central: 5★ is recognised by the minister; anything lower is not (the province may then recognise
 *    3★/4★ from the central result, see recogniseFromCentral).
 */
export function outcomeOf(score: EvaluationScore, level: RoundLevel): EntryOutcome {
  switch (score.status) {
    case 'no-quorum':
      return 'no_quorum';
    case 'disqualified':
      return 'disqualified';
    case 'stopped':
      return 'stopped';
    case 'needs-rescore':
      throw new Error('an entry that needs a re-score has no outcome');
    case 'ranked':
      break;
  }
  const stars = score.stars ?? 0;
  if (level === 'central') return stars === 5 ? 'recognised' : 'not_recognised';
  if (score.forwardTo.some((f) => f.from === 'province' && f.to === 'central')) return 'proposed_to_central';
  const recognition = score.recognition;
  return recognition?.certificate && recognition.level === 'province' ? 'recognised' : 'not_recognised';
}

/** The outcome in words; once the decision is recorded, a proposal for recognition reads as done. */
export function outcomeLabel(outcome: EntryOutcome, decided: boolean): string {
  if (decided && outcome === 'recognised') return 'Đã công nhận';
  return outcomeLabels[outcome].vi;
}

export const outcomeLabels: Record<EntryOutcome, { vi: string; en: string }> = {
  recognised: { vi: 'Đề nghị công nhận', en: 'Proposed for recognition' },
  proposed_to_central: { vi: 'Đạt từ 90 điểm: tỉnh phê duyệt kết quả và đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận 5 sao', en: '90 points or more: the province approves the result and proposes the product to the ministry for 5★' },
  not_recognised: { vi: 'Không đủ điều kiện công nhận', en: 'Not recognised' },
  disqualified: { vi: 'Hồ sơ bị loại', en: 'Disqualified' },
  stopped: { vi: 'Dừng đánh giá', en: 'Evaluation stopped' },
  no_quorum: { vi: 'Không đủ số thành viên chấm', en: 'No quorum' },
  recognised_from_central: { vi: 'Tỉnh công nhận theo kết quả của Trung ương', en: 'Recognised by the province from the central result' },
};

/**
 * The deadline of the council's work on an entry: 45 days from receipt for a re-evaluation (Đ.7.6.g);
 * for dossiers filed before 22/5/2026, 60 days (first/upgrade) or 30 days (re-evaluation) from that day
 * (Đ.12.2). Regular rounds are bound by the round's own completion date instead.
 */
export function entryDeadline(dossierType: 'first' | 'upgrade' | 're_evaluation', joinedOn: LocalDate, submittedOn: LocalDate | null): LocalDate | null {
  if (submittedOn && submittedOn < '2026-05-22') return addDays('2026-05-22', dossierType === 're_evaluation' ? 30 : 60);
  return dossierType === 're_evaluation' ? addDays(joinedOn, 45) : null;
}

/** The scoring engine's public types: members' sheets, council settings, results and errors. */
import type { CriteriaSheet, PartCode, StarMarker } from '../criteria-sheet.ts';
import type { EvaluationLevel, RuleSet } from '../rule-set.ts';

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

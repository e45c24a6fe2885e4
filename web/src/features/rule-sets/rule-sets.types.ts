/**
 * The shapes of the rule-set answers the OpenAPI document types as `unknown` (the server validates
 * them with its own zod schemas: src/features/rule-sets/rule-set.ts, criteria-sheet.ts,
 * gap-analysis.ts). Only what the screens read is written down here.
 */
import type { Schemas } from '../../app/api.ts';

export type Level = 'commune' | 'district' | 'province' | 'central';
export type PartCode = 'A' | 'B' | 'C';
export type StarMarker = 3 | 4 | 5;

export interface StarBand {
  stars: number;
  min: number;
  /** Half-open [min, maxExclusive); null = no upper bound. */
  maxExclusive: number | null;
}

export interface Deadline {
  value: number | null;
  unit: 'working-days' | 'days' | 'months';
  counted: string;
  source: string | null;
  note?: string;
}

export const deadlineKeys = [
  'communeCheck',
  'certificateValidity',
  'reEvaluationFilingEarliest',
  'reEvaluationFilingLatest',
  'reEvaluationCompletion',
  'revocation',
  'transitionalFirstOrUpgrade',
  'transitionalReEvaluation',
  'lateReEvaluationValidityExtension',
] as const;
export type DeadlineKey = (typeof deadlineKeys)[number];

export interface RuleSet {
  id: string;
  name: string;
  status: 'current' | 'superseded';
  legalBasis: Array<{ instrument: string; signedOn: string | null; role: 'primary' | 'amendment'; summary: string }>;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  totalMaxPoints: number;
  partMaxima: Record<PartCode, number>;
  starBands: StarBand[];
  levels: Level[];
  recognition: Array<{ stars: number; level: Level | null; certificate: boolean }>;
  forwarding: Array<{ from: Level; to: Level; minTotal: number | null; maxTotal: number | null; source: string }>;
  roundCutoffs: Array<{
    level: Level;
    round: number;
    proposalsBefore: { month: number; day: number };
    completedBefore: { month: number; day: number };
    source: string;
  }> | null;
  deadlines: Record<DeadlineKey, Deadline | null>;
  productSets: { count: number | null; classificationFile: string | null; criteriaSheetsDirectory: string | null };
  sources: Array<{ id: string; citation: string; verification: string }>;
  notes: Array<{ field: string; text: string }>;
}

export interface RuleSetSummary {
  id: string;
  name: string;
  status: string;
  legalBasis: RuleSet['legalBasis'];
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export interface CriterionOption {
  id: string;
  label: string;
  points: number;
  minStars: StarMarker | null;
  variant?: string;
  synthesized?: boolean;
}

export interface Criterion {
  code: string;
  name: string;
  description?: string;
  requirement?: string;
  remarks?: string[];
  maxPoints: number;
  appliesWhen?: { criterion: string; notOptionIds?: string[]; notOptionPoints?: number[]; text: string };
  variantInstruction?: string;
  variants?: Array<{ id: string; label: string }>;
  children?: Criterion[];
  options: CriterionOption[];
}

export interface SheetNote {
  where: string;
  kind: 'ambiguity' | 'correction' | 'modelling';
  text: string;
}

export interface CriteriaSheet {
  ruleSetId: string;
  productSet: { number: number; name: string; headingInSheet?: string; classificationInSheet?: string };
  source: { document: string; location: string };
  totalMaxPoints: number;
  parts: Array<{
    code: PartCode;
    name: string;
    maxPoints: number;
    sections: Array<{ code: string; name: string; description?: string; maxPoints: number; criteria: Criterion[] }>;
  }>;
  disqualifications: Array<{ id: string; text: string; criterion?: string }>;
  stopRules: Array<{ id: string; criterion: string; optionIds?: string[]; text: string }>;
  starMarkerFootnote: string | null;
  notes: SheetNote[];
}

export interface ProductSetRef {
  number: number;
  name: string;
  leadMinistries: string[];
}

export interface Classification {
  ruleSetId: string;
  source: { document: string; location: string };
  sectors: Array<{
    code: string;
    name: string;
    groups: Array<{ code: string; name: string; productSet?: ProductSetRef; subgroups: Array<{ code: string; name: string; productSet: ProductSetRef }> }>;
  }>;
  notes: SheetNote[];
}

export type SheetEvaluation = Schemas['SheetEvaluation'];
export type UnmetMarker = SheetEvaluation['score']['starOutcome']['cappedBy'][number];

export interface OptionUpgrade {
  criterion: string;
  fromOptionId: string | null;
  toOptionId: string | null;
  fromPoints: number;
  toPoints: number;
  requiredByMarker: StarMarker | null;
}

export interface GapAnalysis {
  current: { total: number; stoppedBy: string | null };
  targetStars: number | null;
  targetMinTotal: number | null;
  blockingMarkers: UnmetMarker[];
  plan:
    | { reachable: true; addedPoints: number; newTotal: number; newStars: number; upgrades: OptionUpgrade[] }
    | { reachable: false; reason: string }
    | null;
}

/** A stop rule triggered by a chosen option (score.stop). */
export interface SheetStop {
  ruleId: string;
  criterion: string;
  text: string;
  optionId: string | null;
}

export interface RuleSetComparison {
  left: RuleSet;
  right: RuleSet;
  differences: Array<{ field: string; left: unknown; right: unknown }>;
}

// ---------------------------------------------------------------------------------------------
// Walking a sheet

/** Every leaf criterion (the ones an option is chosen for), in sheet order. */
export function leafCriteria(sheet: CriteriaSheet): Criterion[] {
  const leaves: Criterion[] = [];
  const visit = (criterion: Criterion): void => {
    if (criterion.children?.length) criterion.children.forEach(visit);
    else leaves.push(criterion);
  };
  for (const part of sheet.parts) for (const section of part.sections) section.criteria.forEach(visit);
  return leaves;
}

/** Option id → option and criterion, for naming what the evaluation refers to by id. */
export function indexSheet(sheet: CriteriaSheet) {
  const criteria = new Map<string, Criterion>();
  const options = new Map<string, CriterionOption>();
  const visit = (criterion: Criterion): void => {
    criteria.set(criterion.code, criterion);
    for (const option of criterion.options) options.set(option.id, option);
    criterion.children?.forEach(visit);
  };
  for (const part of sheet.parts) for (const section of part.sections) section.criteria.forEach(visit);
  return { criteria, options };
}

/**
 * Sheet notes about one criterion or section ("Phụ lục II mục 1, tiêu chí 6.1[, phương án …]",
 * "…, mục 7"), so each note is also shown where it applies. Notes about several places stay in the
 * sheet's list only.
 */
export function notesFor(sheet: CriteriaSheet, code: string): SheetNote[] {
  return sheet.notes.filter((note) => {
    const place = note.where.slice(note.where.indexOf(',') + 1).trim();
    return /^(?:tiêu chí|mục) ([\d.]+)(?:,|$)/.exec(place)?.[1] === code;
  });
}

import { z } from 'zod';
import { localDateSchema } from '../../core/clock/index.ts';
import { pageOf, pageQuery, provinceCode, uuid } from '../../core/http/schemas.ts';
import { choicesSchema } from '../rule-sets/index.ts';
import { entryStatuses, roundStatuses } from './round-status.ts';

export const params = z.object({ id: uuid });

const level = z.enum(['province', 'central']);
const kind = z.enum(['first', 'second', 'extra', 're_evaluation']);
const memberRole = z.enum(['chair', 'member', 'advisory']);
const entryStatus = z.enum(entryStatuses);
const outcome = z.enum(['recognised', 'proposed_to_central', 'not_recognised', 'disqualified', 'stopped', 'no_quorum', 'recognised_from_central']);

export const openRoundBody = z
  .object({
    level,
    provinceCode: provinceCode.optional(),
    year: z.number().int().min(2018).max(2100),
    kind,
    title: z.string().trim().min(3, { message: 'Tên đợt đánh giá cần ít nhất 3 ký tự.' }).max(200),
    ruleSetId: z.string().optional(),
    proposalsDueOn: localDateSchema.optional(),
    completeBy: localDateSchema.optional(),
    maxSpread: z.number().min(0).max(100).optional(),
    quorumFraction: z.number().gt(0).max(1).optional(),
    chairRequired: z.boolean().optional(),
  })
  .strict();
export type OpenRoundInput = z.infer<typeof openRoundBody>;

/** The organiser's corrections to an open round's settings: any of the fields, with the round's version. */
export const roundSettingsBody = z
  .object({
    version: z.number().int(),
    title: z.string().trim().min(3, { message: 'Tên đợt đánh giá cần ít nhất 3 ký tự.' }).max(200).optional(),
    proposalsDueOn: localDateSchema.optional(),
    completeBy: localDateSchema.optional(),
    maxSpread: z.number().min(0).max(100).optional(),
    quorumFraction: z.number().gt(0).max(1).optional(),
    chairRequired: z.boolean().optional(),
  })
  .strict();
export type RoundSettingsInput = z.infer<typeof roundSettingsBody>;

export const membersBody = z
  .object({
    version: z.number().int(),
    members: z.array(z.object({ userId: uuid, role: memberRole, agency: z.string().trim().max(200).default('') }).strict()).max(60),
  })
  .strict();
export type MembersInput = z.infer<typeof membersBody>;

export const listQuery = pageQuery.extend({
  status: z.enum(roundStatuses).optional(),
  year: z.coerce.number().int().optional(),
});
export type ListRoundsQuery = z.infer<typeof listQuery>;

const member = z.object({ userId: z.string(), displayName: z.string(), username: z.string(), role: memberRole, agency: z.string() });

export const round = z.object({
  id: z.string(),
  level,
  provinceCode: z.string().nullable(),
  year: z.number(),
  kind,
  title: z.string(),
  ruleSetId: z.string(),
  proposalsDueOn: z.string(),
  completeBy: z.string(),
  maxSpread: z.number(),
  quorumFraction: z.number(),
  chairRequired: z.boolean(),
  status: z.enum(roundStatuses),
  sessionHeldOn: z.string().nullable(),
  sessionPlace: z.string().nullable(),
  closedAt: z.date().nullable(),
  version: z.number(),
  createdAt: z.date(),
});
export const roundListItem = round.extend({ entryCount: z.number() });
export const roundPage = pageOf(roundListItem);

const progress = z.object({
  /** Council members expected to score this entry (minus declared conflicts). */
  expected: z.array(z.object({ userId: z.string(), displayName: z.string(), submitted: z.boolean(), conflict: z.boolean() })),
  submitted: z.number(),
});

export const entrySummary = z.object({
  id: z.string(),
  roundId: z.string(),
  dossierId: z.string(),
  dossierType: z.enum(['first', 'upgrade', 're_evaluation']),
  productId: z.string(),
  productName: z.string(),
  productCode: z.string().nullable(),
  producerId: z.string(),
  producerName: z.string(),
  provinceCode: z.string(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  productSetNumber: z.number(),
  proposedByEntryId: z.string().nullable(),
  status: entryStatus,
  attempt: z.number(),
  averageTotal: z.number().nullable(),
  stars: z.number().nullable(),
  outcome: outcome.nullable(),
  outcomeLabel: z.string().nullable(),
  advisoryReport: z.string().nullable(),
  joinedOn: z.string(),
  dueOn: z.string().nullable(),
  version: z.number(),
  progress,
  myConflict: z.boolean(),
  myScoreStatus: z.enum(['none', 'draft', 'submitted']),
  certificate: z.object({ id: z.string(), number: z.string(), stars: z.number(), publicToken: z.string(), expiresOn: z.string() }).nullable(),
});

export const roundDetail = round.extend({
  members: z.array(member),
  myRole: memberRole.nullable(),
  canManage: z.boolean(),
  canClose: z.boolean(),
  entries: z.array(entrySummary),
  decision: z.object({ id: z.string(), number: z.string(), signedOn: z.string(), signerName: z.string(), signerTitle: z.string(), issuingBody: z.string() }).nullable(),
});
export type RoundDetail = z.infer<typeof roundDetail>;

const scoreSheetView = z.object({
  memberUserId: z.string(),
  displayName: z.string(),
  attempt: z.number(),
  status: z.enum(['draft', 'submitted']),
  total: z.number().nullable(),
  parts: z.object({ A: z.number(), B: z.number(), C: z.number() }).nullable(),
  choices: z.record(z.string(), z.string()),
  disqualificationReasonId: z.string().nullable(),
  stopRuleId: z.string().nullable(),
  comment: z.string(),
  submittedAt: z.date().nullable(),
});

export const entryDetail = entrySummary.extend({
  round,
  myRole: memberRole.nullable(),
  canManage: z.boolean(),
  canAdvise: z.boolean(),
  canOpenScoring: z.boolean(),
  events: z.array(z.object({ action: z.string(), note: z.string().nullable(), details: z.unknown(), happenedOn: z.string().nullable(), actorName: z.string().nullable(), occurredAt: z.date() })),
  conflicts: z.array(z.object({ userId: z.string(), displayName: z.string(), reason: z.string(), declaredAt: z.date() })),
  /** Other members' sheets: shown to a council member only once their own sheet of the attempt is in; to the office once all are in. */
  sheets: z.array(scoreSheetView),
  result: z.unknown().nullable(),
});
export type EntryDetail = z.infer<typeof entryDetail>;

export const advisoryBody = z
  .object({
    action: z.enum(['advisory_review', 'supplement_requested', 'supplement_received', 'lab_test_requested', 'site_visit', 'advisory_report']),
    note: z.string().trim().min(3, { message: 'Ghi rõ nội dung (ít nhất 3 ký tự).' }).max(5000),
    happenedOn: localDateSchema.optional(),
    version: z.number().int(),
  })
  .strict();
export type AdvisoryInput = z.infer<typeof advisoryBody>;

export const versionBody = z.object({ version: z.number().int() }).strict();

export const conflictBody = z.object({ reason: z.string().trim().min(3, { message: 'Nêu lý do xung đột lợi ích (ít nhất 3 ký tự).' }).max(1000) }).strict();

export const myScoreBody = z
  .object({
    choices: choicesSchema,
    disqualificationReasonId: z.string().nullable().default(null),
    stopRuleId: z.string().nullable().default(null),
    comment: z.string().max(5000).default(''),
    submit: z.boolean().default(false),
  })
  .strict();
export type MyScoreInput = z.infer<typeof myScoreBody>;

export const myScore = z.object({
  entryId: z.string(),
  attempt: z.number(),
  ruleSetId: z.string(),
  productSetNumber: z.number(),
  status: z.enum(['none', 'draft', 'submitted']),
  choices: z.record(z.string(), z.string()),
  disqualificationReasonId: z.string().nullable(),
  stopRuleId: z.string().nullable(),
  comment: z.string(),
  missing: z.array(z.string()),
  total: z.number(),
  parts: z.object({ A: z.number(), B: z.number(), C: z.number() }),
  stars: z.number().nullable(),
  /** Set when this submission completed the attempt and the spread was too wide. */
  rescoreOrdered: z.object({ limit: z.number(), largest: z.number(), pair: z.array(z.string()) }).nullable(),
});
export type MyScore = z.infer<typeof myScore>;

export const closeBody = z
  .object({
    version: z.number().int(),
    sessionHeldOn: localDateSchema,
    sessionPlace: z.string().trim().min(2, { message: 'Ghi địa điểm họp (hoặc "Lấy ý kiến bằng văn bản").' }).max(300),
  })
  .strict();
export type CloseInput = z.infer<typeof closeBody>;

export const decisionBody = z
  .object({
    version: z.number().int(),
    number: z.string().trim().min(1, { message: 'Nhập số quyết định.' }).max(60),
    signedOn: localDateSchema,
    signerName: z.string().trim().min(2, { message: 'Nhập họ tên người ký.' }).max(200),
    signerTitle: z.string().trim().max(200).default(''),
  })
  .strict();
export type DecisionInput = z.infer<typeof decisionBody>;

export const recogniseFromCentralBody = z
  .object({
    version: z.number().int(),
    decisionNumber: z.string().trim().min(1, { message: 'Nhập số quyết định.' }).max(60),
    signedOn: localDateSchema,
  })
  .strict();
export type RecogniseFromCentralInput = z.infer<typeof recogniseFromCentralBody>;

export const conflictResult = z.object({ declared: z.boolean() });

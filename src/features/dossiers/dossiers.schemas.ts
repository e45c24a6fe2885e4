import { z } from 'zod';
import { localDateSchema } from '../../core/clock/index.ts';
import { communeCode, cursorPageOf, cursorPageQuery, freeText, provinceCode, uuid } from '../../core/http/schemas.ts';
import { dossierActions, dossierStatuses } from './dossier-status.ts';

export const dossierTypes = ['first', 'upgrade', 're_evaluation'] as const;
export type DossierType = (typeof dossierTypes)[number];

export const dossierTypeLabels: Record<DossierType, { vi: string; en: string }> = {
  first: { vi: 'Lần đầu', en: 'First time' },
  upgrade: { vi: 'Nâng hạng', en: 'Upgrade' },
  re_evaluation: { vi: 'Đánh giá lại', en: 'Re-evaluation' },
};

export const fileKinds = ['evidence', 'story', 'packaging', 'label', 'lab_report', 'other'] as const;
export type FileKind = (typeof fileKinds)[number];

const text = (max: number, what: string, multiline = false) => freeText(what, { max, multiline });
const version = z.number({ message: 'Thiếu số phiên bản (version) của hồ sơ.' }).int().min(1);
const productSetNumber = z.number().int().min(1, { message: 'Chọn bộ sản phẩm (1–26).' }).max(26, { message: 'Chọn bộ sản phẩm (1–26).' });

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

/** A dossier as stored, with the names a list needs. */
export const dossierSummary = z
  .object({
    id: z.string(),
    productId: z.string(),
    productName: z.string(),
    productSetNumber: z.number().int(),
    productCode: z.string().nullable(),
    producerId: z.string(),
    producerName: z.string(),
    provinceCode: z.string(),
    communeCode: z.string(),
    communeName: z.string().nullable(),
    type: z.enum(dossierTypes),
    ruleSetId: z.string(),
    status: z.enum(dossierStatuses),
    formNumber: z.string().nullable(),
    submittedAt: z.date().nullable(),
    receivedOn: localDateSchema.nullable(),
    dueAt: z.date().nullable(),
    forwardedAt: z.date().nullable(),
    withdrawnAt: z.date().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'DossierSummary' });
export type DossierSummary = z.infer<typeof dossierSummary>;

export const dossierRecord = dossierSummary.extend({
  applicantName: z.string(),
  representativeName: z.string(),
  representativePosition: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  sampleCount: z.number().int().nullable(),
  commitmentAccepted: z.boolean(),
  productStory: z.string(),
  selfAssessmentId: z.string().nullable(),
  receivedAt: z.date().nullable(),
  receivedBy: z.string().nullable(),
  forwardedBy: z.string().nullable(),
});
export type DossierRecord = z.infer<typeof dossierRecord>;

export const supplementRequest = z
  .object({
    id: z.string(),
    fromOn: localDateSchema,
    toOn: localDateSchema.nullable(),
    reasons: z.array(z.string()),
    requestedAt: z.date(),
    supplementedAt: z.date().nullable(),
    supplementNote: z.string().nullable(),
  })
  .meta({ id: 'SupplementRequest' });
export type SupplementRequest = z.infer<typeof supplementRequest>;

const checkItem = z.object({ assessment: z.string(), passed: z.boolean() });

export const communeCheck = z
  .object({
    dossierComplete: z.boolean(),
    origin: checkItem,
    localLabour: checkItem,
    ideaOrigin: checkItem,
    localIdentity: checkItem,
    conclusion: z.string(),
    checkedBy: z.string().nullable(),
    checkedAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'CommuneCheck' });
export type CommuneCheck = z.infer<typeof communeCheck>;

export const dossierFile = z
  .object({
    id: z.string(),
    kind: z.enum(fileKinds),
    criterionCode: z.string().nullable(),
    originalName: z.string(),
    mimeType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    reusedFromId: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'DossierFile' });
export type DossierFile = z.infer<typeof dossierFile>;

export const dossierEvent = z
  .object({
    id: z.string(),
    action: z.string(),
    fromStatus: z.string().nullable(),
    toStatus: z.string().nullable(),
    note: z.string().nullable(),
    actorName: z.string().nullable(),
    occurredAt: z.date(),
  })
  .meta({ id: 'DossierEvent' });
export type DossierEvent = z.infer<typeof dossierEvent>;

export const dossierClock = z
  .object({
    workingDays: z.number().int(),
    receivedOn: localDateSchema,
    dueDate: localDateSchema.nullable(),
    dueAt: z.date().nullable(),
    paused: z.boolean(),
    pausedSince: localDateSchema.nullable(),
    workingDaysUsed: z.number().int(),
    workingDaysRemaining: z.number().int(),
    overdue: z.boolean(),
  })
  .meta({ id: 'DossierClock' });

export const selfAssessmentSummary = z.object({
  id: z.string(),
  productName: z.string(),
  productSetNumber: z.number().int(),
  ruleSetId: z.string(),
  totalPoints: z.number().nullable(),
  stars: z.number().int().nullable(),
});

export const dossierDetail = dossierRecord
  .extend({
    selfAssessment: selfAssessmentSummary.nullable(),
    clock: dossierClock.nullable(),
    /** What is asked of the producer now: the open request for supplements. */
    openRequest: supplementRequest.nullable(),
    supplementRequests: z.array(supplementRequest),
    communeCheck: communeCheck.nullable(),
    files: z.array(dossierFile),
    events: z.array(dossierEvent),
    /** The transitions the caller may make now (buttons to show). */
    allowedActions: z.array(z.enum(dossierActions)),
    canEdit: z.boolean(),
    canCheck: z.boolean(),
  })
  .meta({ id: 'Dossier' });
export type DossierDetail = z.infer<typeof dossierDetail>;

export const dossierPage = cursorPageOf(dossierSummary);
export const queueItem = dossierSummary.extend({ overdue: z.boolean() }).meta({ id: 'DossierQueueItem' });
export type QueueItem = z.infer<typeof queueItem>;
export const queue = z
  .object({
    today: localDateSchema,
    dueSoonUntil: z.date(),
    waitingOnMe: z.array(queueItem),
    dueSoon: z.array(queueItem),
    overdue: z.array(queueItem),
    /** How many dossiers each section holds in all; the arrays hold one page of `limit`. */
    totals: z.object({ waitingOnMe: z.number().int(), dueSoon: z.number().int(), overdue: z.number().int() }),
    limit: z.number().int(),
    page: z.number().int(),
    section: z.enum(['waitingOnMe', 'dueSoon', 'overdue']).nullable(),
  })
  .meta({ id: 'DossierQueue' });

export const queueQuery = z.object({
  limit: z.coerce.number({ message: 'Số hồ sơ mỗi mục phải là số.' }).int().min(1, { message: 'Số hồ sơ mỗi mục từ 1 đến 200.' })
    .max(200, { message: 'Số hồ sơ mỗi mục từ 1 đến 200.' }).optional()
    .describe('Số hồ sơ mỗi mục (mặc định 50)'),
  section: z.enum(['waitingOnMe', 'dueSoon', 'overdue'], { message: 'Mục là một trong: waitingOnMe, dueSoon, overdue.' }).optional()
    .describe('Chỉ lấy một mục (các mục khác trả về rỗng), trang `page` của mục đó'),
  page: z.coerce.number({ message: 'Số trang phải là số.' }).int().min(1, { message: 'Số trang từ 1.' }).optional(),
});
export type QueueQuery = z.infer<typeof queueQuery>;

const rateRow = z.object({ forwarded: z.number().int(), onTime: z.number().int(), late: z.number().int(), rate: z.number().nullable() });
export const onTimeRate = z
  .object({
    from: localDateSchema,
    to: localDateSchema,
    total: rateRow,
    /** The rows: per province for the nation (unless `by=commune`), per commune within a province or commune. */
    by: z.enum(['province', 'commune']),
    units: z.array(rateRow.extend({ provinceCode: z.string(), provinceName: z.string().nullable(), communeCode: z.string().nullable(), communeName: z.string().nullable() })),
  })
  .meta({ id: 'DossierOnTimeRate' });
export type OnTimeRate = z.infer<typeof onTimeRate>;

export const filesAdded = z.object({ added: z.array(dossierFile), alreadyPresent: z.number().int() });

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

/** The Mẫu 01 fields the producer fills in; all optional while drafting, checked when submitting. */
const form01 = z.object({
  applicantName: text(200, 'Tên đơn vị'),
  representativeName: text(120, 'Người đại diện'),
  representativePosition: text(120, 'Chức vụ'),
  address: text(300, 'Địa chỉ'),
  phone: z.string().trim().regex(/^[0-9+().\s-]{0,20}$/, { message: 'Số điện thoại chỉ gồm chữ số (tối đa 20 ký tự).' }),
  email: z.email({ message: 'Địa chỉ email không hợp lệ.' }).max(200).nullable(),
  sampleCount: z.number().int().min(0, { message: 'Số mẫu không được âm.' }).max(1000, { message: 'Số mẫu tối đa 1000.' }).nullable(),
  commitmentAccepted: z.boolean(),
  productStory: text(20_000, 'Câu chuyện sản phẩm', true),
  selfAssessmentId: uuid.nullable(),
});
export type Form01Changes = Partial<z.infer<typeof form01>>;

export const createBody = form01
  .partial()
  .extend({
    /** Defaults to the signed-in producer. */
    producerId: uuid.optional(),
    type: z.enum(dossierTypes, { message: 'Chọn loại đăng ký: lần đầu, nâng hạng hoặc đánh giá lại.' }),
    /** An existing product (required for an upgrade or re-evaluation). */
    productId: uuid.optional(),
    /** A new product (first time), when no productId: from these or else from the self-assessment. */
    productName: freeText('Tên sản phẩm', { min: 2, max: 200 }).optional(),
    productSetNumber: productSetNumber.optional(),
  })
  .strict();
export type CreateDossierInput = z.infer<typeof createBody>;

export const updateBody = form01.partial().extend({ version }).strict();
export type UpdateDossierInput = z.infer<typeof updateBody>;

export const versionBody = z.object({ version }).strict();

export const returnBody = z
  .object({
    version,
    reasons: z
      .array(z.string().trim().min(3, { message: 'Mỗi yêu cầu bổ sung cần ít nhất 3 ký tự.' }).max(1000))
      .min(1, { message: 'Nêu ít nhất một nội dung cần bổ sung.' })
      .max(30),
  })
  .strict();

export const supplementBody = z.object({ version, note: text(2000, 'Ghi chú', true).optional() }).strict();
export const withdrawBody = z.object({ version, reason: text(1000, 'Lý do', true).optional() }).strict();

const checkItemInput = z
  .object({
    assessment: z.string().trim().min(3, { message: 'Ghi nhận xét (ít nhất 3 ký tự).' }).max(4000),
    passed: z.boolean({ message: 'Chọn Đạt hoặc Không đạt.' }),
  })
  .strict();

export const communeCheckBody = z
  .object({
    version,
    dossierComplete: z.boolean({ message: 'Cho biết hồ sơ đã đầy đủ hay chưa.' }),
    origin: checkItemInput,
    localLabour: checkItemInput,
    ideaOrigin: checkItemInput,
    localIdentity: checkItemInput,
    conclusion: text(4000, 'Kết luận', true).default(''),
  })
  .strict();
export type CommuneCheckInput = z.infer<typeof communeCheckBody>;

export const reuseFilesBody = z.object({ fromDossierId: uuid }).strict();

export const listQuery = cursorPageQuery.extend({
  status: z.enum(dossierStatuses).optional(),
  producer: uuid.optional(),
  product: uuid.optional(),
});
export type ListDossiersQuery = z.infer<typeof listQuery>;

export const onTimeRateQuery = z.object({
  province: provinceCode.optional(),
  commune: communeCode.optional(),
  by: z.enum(['province', 'commune']).optional().describe('Hàng theo tỉnh (mặc định cho cả nước) hoặc theo xã'),
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
});

export const params = z.object({ id: uuid });
export const fileParams = z.object({ id: uuid, fileId: uuid });

/** Which of a producer's self-assessments (Mẫu 02) a dossier may file, and why the others may not. */
export const selfAssessmentChoicesQuery = z.object({
  /** Defaults to the signed-in producer. */
  producer: uuid.optional(),
  /** The dossier being edited: its own self-assessment stays a choice. */
  dossier: uuid.optional(),
});
export type SelfAssessmentChoicesQuery = z.infer<typeof selfAssessmentChoicesQuery>;

export const selfAssessmentChoice = z
  .object({
    id: z.string(),
    productName: z.string(),
    productSetNumber: z.number().int(),
    ruleSetId: z.string(),
    totalPoints: z.number().nullable(),
    stars: z.number().int().nullable(),
    /** Applicable criteria still unanswered: a dossier cannot file it until this is 0. */
    missingCriteria: z.number().int(),
    /** The live dossier that already files it, if any (then it is not offered again). */
    usedByDossierId: z.string().nullable(),
    available: z.boolean(),
  })
  .meta({ id: 'SelfAssessmentChoice' });
export const selfAssessmentChoices = z.object({ items: z.array(selfAssessmentChoice) });
export type SelfAssessmentChoice = z.infer<typeof selfAssessmentChoice>;

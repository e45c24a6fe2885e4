import { z } from 'zod';
import { localDateSchema } from '../../core/clock/index.ts';
import { communeCode, freeText, organiserUnitFields, pageOf, pageQuery, provinceCode, uuid } from '../../core/http/schemas.ts';

export const audiences = ['province_officials', 'commune_officials', 'producers', 'other'] as const;
export type Audience = (typeof audiences)[number];
export const participantKinds = ['official', 'producer', 'other'] as const;
export type ParticipantKind = (typeof participantKinds)[number];
export const officialLevels = ['province', 'commune'] as const;
export type OfficialLevel = (typeof officialLevels)[number];
export const trainingKinds = ['course', 'conference'] as const;

const text = (min: number, max: number, what: string) => freeText(what, { min, max });
/** Optional; `multiline` for lists people write one per line (trainers, materials). */
const optionalText = (max: number, what: string, multiline = false) =>
  freeText(what, { max, multiline }).transform((v) => v || null).nullable().optional();

/** "0912 345 678", "0912.345.678", "+84 912 345 678" → digits (with the leading +). */
export function normalizePhone(value: string): string {
  return value.replace(/[\s.()-]/g, '');
}
export const PHONE_PATTERN = /^\+?[0-9]{8,15}$/;
export const phoneSchema = z
  .string()
  .trim()
  .transform(normalizePhone)
  .refine((v) => v === '' || PHONE_PATTERN.test(v), { message: 'Số điện thoại không hợp lệ (8–15 chữ số).' })
  .transform((v) => v || null);

const dateRange = <T extends z.ZodObject>(schema: T, startKey: string, endKey: string) =>
  schema.refine((v) => (v as Record<string, string>)[endKey]! >= (v as Record<string, string>)[startKey]!, {
    path: [endKey],
    message: 'Ngày kết thúc không được trước ngày bắt đầu.',
    when: (payload) => {
      const v = payload.value as Record<string, unknown>;
      return localDateSchema.safeParse(v[startKey]).success && localDateSchema.safeParse(v[endKey]).success;
    },
  });

// ---------------------------------------------------------------------------------------------
// Trainings

export const topic = z.object({ code: z.string(), name: z.string(), nameEn: z.string() }).meta({ id: 'TrainingTopic' });
export type Topic = z.infer<typeof topic>;
export const topicList = z.object({ items: z.array(topic) });

export const session = z
  .object({ id: z.string(), heldOn: z.string(), title: z.string(), presentCount: z.number().int(), recordedCount: z.number().int() })
  .meta({ id: 'TrainingSession' });
export type Session = z.infer<typeof session>;

export const training = z
  .object({
    id: z.string(),
    ...organiserUnitFields,
    organiserName: z.string(),
    kind: z.enum(trainingKinds),
    title: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    place: z.string(),
    targetAudiences: z.array(z.enum(audiences)),
    topics: z.array(topic),
    trainers: z.string().nullable(),
    materials: z.string().nullable(),
    plannedParticipants: z.number().int().nullable(),
    participantCount: z.number().int(),
    /** participants present at one session at least */
    attendedCount: z.number().int(),
    sessionCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Training' });
export type Training = z.infer<typeof training>;

export const trainingDetail = training.extend({ sessions: z.array(session) }).meta({ id: 'TrainingDetail' });
export type TrainingDetail = z.infer<typeof trainingDetail>;

const trainingFields = {
  organiserName: text(2, 200, 'Đơn vị tổ chức'),
  kind: z.enum(trainingKinds).default('course'),
  title: text(3, 300, 'Tên lớp tập huấn'),
  startsOn: localDateSchema,
  endsOn: localDateSchema,
  place: text(2, 300, 'Địa điểm'),
  targetAudiences: z.array(z.enum(audiences)).min(1, { message: 'Chọn ít nhất một đối tượng.' }).max(4),
  topicCodes: z.array(z.string().max(60)).min(1, { message: 'Chọn ít nhất một chuyên đề.' }).max(30),
  trainers: optionalText(1000, 'Giảng viên', true),
  materials: optionalText(2000, 'Tài liệu', true),
  plannedParticipants: z.number().int().min(1).max(100_000).nullable().optional(),
};

export const createTrainingBody = dateRange(
  z
    .object({
      provinceCode,
      /** Absent or null: the province organises it. */
      communeCode: communeCode.nullable().optional(),
      ...trainingFields,
    })
    .strict(),
  'startsOn',
  'endsOn',
);
export type CreateTrainingInput = z.infer<typeof createTrainingBody>;

export const updateTrainingBody = z
  .object({
    version: z.number().int().min(1),
    organiserName: trainingFields.organiserName.optional(),
    kind: z.enum(trainingKinds).optional(),
    title: trainingFields.title.optional(),
    startsOn: localDateSchema.optional(),
    endsOn: localDateSchema.optional(),
    place: trainingFields.place.optional(),
    targetAudiences: trainingFields.targetAudiences.optional(),
    topicCodes: trainingFields.topicCodes.optional(),
    trainers: trainingFields.trainers,
    materials: trainingFields.materials,
    plannedParticipants: trainingFields.plannedParticipants,
  })
  .strict();
export type UpdateTrainingInput = z.infer<typeof updateTrainingBody>;

export const listTrainingsQuery = pageQuery.extend({
  province: provinceCode.optional(),
  commune: communeCode.optional(),
  year: z.coerce.number().int().min(2018).max(2100).optional(),
});
export type ListTrainingsQuery = z.infer<typeof listTrainingsQuery>;
export const trainingPage = pageOf(training);

export const createSessionBody = z
  .object({ heldOn: localDateSchema, title: text(1, 200, 'Tên buổi học') })
  .strict();
export type CreateSessionInput = z.infer<typeof createSessionBody>;

// ---------------------------------------------------------------------------------------------
// Participants

export const participant = z
  .object({
    id: z.string(),
    trainingId: z.string(),
    number: z.number().int(),
    fullName: z.string(),
    kind: z.enum(participantKinds),
    officialLevel: z.enum(officialLevels).nullable(),
    producerId: z.string().nullable(),
    producerName: z.string().nullable(),
    phone: z.string().nullable(),
    organisation: z.string().nullable(),
    source: z.enum(['registered', 'imported']),
    /** session id → present (true) or absent (false); sessions without a roll call yet are missing */
    attendance: z.record(z.string(), z.boolean()),
    createdAt: z.date(),
  })
  .meta({ id: 'TrainingParticipant' });
export type Participant = z.infer<typeof participant>;
export const participantList = z.object({ items: z.array(participant) });

const participantShape = {
  fullName: text(2, 120, 'Họ và tên'),
  kind: z.enum(participantKinds, { message: 'Chọn đối tượng: cán bộ (official), chủ thể (producer) hoặc khác (other).' }),
  officialLevel: z.enum(officialLevels, { message: 'Chọn cấp của cán bộ: tỉnh (province) hoặc xã (commune).' }).nullable().optional(),
  producerId: uuid.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  organisation: optionalText(200, 'Đơn vị công tác'),
};

export const registerParticipantBody = z
  .object(participantShape)
  .strict()
  .superRefine((value, ctx) => {
    if (value.kind === 'official' && !value.officialLevel) ctx.addIssue({ code: 'custom', path: ['officialLevel'], message: 'Cán bộ cần ghi cấp: tỉnh hoặc xã.' });
    if (value.kind !== 'official' && value.officialLevel) ctx.addIssue({ code: 'custom', path: ['officialLevel'], message: 'Chỉ ghi cấp cho cán bộ.' });
    if (value.kind === 'producer' && !value.producerId) ctx.addIssue({ code: 'custom', path: ['producerId'], message: 'Chọn chủ thể OCOP mà người này đại diện.' });
    if (value.kind !== 'producer' && value.producerId) ctx.addIssue({ code: 'custom', path: ['producerId'], message: 'Chỉ chọn chủ thể khi đối tượng là chủ thể OCOP.' });
  });
export type RegisterParticipantInput = z.infer<typeof registerParticipantBody>;

export const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'], { message: 'dryRun là true hoặc false.' })
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

export const importRow = z.object({
  row: z.number().int(),
  fullName: z.string(),
  kind: z.enum(participantKinds).nullable(),
  officialLevel: z.enum(officialLevels).nullable(),
  producerId: z.string().nullable(),
  producerName: z.string().nullable(),
  phone: z.string().nullable(),
  organisation: z.string().nullable(),
  errors: z.array(z.object({ column: z.string(), message: z.string() })),
});
export type ImportRow = z.infer<typeof importRow>;

export const importResult = z
  .object({
    dryRun: z.boolean(),
    totalRows: z.number().int(),
    validRows: z.number().int(),
    errorCount: z.number().int(),
    imported: z.number().int(),
    rows: z.array(importRow),
  })
  .meta({ id: 'ParticipantImport' });
export type ImportResult = z.infer<typeof importResult>;

// ---------------------------------------------------------------------------------------------
// Attendance and certificates

export const attendanceBody = z
  .object({
    entries: z
      .array(z.object({ participantId: uuid, present: z.boolean() }).strict())
      .min(1, { message: 'Cần điểm danh ít nhất một người.' })
      .max(5000),
  })
  .strict();
export type AttendanceInput = z.infer<typeof attendanceBody>;

export const attendanceResult = z.object({ session, recorded: z.number().int() });

export const certificate = z
  .object({
    certificateNumber: z.string(),
    eligible: z.boolean(),
    reason: z.string().nullable(),
    participant: z.object({ id: z.string(), number: z.number().int(), fullName: z.string(), organisation: z.string().nullable(), producerName: z.string().nullable() }),
    training: z.object({
      id: z.string(),
      title: z.string(),
      organiserName: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      place: z.string(),
      topics: z.array(z.string()),
    }),
    sessionsAttended: z.number().int(),
    sessionsTotal: z.number().int(),
    issuedOn: z.string(),
  })
  .meta({ id: 'AttendanceCertificate' });
export type Certificate = z.infer<typeof certificate>;

export const producerTraining = z
  .object({
    trainingId: z.string(),
    title: z.string(),
    organiserName: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    place: z.string(),
    topics: z.array(z.string()),
    participantId: z.string(),
    fullName: z.string(),
    sessionsAttended: z.number().int(),
    sessionsTotal: z.number().int(),
    certificateEligible: z.boolean(),
  })
  .meta({ id: 'ProducerTraining' });
export type ProducerTraining = z.infer<typeof producerTraining>;
export const producerTrainingList = z.object({ items: z.array(producerTraining) });

// ---------------------------------------------------------------------------------------------
// Coverage

export const unitQuery = z.object({
  province: provinceCode.optional(),
  commune: communeCode.optional(),
  year: z.coerce.number({ message: 'Năm phải là một số.' }).int().min(2018, { message: 'Năm từ 2018 đến 2100.' }).max(2100, { message: 'Năm từ 2018 đến 2100.' }).optional(),
});

export const coverage = z
  .object({
    provinceCode: z.string(),
    communeCode: z.string().nullable(),
    unitName: z.string().nullable(),
    year: z.number().int(),
    trainingsHeld: z.number().int(),
    sessionsHeld: z.number().int(),
    producers: z.object({ total: z.number().int(), trained: z.number().int(), percent: z.number().nullable() }),
    /** People present at one session at least, counted once per training (lượt người). */
    peopleTrained: z.object({
      provinceOfficials: z.number().int(),
      communeOfficials: z.number().int(),
      producers: z.number().int(),
      other: z.number().int(),
      total: z.number().int(),
    }),
    registered: z.number().int(),
  })
  .meta({ id: 'TrainingCoverage' });
export type Coverage = z.infer<typeof coverage>;

export const trainingParams = z.object({ id: uuid });
export const sessionParams = z.object({ id: uuid, sessionId: uuid });
export const participantParams = z.object({ id: uuid, participantId: uuid });
export const producerParams = z.object({ id: uuid });

// QR self check-in
export const checkInLink = z
  .object({
    sessionId: z.string(),
    /** The URL the QR code carries; shown once (only its token's hash is stored). */
    url: z.string(),
    qrSvg: z.string(),
    openedAt: z.date(),
    closedAt: z.date().nullable(),
  })
  .meta({ id: 'TrainingCheckInLink' });
export type CheckInLink = z.infer<typeof checkInLink>;
export const checkInClosed = z.object({ sessionId: z.string(), closedAt: z.date() });
export interface CheckInResult {
  trainingTitle: string;
  sessionTitle: string;
  heldOn: string;
  names: string[];
  alreadyCheckedIn: boolean;
}
export const checkInParams = z.object({ token: z.string().min(1).max(100) });

import { z } from 'zod';
import { communeCode, pageOf, provinceCode } from '../../core/http/schemas.ts';

export const channelName = z.enum(['email', 'zalo', 'sms']);
export const messageStatus = z.enum(['queued', 'sending', 'sent', 'failed', 'uncertain', 'held', 'undeliverable']);

export const notification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
  deliveries: z.array(z.object({ channel: channelName, status: messageStatus, sentAt: z.date().nullable() })),
});

export const channelView = z
  .object({
    provinceCode: z.string().nullable(),
    channel: channelName,
    configured: z.boolean(),
    enabled: z.boolean(),
    perMinute: z.number().int(),
    settings: z.record(z.string(), z.unknown()),
    hasSecret: z.boolean(),
    version: z.number().int(),
    updatedAt: z.date().nullable(),
  })
  .meta({ id: 'NoticeChannel' });

/** 'global' (the system administrator's) or a province code. */
export const channelScopeParams = z.object({ scope: z.union([z.literal('global'), provinceCode]), channel: channelName });
export const scopeParams = z.object({ scope: z.union([z.literal('global'), provinceCode]) });

export const saveChannelBody = z
  .object({
    version: z.number().int().min(0),
    enabled: z.boolean(),
    perMinute: z.number().int().min(1, { message: 'Ít nhất 1 tin mỗi phút.' }).max(100000),
    settings: z.record(z.string(), z.unknown()).default({}),
    /** Absent: keep the kept secret. null or "": remove it. */
    secret: z.string().max(2000).nullable().optional(),
  })
  .strict();

const smsCount = z.object({ encoding: z.enum(['GSM-7', 'UCS-2']), units: z.number(), segments: z.number(), perSegment: z.number() });
const wording = z.object({
  subject: z.string().trim().min(1, { message: 'Nhập tiêu đề.' }).max(200),
  body: z.string().trim().min(1, { message: 'Nhập nội dung.' }).max(4000),
  sms: z.string().trim().min(1, { message: 'Nhập nội dung SMS.' }).max(480),
});
export const templateView = z
  .object({
    kind: z.string(),
    label: z.string(),
    legalDeadline: z.boolean(),
    fields: z.array(z.string()),
    locale: z.enum(['vi', 'en']),
    wording,
    isDefault: z.boolean(),
    sms: z.object({ plain: smsCount, unicode: smsCount }),
    updatedAt: z.date().nullable(),
  })
  .meta({ id: 'NoticeTemplate' });
export const templateParams = z.object({ province: provinceCode, kind: z.string().max(80), locale: z.enum(['vi', 'en']) });
export const saveTemplateBody = wording.strict();

export const myNoticeSettings = z
  .object({
    email: z.string().nullable(),
    phone: z.string().nullable(),
    channels: z.array(channelName),
    optedOutKinds: z.array(z.string()),
    kinds: z.array(z.object({ kind: z.string(), label: z.string(), canOptOut: z.boolean() })),
  })
  .meta({ id: 'MyNoticeSettings' });
export const saveMyNoticeSettingsBody = z
  .object({
    email: z.string().max(254).nullable(),
    phone: z.string().max(30).nullable(),
    channels: z.array(channelName).max(3),
    optedOutKinds: z.array(z.string().max(80)).max(50),
  })
  .strict();

export const outboxItem = z
  .object({
    id: z.string(),
    kind: z.string(),
    createdAt: z.date(),
    provinceCode: z.string().nullable(),
    subjectKind: z.enum(['user', 'producer', 'sales_point']),
    subjectId: z.string(),
    recipientName: z.string(),
    channel: channelName,
    address: z.string().nullable(),
    subject: z.string(),
    body: z.string(),
    sms: z.string(),
    link: z.string().nullable(),
    status: messageStatus,
    statusReason: z.string().nullable(),
    attempts: z.number().int(),
    nextAttemptAt: z.date().nullable(),
    sentAt: z.date().nullable(),
    providerMessageId: z.string().nullable(),
    providerAnswer: z.string().nullable(),
  })
  .meta({ id: 'OutboxMessage' });
export const outboxPage = pageOf(outboxItem).extend({ counts: z.record(z.string(), z.number()) });
export const deliveriesPage = pageOf(outboxItem);

export const outboxQuery = z.object({
  status: messageStatus.optional(),
  channel: channelName.optional(),
  q: z.string().trim().max(100).optional(),
  province: provinceCode.optional(),
});

export const producerReach = z
  .object({
    producerId: z.string(),
    name: z.string(),
    communeCode: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    problems: z.array(z.string()),
    sent: z.number(),
    failed: z.number(),
    lastFailure: z.string().nullable(),
  })
  .meta({ id: 'ProducerReach' });
export const reachQuery = z.object({ commune: communeCode.optional() });

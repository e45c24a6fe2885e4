import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { forbidden, invalidInput, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { stripVietnameseDiacritics } from '../../core/text.ts';
import { COMMON_FIELDS, defaultWording, noticeKinds, type NoticeWording } from './notice-kinds.ts';
import { templateIssues } from './notice-templates.ts';
import { canManageChannels } from './notifications.policy.ts';
import * as repository from './notifications.repository.ts';
import { countSmsSegments, type SmsCount } from './sms-segments.ts';

export interface TemplateView {
  kind: string;
  label: string;
  legalDeadline: boolean;
  fields: string[];
  locale: 'vi' | 'en';
  wording: NoticeWording;
  isDefault: boolean;
  /** The SMS as sent without diacritics (the default) and with them (a province that chose Unicode). */
  sms: { plain: SmsCount; unicode: SmsCount };
  updatedAt: Date | null;
}

/** Most SMS providers bill and split by segment; more than three is a letter, not a text message. */
export const MAX_SMS_SEGMENTS = 3;

function smsCounts(sms: string): TemplateView['sms'] {
  return { plain: countSmsSegments(stripVietnameseDiacritics(sms)), unicode: countSmsSegments(sms) };
}

/** Every kind of notice in both languages: the province's wording where it has one, else the default. */
export async function listNoticeTemplates(sql: Sql, actor: Actor, provinceCode: string): Promise<TemplateView[]> {
  if (!canManageChannels(actor, provinceCode)) throw forbidden();
  const rows = await repository.listTemplatesOfProvince(sql, provinceCode);
  return Object.entries(noticeKinds).flatMap(([kind, definition]) =>
    (['vi', 'en'] as const).map((locale) => {
      const own = rows.find((row) => row.kind === kind && row.locale === locale);
      const wording = own ? { subject: own.subject, body: own.body, sms: own.sms } : defaultWording(kind, locale);
      return { kind, label: definition.label[locale], legalDeadline: definition.legalDeadline, fields: [...COMMON_FIELDS, ...definition.fields], locale, wording, isDefault: !own, sms: smsCounts(wording.sms), updatedAt: own?.updatedAt ?? null };
    }),
  );
}

/** Saves a province's wording of a kind; refused with every unknown field named, or an SMS too long. */
export async function saveNoticeTemplate(ctx: AppContext, actor: Actor, provinceCode: string, kind: string, locale: 'vi' | 'en', wording: NoticeWording, requestId?: string): Promise<TemplateView> {
  if (!canManageChannels(actor, provinceCode)) throw forbidden();
  if (!noticeKinds[kind]) throw notFound('Loại thông báo');
  const issues = templateIssues(kind, wording);
  const counts = smsCounts(wording.sms);
  if (counts.plain.segments > MAX_SMS_SEGMENTS) {
    issues.push({ path: 'sms', message: `Tin SMS dài ${counts.plain.units} ký tự = ${counts.plain.segments} tin; tối đa ${MAX_SMS_SEGMENTS} tin (${MAX_SMS_SEGMENTS * 153} ký tự không dấu).` });
  }
  if (issues.length) throw invalidInput(issues);
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    await repository.upsertTemplate(tx, { provinceCode, kind, locale, ...wording }, actor.userId, now);
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'notice_template.saved', entityType: 'notice_template', entityId: `${provinceCode}:${kind}:${locale}`, before: null, after: wording, requestId, occurredAt: now });
    return (await listNoticeTemplates(tx, actor, provinceCode)).find((view) => view.kind === kind && view.locale === locale)!;
  });
}

/** Goes back to the default wording. */
export async function resetNoticeTemplate(ctx: AppContext, actor: Actor, provinceCode: string, kind: string, locale: 'vi' | 'en', requestId?: string): Promise<TemplateView> {
  if (!canManageChannels(actor, provinceCode)) throw forbidden();
  if (!noticeKinds[kind]) throw notFound('Loại thông báo');
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    if (await repository.deleteTemplate(tx, provinceCode, kind, locale)) {
      await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'notice_template.reset', entityType: 'notice_template', entityId: `${provinceCode}:${kind}:${locale}`, before: null, after: null, requestId, occurredAt: now });
    }
    return (await listNoticeTemplates(tx, actor, provinceCode)).find((view) => view.kind === kind && view.locale === locale)!;
  });
}

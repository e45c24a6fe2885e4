import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { invalidInput, type FieldIssue } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { findNoticeContacts, updateContactOfUser } from '../users/index.ts';
import { channelNames, type ChannelName } from './channels/index.ts';
import { normalizeEmail, normalizeVietnameseMobile } from './contact-address.ts';
import { noticeKinds } from './notice-kinds.ts';
import * as repository from './notifications.repository.ts';
import type { Subject } from './notifications.repository.ts';

export interface MyNoticeSettings {
  email: string | null;
  phone: string | null;
  channels: ChannelName[];
  optedOutKinds: string[];
  kinds: Array<{ kind: string; label: string; canOptOut: boolean }>;
}

const isOfficial = (actor: Actor) => actor.role !== 'producer';

/** A producer account speaks for its producer too: what it chooses also holds for the producer's own contact. */
function subjectsOf(actor: Actor): Subject[] {
  return [{ kind: 'user', id: actor.userId }, ...(actor.role === 'producer' && actor.producerId ? [{ kind: 'producer' as const, id: actor.producerId }] : [])];
}

export async function readMyNoticeSettings(sql: Sql, actor: Actor): Promise<MyNoticeSettings> {
  const [contact] = await findNoticeContacts(sql, [actor.userId]);
  const preference = (await repository.findPreferences(sql, [{ kind: 'user', id: actor.userId }])).get(`user:${actor.userId}`);
  return {
    email: contact?.email ?? null,
    phone: contact?.phone ?? null,
    channels: (preference?.channels ?? [...channelNames]) as ChannelName[],
    optedOutKinds: preference?.optedOutKinds ?? [],
    kinds: Object.entries(noticeKinds).map(([kind, definition]) => ({ kind, label: definition.label[actor.locale], canOptOut: !(definition.legalDeadline && isOfficial(actor)) })),
  };
}

export interface MyNoticeSettingsInput {
  email: string | null;
  phone: string | null;
  channels: ChannelName[];
  optedOutKinds: string[];
}

/** Saves one's own e-mail, mobile number, channels and opt-outs; every problem at once. */
export async function saveMyNoticeSettings(ctx: AppContext, actor: Actor, input: MyNoticeSettingsInput, requestId?: string): Promise<MyNoticeSettings> {
  const issues: FieldIssue[] = [];
  let email: string | null = null;
  let phone: string | null = null;
  if (input.email?.trim()) {
    const checked = normalizeEmail(input.email);
    if (checked.ok) email = checked.value;
    else issues.push({ path: 'email', message: checked.reason, messageEn: checked.reasonEn });
  }
  if (input.phone?.trim()) {
    const checked = normalizeVietnameseMobile(input.phone);
    if (checked.ok) phone = checked.value;
    else issues.push({ path: 'phone', message: checked.reason, messageEn: checked.reasonEn });
  }
  for (const kind of input.optedOutKinds) {
    const definition = noticeKinds[kind];
    if (!definition) issues.push({ path: 'optedOutKinds', message: `Không có loại thông báo “${kind}”.` });
    else if (definition.legalDeadline && isOfficial(actor)) {
      issues.push({ path: 'optedOutKinds', message: `“${definition.label.vi}” là thời hạn theo quy định: cán bộ không tắt được thông báo này.`, messageEn: `${definition.label.en} is a legal deadline for officials.` });
    }
  }
  if (issues.length) throw invalidInput(issues);
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const before = await readMyNoticeSettings(tx, actor);
    await updateContactOfUser(tx, actor.userId, { email, phone }, now);
    const preference = { channels: [...new Set(input.channels)], optedOutKinds: [...new Set(input.optedOutKinds)] };
    for (const subject of subjectsOf(actor)) await repository.upsertPreference(tx, subject, preference, now);
    const after = await readMyNoticeSettings(tx, actor);
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'notice_settings.saved',
      entityType: 'user',
      entityId: actor.userId,
      before: { email: before.email, phone: before.phone, channels: before.channels, optedOutKinds: before.optedOutKinds },
      after: { email, phone, ...preference },
      requestId,
      occurredAt: now,
    });
    return after;
  });
}

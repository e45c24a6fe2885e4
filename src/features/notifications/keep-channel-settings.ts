import type { z } from 'zod';
import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { conflict, forbidden, invalidInput, type FieldIssue } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { sealSecret } from '../../core/secrets.ts';
import { channelNames, type ChannelName } from './channels/index.ts';
import { normalizeEmail } from './contact-address.ts';
import { noticeKinds } from './notice-kinds.ts';
import { canManageChannels } from './notifications.policy.ts';
import * as repository from './notifications.repository.ts';
import type { channelView } from './notifications.schemas.ts';

/** A channel's settings as shown: never the secret, only whether one is kept (`hasSecret`). */
export type ChannelView = z.infer<typeof channelView>;

function viewOf(provinceCode: string | null, channel: ChannelName, row: repository.ChannelRow | undefined): ChannelView {
  return row
    ? { provinceCode, channel, configured: true, enabled: row.enabled, perMinute: row.perMinute, settings: row.settings, hasSecret: row.sealedSecret !== null, version: row.version, updatedAt: row.updatedAt }
    : { provinceCode, channel, configured: false, enabled: false, perMinute: 60, settings: {}, hasSecret: false, version: 0, updatedAt: null };
}

/** The three channels of a scope (global: provinceCode null), configured or not. */
export async function listChannelSettings(sql: Sql, actor: Actor, provinceCode: string | null): Promise<ChannelView[]> {
  if (!canManageChannels(actor, provinceCode)) throw forbidden();
  const rows = await repository.listChannelsOfScopes(sql, provinceCode, provinceCode === null);
  return channelNames.map((channel) => viewOf(provinceCode, channel, rows.find((row) => row.channel === channel && row.provinceCode === provinceCode)));
}

export interface ChannelInput {
  version: number;
  enabled: boolean;
  perMinute: number;
  settings: Record<string, unknown>;
  /** undefined keeps the kept secret, null removes it, a string replaces it. */
  secret?: string | null | undefined;
}

const text = (settings: Record<string, unknown>, name: string) => (typeof settings[name] === 'string' ? (settings[name] as string).trim() : '');

/** What each channel needs before it may be switched on; every problem at once. */
function settingsIssues(channel: ChannelName, settings: Record<string, unknown>, willHaveSecret: boolean, enabled: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const need = (name: string, message: string) => {
    if (!text(settings, name)) issues.push({ path: `settings.${name}`, message });
  };
  const url = (name: string) => {
    const value = text(settings, name);
    if (value && !/^https?:\/\/[^\s/]+/.test(value)) issues.push({ path: `settings.${name}`, message: 'Địa chỉ phải bắt đầu bằng http:// hoặc https://.' });
  };
  if (channel === 'email') {
    if (enabled) need('host', 'Nhập máy chủ SMTP.');
    const port = Number(settings.port ?? 587);
    if (!Number.isInteger(port) || port < 1 || port > 65535) issues.push({ path: 'settings.port', message: 'Cổng SMTP từ 1 đến 65535.' });
    for (const name of ['from', 'replyTo']) {
      const value = text(settings, name);
      if (value && !normalizeEmail(value).ok) issues.push({ path: `settings.${name}`, message: `Địa chỉ e-mail “${value}” không hợp lệ.` });
    }
    if (enabled) need('from', 'Nhập địa chỉ gửi (From).');
    if (text(settings, 'username') && !willHaveSecret) issues.push({ path: 'secret', message: 'Nhập mật khẩu SMTP của tài khoản đăng nhập.' });
  } else if (channel === 'zalo') {
    url('baseUrl');
    if (enabled && !willHaveSecret) issues.push({ path: 'secret', message: 'Nhập access token của Zalo Official Account.' });
    const templates = settings.templates ?? {};
    if (typeof templates !== 'object' || Array.isArray(templates)) issues.push({ path: 'settings.templates', message: 'Mẫu ZNS: danh sách loại thông báo → mã mẫu.' });
    else
      for (const [kind, id] of Object.entries(templates as Record<string, unknown>)) {
        if (!noticeKinds[kind]) issues.push({ path: `settings.templates.${kind}`, message: `Không có loại thông báo “${kind}”.` });
        else if (typeof id !== 'string' || !/^[0-9A-Za-z_-]{1,64}$/.test(id)) issues.push({ path: `settings.templates.${kind}`, message: 'Mã mẫu ZNS gồm chữ, số, “-” hoặc “_”.' });
      }
  } else {
    url('baseUrl');
    if (enabled) {
      need('apiKey', 'Nhập ApiKey của tài khoản SMS.');
      need('brandname', 'Nhập tên thương hiệu (brandname) đã đăng ký.');
      if (!willHaveSecret) issues.push({ path: 'secret', message: 'Nhập SecretKey của tài khoản SMS.' });
    }
    const brandname = text(settings, 'brandname');
    if (brandname && !/^[A-Za-z0-9 ._-]{1,11}$/.test(brandname)) issues.push({ path: 'settings.brandname', message: 'Brandname tối đa 11 ký tự không dấu.' });
  }
  return issues;
}

const allowedSettings: Record<ChannelName, readonly string[]> = {
  email: ['host', 'port', 'secure', 'requireTls', 'username', 'from', 'fromName', 'replyTo', 'allowSelfSigned', 'timeoutMs'],
  zalo: ['baseUrl', 'templates', 'timeoutMs'],
  sms: ['provider', 'baseUrl', 'apiKey', 'brandname', 'unicode', 'sandbox', 'timeoutMs'],
};

/** Saves a channel's settings for a scope; the secret is sealed and never returned. */
export async function saveChannelSettings(ctx: AppContext, actor: Actor, provinceCode: string | null, channel: ChannelName, input: ChannelInput, requestId?: string): Promise<ChannelView> {
  if (!canManageChannels(actor, provinceCode)) throw forbidden();
  const settings = Object.fromEntries(Object.entries(input.settings).filter(([name]) => allowedSettings[channel].includes(name)));
  return withTransaction(ctx.db, async (tx) => {
    const before = await repository.findChannelOfScope(tx, provinceCode, channel, { forUpdate: true });
    if ((before?.version ?? 0) !== input.version) throw conflict('Cấu hình kênh vừa được người khác thay đổi. Hãy tải lại.', 'Changed by someone else; reload.');
    const willHaveSecret = input.secret === undefined ? before?.sealedSecret != null : input.secret !== null && input.secret !== '';
    const issues = settingsIssues(channel, settings, willHaveSecret, input.enabled);
    if (issues.length) throw invalidInput(issues);
    const sealedSecret = input.secret === undefined ? (before?.sealedSecret ?? null) : input.secret ? await sealSecret(tx, input.secret) : null;
    const now = ctx.clock.now();
    const row = { provinceCode, channel, enabled: input.enabled, settings, sealedSecret, perMinute: input.perMinute };
    if (before) await repository.updateChannel(tx, before.id, row, actor.userId, now);
    else await repository.insertChannel(tx, row, actor.userId, now);
    const after = await repository.findChannelOfScope(tx, provinceCode, channel);
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'notice_channel.saved',
      entityType: 'notice_channel',
      entityId: after!.id,
      before: before ? { enabled: before.enabled, settings: before.settings, perMinute: before.perMinute, hasSecret: before.sealedSecret !== null } : null,
      after: { provinceCode, channel, enabled: input.enabled, settings, perMinute: input.perMinute, hasSecret: sealedSecret !== null, secretChanged: input.secret !== undefined },
      requestId,
      occurredAt: now,
    });
    return viewOf(provinceCode, channel, after!);
  });
}

import type { Sql } from '../../core/db/database.ts';
import { Conditions, selectPage } from '../../core/db/query-builder.ts';

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
  /** What became of it by e-mail, Zalo and SMS (empty when it went only to the app). */
  deliveries: Array<{ channel: 'email' | 'zalo' | 'sms'; status: MessageStatus; sentAt: Date | null }>;
}

export interface NewNotice {
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupeKey: string;
}

/** One notice per user and dedupe key: a repeated write (a job run again) adds nothing. Returns the new rows. */
export async function insertNotices(sql: Sql, userIds: readonly string[], notice: NewNotice, now: Date): Promise<Array<{ id: string; userId: string }>> {
  const result = await sql.query<{ id: string; userId: string }>(
    `INSERT INTO notifications (user_id, kind, title, body, link, dedupe_key, created_at)
     SELECT unnest($1::uuid[]), $2, $3, $4, $5, $6, $7
     ON CONFLICT (user_id, dedupe_key) DO NOTHING
     RETURNING id, user_id AS "userId"`,
    [userIds, notice.kind, notice.title, notice.body, notice.link, notice.dedupeKey, now],
  );
  return result.rows;
}

export async function listNotifications(sql: Sql, userId: string, options: { unreadOnly: boolean; limit: number; offset: number }) {
  const where = options.unreadOnly ? 'n.user_id = $1 AND n.read_at IS NULL' : 'n.user_id = $1';
  const [items, counts] = await Promise.all([
    sql.query<Omit<NotificationItem, 'deliveries'> & { deliveries: Array<{ channel: 'email' | 'zalo' | 'sms'; status: MessageStatus; sentAt: string | null }> }>(
      `SELECT n.id, n.kind, n.title, n.body, n.link, n.created_at AS "createdAt", n.read_at AS "readAt",
              coalesce((SELECT json_agg(json_build_object('channel', m.channel, 'status', m.status, 'sentAt', m.sent_at) ORDER BY m.channel)
                          FROM notice_messages m WHERE m.notification_id = n.id), '[]'::json) AS deliveries
         FROM notifications n
       WHERE ${where} ORDER BY n.created_at DESC, n.id LIMIT $2 OFFSET $3`,
      [userId, options.limit, options.offset],
    ),
    sql.query<{ total: number; unread: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE n.read_at IS NULL)::int AS unread FROM notifications n WHERE ${where}`,
      [userId],
    ),
  ]);
  const withDates = items.rows.map((item) => ({ ...item, deliveries: item.deliveries.map((d) => ({ ...d, sentAt: d.sentAt ? new Date(d.sentAt) : null })) }));
  return { items: withDates, total: counts.rows[0]!.total, unread: counts.rows[0]!.unread };
}

/** Marks the user's notices read (the given ones, or all); another user's notice is not touched. */
export async function markRead(sql: Sql, userId: string, ids: readonly string[] | 'all', now: Date): Promise<number> {
  const result =
    ids === 'all'
      ? await sql.query('UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL', [userId, now])
      : await sql.query('UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL AND id = ANY($3::uuid[])', [userId, now, ids]);
  return result.rowCount ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Preferences

export type SubjectKind = 'user' | 'producer' | 'sales_point';
export interface Subject {
  kind: SubjectKind;
  id: string;
}
export interface Preference {
  channels: string[];
  optedOutKinds: string[];
}

export async function findPreferences(sql: Sql, subjects: readonly Subject[]): Promise<Map<string, Preference>> {
  if (subjects.length === 0) return new Map();
  const { rows } = await sql.query<{ subjectKind: string; subjectId: string; channels: string[]; optedOutKinds: string[] }>(
    `SELECT subject_kind AS "subjectKind", subject_id AS "subjectId", channels, opted_out_kinds AS "optedOutKinds"
       FROM notice_preferences p JOIN unnest($1::text[], $2::uuid[]) AS s(kind, id) ON p.subject_kind = s.kind AND p.subject_id = s.id`,
    [subjects.map((s) => s.kind), subjects.map((s) => s.id)],
  );
  return new Map(rows.map((row) => [`${row.subjectKind}:${row.subjectId}`, { channels: row.channels, optedOutKinds: row.optedOutKinds }]));
}

export async function upsertPreference(sql: Sql, subject: Subject, preference: Preference, now: Date): Promise<void> {
  await sql.query(
    `INSERT INTO notice_preferences (subject_kind, subject_id, channels, opted_out_kinds, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (subject_kind, subject_id) DO UPDATE SET channels = EXCLUDED.channels, opted_out_kinds = EXCLUDED.opted_out_kinds, updated_at = EXCLUDED.updated_at`,
    [subject.kind, subject.id, preference.channels, preference.optedOutKinds, now],
  );
}

// ---------------------------------------------------------------------------------------------
// Channels and templates

export interface ChannelRow {
  id: string;
  provinceCode: string | null;
  channel: 'email' | 'zalo' | 'sms';
  enabled: boolean;
  settings: Record<string, unknown>;
  sealedSecret: string | null;
  perMinute: number;
  version: number;
  updatedAt: Date;
}

const channelSelect = `SELECT id, province_code AS "provinceCode", channel, enabled, settings, sealed_secret AS "sealedSecret",
                              per_minute AS "perMinute", version, updated_at AS "updatedAt" FROM notice_channels`;

/** The channels that serve a province: its own and the global ones (province first). */
export async function findChannelsFor(sql: Sql, provinceCodes: readonly (string | null)[]): Promise<ChannelRow[]> {
  const codes = [...new Set(provinceCodes.filter((code): code is string => code !== null))];
  const { rows } = await sql.query<ChannelRow>(`${channelSelect} WHERE province_code IS NULL OR province_code = ANY($1::text[])`, [codes]);
  return rows;
}

export async function findChannel(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<ChannelRow | null> {
  const { rows } = await sql.query<ChannelRow>(`${channelSelect} WHERE id = $1 ${options.forUpdate ? 'FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function findChannelOfScope(sql: Sql, provinceCode: string | null, channel: string, options: { forUpdate?: boolean } = {}): Promise<ChannelRow | null> {
  const { rows } = await sql.query<ChannelRow>(
    `${channelSelect} WHERE COALESCE(province_code, '') = COALESCE($1::text, '') AND channel = $2 ${options.forUpdate ? 'FOR UPDATE' : ''}`,
    [provinceCode, channel],
  );
  return rows[0] ?? null;
}

export async function listChannelsOfScopes(sql: Sql, provinceCode: string | null, withGlobal: boolean): Promise<ChannelRow[]> {
  const { rows } = await sql.query<ChannelRow>(
    `${channelSelect} WHERE (province_code = $1) OR ($2 AND province_code IS NULL) ORDER BY province_code NULLS FIRST, channel`,
    [provinceCode, withGlobal],
  );
  return rows;
}

export interface ChannelWrite {
  provinceCode: string | null;
  channel: string;
  enabled: boolean;
  settings: Record<string, unknown>;
  sealedSecret: string | null;
  perMinute: number;
}

export async function insertChannel(sql: Sql, row: ChannelWrite, by: string, now: Date): Promise<void> {
  await sql.query(
    `INSERT INTO notice_channels (province_code, channel, enabled, settings, sealed_secret, per_minute, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [row.provinceCode, row.channel, row.enabled, JSON.stringify(row.settings), row.sealedSecret, row.perMinute, now, by],
  );
}

export async function updateChannel(sql: Sql, id: string, row: ChannelWrite, by: string, now: Date): Promise<void> {
  await sql.query(
    `UPDATE notice_channels SET enabled = $2, settings = $3, sealed_secret = $4, per_minute = $5, version = version + 1, updated_at = $6, updated_by = $7
     WHERE id = $1`,
    [id, row.enabled, JSON.stringify(row.settings), row.sealedSecret, row.perMinute, now, by],
  );
}

export interface TemplateRow {
  provinceCode: string;
  kind: string;
  locale: 'vi' | 'en';
  subject: string;
  body: string;
  sms: string;
  updatedAt: Date;
}

export async function findTemplates(sql: Sql, provinceCodes: readonly string[], kind: string): Promise<TemplateRow[]> {
  if (provinceCodes.length === 0) return [];
  const { rows } = await sql.query<TemplateRow>(
    `SELECT province_code AS "provinceCode", kind, locale, subject, body, sms, updated_at AS "updatedAt"
       FROM notice_templates WHERE province_code = ANY($1::text[]) AND kind = $2`,
    [provinceCodes, kind],
  );
  return rows;
}

export async function listTemplatesOfProvince(sql: Sql, provinceCode: string): Promise<TemplateRow[]> {
  const { rows } = await sql.query<TemplateRow>(
    `SELECT province_code AS "provinceCode", kind, locale, subject, body, sms, updated_at AS "updatedAt"
       FROM notice_templates WHERE province_code = $1 ORDER BY kind, locale`,
    [provinceCode],
  );
  return rows;
}

export async function upsertTemplate(sql: Sql, row: Omit<TemplateRow, 'updatedAt'>, by: string, now: Date): Promise<void> {
  await sql.query(
    `INSERT INTO notice_templates (province_code, kind, locale, subject, body, sms, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (province_code, kind, locale) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, sms = EXCLUDED.sms,
       updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [row.provinceCode, row.kind, row.locale, row.subject, row.body, row.sms, now, by],
  );
}

export async function deleteTemplate(sql: Sql, provinceCode: string, kind: string, locale: string): Promise<number> {
  const result = await sql.query(`DELETE FROM notice_templates WHERE province_code = $1 AND kind = $2 AND locale = $3`, [provinceCode, kind, locale]);
  return result.rowCount ?? 0;
}

// ---------------------------------------------------------------------------------------------
// The outbox

export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'uncertain' | 'held' | 'undeliverable';

export interface NewMessage {
  notificationId: string | null;
  kind: string;
  dedupeKey: string;
  provinceCode: string | null;
  subject: Subject;
  recipientName: string;
  producerId: string | null;
  communeCode: string | null;
  channel: string;
  channelId: string | null;
  address: string | null;
  locale: 'vi' | 'en';
  subjectLine: string;
  body: string;
  sms: string;
  params: Record<string, string>;
  link: string | null;
  status: MessageStatus;
  statusReason: string | null;
}

/** Writes the messages; one per (dedupe key, subject, channel), so a notice written twice is sent once. */
export async function insertMessages(sql: Sql, messages: readonly NewMessage[], now: Date): Promise<number> {
  if (messages.length === 0) return 0;
  const result = await sql.query(
    `INSERT INTO notice_messages (notification_id, kind, dedupe_key, province_code, subject_kind, subject_id, recipient_name, producer_id,
                                  commune_code, channel, channel_id, address, locale, subject, body, sms, params, link, status, status_reason,
                                  next_attempt_at, created_at, updated_at)
     SELECT m.notification_id, m.kind, m.dedupe_key, m.province_code, m.subject_kind, m.subject_id, m.recipient_name, m.producer_id,
            m.commune_code, m.channel, m.channel_id, m.address, m.locale, m.subject, m.body, m.sms, m.params, m.link, m.status, m.status_reason,
            CASE WHEN m.status = 'queued' THEN $2::timestamptz END, $2, $2
       FROM jsonb_to_recordset($1::jsonb) AS m(notification_id uuid, kind text, dedupe_key text, province_code text, subject_kind text,
            subject_id uuid, recipient_name text, producer_id uuid, commune_code text, channel text, channel_id uuid, address text,
            locale text, subject text, body text, sms text, params jsonb, link text, status text, status_reason text)
     ON CONFLICT (dedupe_key, subject_kind, subject_id, channel) DO NOTHING`,
    [
      JSON.stringify(
        messages.map((m) => ({
          notification_id: m.notificationId,
          kind: m.kind,
          dedupe_key: m.dedupeKey,
          province_code: m.provinceCode,
          subject_kind: m.subject.kind,
          subject_id: m.subject.id,
          recipient_name: m.recipientName,
          producer_id: m.producerId,
          commune_code: m.communeCode,
          channel: m.channel,
          channel_id: m.channelId,
          address: m.address,
          locale: m.locale,
          subject: m.subjectLine,
          body: m.body,
          params: m.params,
          sms: m.sms,
          link: m.link,
          status: m.status,
          status_reason: m.statusReason,
        })),
      ),
      now,
    ],
  );
  return result.rowCount ?? 0;
}

export interface ClaimedMessage {
  id: string;
  kind: string;
  channel: 'email' | 'zalo' | 'sms';
  channelId: string;
  address: string;
  recipientName: string;
  subject: string;
  body: string;
  sms: string;
  params: Record<string, string>;
  attempts: number;
  idempotencyKey: string;
}

/** The channels that have messages due now. */
/** The channels with messages due now; only those of the given provinces' own settings when asked. */
export async function listChannelsWithDueMessages(sql: Sql, now: Date, provinceCodes: readonly string[] | null = null): Promise<string[]> {
  const { rows } = await sql.query<{ channelId: string }>(
    `SELECT DISTINCT m.channel_id AS "channelId" FROM notice_messages m JOIN notice_channels c ON c.id = m.channel_id
      WHERE m.status = 'queued' AND m.next_attempt_at <= $1 AND ($2::text[] IS NULL OR c.province_code = ANY($2::text[]))`,
    [now, provinceCodes],
  );
  return rows.map((row) => row.channelId);
}

export async function countAttemptsSince(sql: Sql, channelId: string, since: Date): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM notice_messages WHERE channel_id = $1 AND last_attempt_at > $2`, [channelId, since]);
  return rows[0]!.n;
}

/** Marks up to `limit` due messages of the channel as being sent (attempt counted, lease set) and returns them. */
export async function claimMessages(sql: Sql, channelId: string, now: Date, limit: number, leaseUntil: Date): Promise<ClaimedMessage[]> {
  const { rows } = await sql.query<ClaimedMessage>(
    `UPDATE notice_messages m SET status = 'sending', attempts = m.attempts + 1, last_attempt_at = $2, lease_until = $4, updated_at = $2
      WHERE m.id IN (SELECT id FROM notice_messages WHERE status = 'queued' AND channel_id = $1 AND next_attempt_at <= $2
                      ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING m.id, m.kind, m.channel, m.channel_id AS "channelId", m.address, m.recipient_name AS "recipientName", m.subject, m.body,
                m.sms, m.params, m.attempts, m.idempotency_key AS "idempotencyKey"`,
    [channelId, now, limit, leaseUntil],
  );
  return rows;
}

/** Messages whose sender died mid-send (the lease ran out), locked for the caller to decide. */
export async function lockExpiredSending(sql: Sql, now: Date): Promise<Array<{ id: string; channel: 'email' | 'zalo' | 'sms'; attempts: number }>> {
  const { rows } = await sql.query<{ id: string; channel: 'email' | 'zalo' | 'sms'; attempts: number }>(
    `SELECT id, channel, attempts FROM notice_messages WHERE status = 'sending' AND lease_until < $1 ORDER BY lease_until LIMIT 500 FOR UPDATE SKIP LOCKED`,
    [now],
  );
  return rows;
}

export interface Outcome {
  status: MessageStatus;
  reason: string | null;
  providerMessageId?: string | null;
  answer?: string | null;
  nextAttemptAt?: Date | null;
  sentAt?: Date | null;
}

/** Records what became of an attempt; only the attempt that claimed the row may record it. */
export async function recordOutcome(sql: Sql, id: string, attempts: number | null, outcome: Outcome, now: Date): Promise<boolean> {
  const result = await sql.query(
    `UPDATE notice_messages SET status = $3, status_reason = $4, provider_message_id = COALESCE($5, provider_message_id),
            provider_answer = COALESCE($6, provider_answer), next_attempt_at = $7, sent_at = COALESCE($8, sent_at), lease_until = NULL, updated_at = $9
      WHERE id = $1 AND ($2::int IS NULL OR (status = 'sending' AND attempts = $2))`,
    [id, attempts, outcome.status, outcome.reason, outcome.providerMessageId ?? null, outcome.answer ?? null, outcome.nextAttemptAt ?? null, outcome.sentAt ?? null, now],
  );
  return (result.rowCount ?? 0) > 0;
}

export interface OutboxItem {
  id: string;
  kind: string;
  createdAt: Date;
  provinceCode: string | null;
  subjectKind: SubjectKind;
  subjectId: string;
  recipientName: string;
  channel: 'email' | 'zalo' | 'sms';
  address: string | null;
  subject: string;
  body: string;
  sms: string;
  link: string | null;
  status: MessageStatus;
  statusReason: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  providerMessageId: string | null;
  providerAnswer: string | null;
}

const outboxSelect = `SELECT id, kind, created_at AS "createdAt", province_code AS "provinceCode", subject_kind AS "subjectKind", subject_id AS "subjectId",
         recipient_name AS "recipientName", channel, address, subject, body, sms, link, status,
         status_reason AS "statusReason", attempts, next_attempt_at AS "nextAttemptAt", sent_at AS "sentAt",
         provider_message_id AS "providerMessageId", provider_answer AS "providerAnswer"
    FROM notice_messages`;

export async function findMessage(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<OutboxItem | null> {
  const { rows } = await sql.query<OutboxItem>(`${outboxSelect} WHERE id = $1 ${options.forUpdate ? 'FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function listOutbox(
  sql: Sql,
  filter: { provinceCode: string | null; status?: string | undefined; channel?: string | undefined; subjects?: readonly Subject[] | undefined; q?: string | undefined; limit: number; offset: number },
): Promise<{ items: OutboxItem[]; total: number }> {
  const where = new Conditions();
  if (filter.provinceCode) where.add('province_code = ?', filter.provinceCode);
  if (filter.status) where.add('status = ?', filter.status);
  if (filter.channel) where.add('channel = ?', filter.channel);
  if (filter.q) where.add(`vn_unaccent(recipient_name || ' ' || subject || ' ' || coalesce(address, '')) LIKE '%' || vn_unaccent(?) || '%'`, filter.q);
  if (filter.subjects) {
    const kinds = where.param(filter.subjects.map((s) => s.kind));
    const ids = where.param(filter.subjects.map((s) => s.id));
    where.addRaw(`(subject_kind, subject_id) IN (SELECT * FROM unnest(${kinds}::text[], ${ids}::uuid[]))`);
  }
  return selectPage<OutboxItem>(sql, outboxSelect, where, { orderBy: '"createdAt" DESC, id', limit: filter.limit, offset: filter.offset });
}

/** Queued messages whose time has come, and how long the oldest of them has waited (seconds; 0 when none). */
export async function countDueMessages(sql: Sql, now: Date): Promise<{ due: number; oldestDueSeconds: number }> {
  const { rows } = await sql.query<{ due: number; oldest: number | null }>(
    `SELECT count(*)::int AS due, extract(epoch FROM ($1::timestamptz - min(next_attempt_at)))::float8 AS oldest
       FROM notice_messages WHERE status = 'queued' AND next_attempt_at <= $1`,
    [now],
  );
  return { due: rows[0]!.due, oldestDueSeconds: Math.max(0, rows[0]!.oldest ?? 0) };
}

export async function countOutboxByStatus(sql: Sql, provinceCode: string | null): Promise<Record<string, number>> {
  const { rows } = await sql.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM notice_messages WHERE ($1::text IS NULL OR province_code = $1) GROUP BY status`,
    [provinceCode],
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

/** Puts a failed or uncertain message back in the queue, under a new idempotency key (a person decided to send it again). */
export async function requeueMessage(sql: Sql, id: string, now: Date): Promise<void> {
  await sql.query(
    `UPDATE notice_messages SET status = 'queued', status_reason = NULL, attempts = 0, next_attempt_at = $2, idempotency_key = gen_random_uuid(), updated_at = $2 WHERE id = $1`,
    [id, now],
  );
}

/** Per producer: the last outcome of the messages about it, for the commune's "could not be reached" list. */
export async function reachOfProducers(sql: Sql, producerIds: readonly string[]): Promise<Map<string, { sent: number; failed: number; lastFailure: string | null; lastAt: Date | null }>> {
  if (producerIds.length === 0) return new Map();
  const { rows } = await sql.query<{ producerId: string; sent: number; failed: number; lastFailure: string | null; lastAt: Date | null }>(
    `SELECT producer_id AS "producerId",
            count(*) FILTER (WHERE status = 'sent')::int AS sent,
            count(*) FILTER (WHERE status IN ('failed', 'undeliverable'))::int AS failed,
            (array_agg(status_reason ORDER BY updated_at DESC) FILTER (WHERE status IN ('failed', 'undeliverable')))[1] AS "lastFailure",
            max(updated_at) AS "lastAt"
       FROM notice_messages WHERE producer_id = ANY($1::uuid[]) AND subject_kind IN ('producer', 'user') GROUP BY producer_id`,
    [producerIds],
  );
  return new Map(rows.map((row) => [row.producerId, row]));
}

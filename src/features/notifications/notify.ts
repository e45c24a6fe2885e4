import type { Sql } from '../../core/db/database.ts';

/**
 * In-app notices (thông báo). A notice is written in the transaction of the act it reports, once per user
 * and dedupe key, so a job that runs again does not notify twice. Recipients are named by what they are
 * in the programme, and resolved to the active accounts that hold that place.
 */
export type Recipient =
  | { producerId: string }
  | { communeOf: { provinceCode: string; communeCode: string } }
  | { provinceOffice: string }
  | { ministry: true }
  | { userId: string };

export interface Notice {
  kind: string;
  title: string;
  body?: string;
  /** A back-office path, e.g. /admin/certificates/…, opened from the notice. */
  link?: string | null;
  dedupeKey: string;
}

async function resolveRecipients(sql: Sql, recipients: readonly Recipient[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const recipient of recipients) {
    let rows: Array<{ id: string }>;
    if ('userId' in recipient) rows = [{ id: recipient.userId }];
    else if ('producerId' in recipient) {
      rows = (await sql.query<{ id: string }>(`SELECT id FROM users WHERE is_active AND role = 'producer' AND producer_id = $1`, [recipient.producerId])).rows;
    } else if ('communeOf' in recipient) {
      rows = (
        await sql.query<{ id: string }>(
          `SELECT id FROM users WHERE is_active AND role = 'commune_officer' AND scope_province_code = $1 AND scope_commune_code = $2`,
          [recipient.communeOf.provinceCode, recipient.communeOf.communeCode],
        )
      ).rows;
    } else if ('provinceOffice' in recipient) {
      rows = (await sql.query<{ id: string }>(`SELECT id FROM users WHERE is_active AND role = 'province_office' AND scope_province_code = $1`, [recipient.provinceOffice])).rows;
    } else {
      rows = (await sql.query<{ id: string }>(`SELECT id FROM users WHERE is_active AND role = 'ministry_officer'`)).rows;
    }
    for (const row of rows) ids.add(row.id);
  }
  return [...ids];
}

/** Writes the notice for every recipient; returns how many new notices were written. */
export async function notify(sql: Sql, recipients: readonly Recipient[], notice: Notice, now: Date): Promise<number> {
  const userIds = await resolveRecipients(sql, recipients);
  if (userIds.length === 0) return 0;
  const result = await sql.query(
    `INSERT INTO notifications (user_id, kind, title, body, link, dedupe_key, created_at)
     SELECT unnest($1::uuid[]), $2, $3, $4, $5, $6, $7
     ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
    [userIds, notice.kind, notice.title, notice.body ?? '', notice.link ?? null, notice.dedupeKey, now],
  );
  return result.rowCount ?? 0;
}

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export async function listNotifications(sql: Sql, userId: string, options: { unreadOnly: boolean; limit: number; offset: number }) {
  const where = options.unreadOnly ? 'user_id = $1 AND read_at IS NULL' : 'user_id = $1';
  const [items, counts] = await Promise.all([
    sql.query<NotificationItem>(
      `SELECT id, kind, title, body, link, created_at AS "createdAt", read_at AS "readAt" FROM notifications
       WHERE ${where} ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [userId, options.limit, options.offset],
    ),
    sql.query<{ total: number; unread: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE ${where}`,
      [userId],
    ),
  ]);
  return { items: items.rows, total: counts.rows[0]!.total, unread: counts.rows[0]!.unread };
}

/** Marks the user's notices read (the given ones, or all); another user's notice is not touched. */
export async function markRead(sql: Sql, userId: string, ids: readonly string[] | 'all', now: Date): Promise<number> {
  const result =
    ids === 'all'
      ? await sql.query('UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL', [userId, now])
      : await sql.query('UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL AND id = ANY($3::uuid[])', [userId, now, ids]);
  return result.rowCount ?? 0;
}

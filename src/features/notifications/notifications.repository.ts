import type { Sql } from '../../core/db/database.ts';

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface NewNotice {
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupeKey: string;
}

/** One notice per user and dedupe key: a repeated write (a job run again) adds nothing. */
export async function insertNotices(sql: Sql, userIds: readonly string[], notice: NewNotice, now: Date): Promise<number> {
  const result = await sql.query(
    `INSERT INTO notifications (user_id, kind, title, body, link, dedupe_key, created_at)
     SELECT unnest($1::uuid[]), $2, $3, $4, $5, $6, $7
     ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
    [userIds, notice.kind, notice.title, notice.body, notice.link, notice.dedupeKey, now],
  );
  return result.rowCount ?? 0;
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

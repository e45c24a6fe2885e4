import type { JobHandler } from '../jobs/index.ts';
import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../db/database.ts';
import type { Actor } from './actor.ts';

export const SESSION_COOKIE = 'ocop_session';
export const CSRF_COOKIE = 'ocop_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionRecord {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
  /** A temporary password (set by an administrator) not yet replaced: the server refuses all but the change. */
  mustChangePassword: boolean;
}

/** Creates a session and returns the cookie token (only its hash is stored). */
export async function createSession(
  sql: Sql,
  input: { userId: string; csrfToken: string; now: Date; ip: string; userAgent: string | undefined },
): Promise<string> {
  const token = newToken();
  await sql.query(
    `INSERT INTO sessions (id, user_id, csrf_token, created_at, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      sessionIdOf(token),
      input.userId,
      input.csrfToken,
      input.now,
      new Date(input.now.getTime() + SESSION_TTL_MS),
      input.ip,
      input.userAgent?.slice(0, 300) ?? null,
    ],
  );
  return token;
}

/** The live session of a cookie token, with its user; none when expired or the user is deactivated. */
export async function findSession(sql: Sql, token: string, now: Date): Promise<SessionRecord | null> {
  const { rows } = await sql.query<Actor & { csrfToken: string; expiresAt: Date; mustChangePassword: boolean }>(
    `SELECT u.id AS "userId", u.username, u.display_name AS "displayName", u.role,
            u.scope_province_code AS "provinceCode", u.scope_commune_code AS "communeCode",
            u.producer_id AS "producerId", u.locale, s.csrf_token AS "csrfToken", s.expires_at AS "expiresAt",
            u.must_change_password AS "mustChangePassword"
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND s.expires_at > $2 AND u.is_active`,
    [sessionIdOf(token), now],
  );
  const row = rows[0];
  if (!row) return null;
  const { csrfToken, expiresAt, mustChangePassword, ...actor } = row;
  return { actor, csrfToken, expiresAt, mustChangePassword };
}

export async function deleteSession(sql: Sql, token: string): Promise<void> {
  await sql.query('DELETE FROM sessions WHERE id = $1', [sessionIdOf(token)]);
}

export async function deleteSessionsOfUser(sql: Sql, userId: string): Promise<void> {
  await sql.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

/** Ends every session of the user but the one of `keepToken` (the user changed their own password there). */
export async function deleteOtherSessionsOfUser(sql: Sql, userId: string, keepToken: string | undefined): Promise<number> {
  const result = await sql.query('DELETE FROM sessions WHERE user_id = $1 AND id <> $2', [userId, keepToken ? sessionIdOf(keepToken) : '']);
  return result.rowCount ?? 0;
}

/**
 * Daily clean-up of authentication records (a durable job, core/jobs): expired sessions, and login
 * attempts older than a day (throttling looks back 15 minutes; the audit log keeps sign-ins), devices
 * unused for a year.
 */
export const pruneAuthRecordsJob: JobHandler = {
  name: 'maintenance.prune-auth-records',
  async run(tx, _job, now) {
    await tx.query('DELETE FROM sessions WHERE expires_at < $1', [now]);
    await tx.query(`DELETE FROM login_attempts WHERE attempted_at < $1::timestamptz - interval '1 day'`, [now]);
    // A browser not used for a year is a stranger again (the device cookie lives a year too).
    await tx.query(`DELETE FROM known_devices WHERE last_seen_at < $1::timestamptz - interval '365 days'`, [now]);
  },
};

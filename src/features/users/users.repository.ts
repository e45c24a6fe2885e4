import type { Sql } from '../../core/db/database.ts';
import { Conditions, selectPage } from '../../core/db/query-builder.ts';
import { CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import type { Role } from '../../core/auth/roles.ts';
import type { User } from './users.schemas.ts';


const userSelect = `
  SELECT u.id, u.username, u.display_name AS "displayName", u.email, u.role,
         u.scope_province_code AS "provinceCode", p.full_name AS "provinceName",
         u.scope_commune_code AS "communeCode", c.full_name AS "communeName",
         u.producer_id AS "producerId", pr.name AS "producerName",
         u.is_active AS "isActive", u.is_demo AS "isDemo", u.must_change_password AS "mustChangePassword",
         u.locale, u.version, u.created_at AS "createdAt", u.updated_at AS "updatedAt"
    FROM users u
    LEFT JOIN admin_units p ON p.version_id = '${CURRENT_UNITS_VERSION}' AND p.level = 'province' AND p.code = u.scope_province_code
    LEFT JOIN admin_units c ON c.version_id = '${CURRENT_UNITS_VERSION}' AND c.level = 'commune' AND c.code = u.scope_commune_code
    LEFT JOIN producers pr ON pr.id = u.producer_id`;

export async function findUserById(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<User | null> {
  const { rows } = await sql.query<User>(
    `${userSelect} WHERE u.id = $1 ${options.forUpdate ? 'FOR UPDATE OF u' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export interface Credentials {
  id: string;
  passwordHash: string;
  isActive: boolean;
  isDemo: boolean;
}

/** Whether the demo accounts were loaded (src/demo/seed-demo-data.ts loads them once). */
export async function hasDemoUsers(sql: Sql): Promise<boolean> {
  const { rows } = await sql.query('SELECT 1 FROM users WHERE is_demo LIMIT 1');
  return rows.length > 0;
}

export async function findCredentials(sql: Sql, username: string): Promise<Credentials | null> {
  const { rows } = await sql.query<Credentials>(
    `SELECT id, password_hash AS "passwordHash", is_active AS "isActive", is_demo AS "isDemo"
       FROM users WHERE lower(username) = lower($1)`,
    [username],
  );
  return rows[0] ?? null;
}

/** The rows of users a manager may see, as decided by users.policy.ts. */
export interface UserVisibility {
  roles: readonly Role[] | 'all';
  provinceCode: string | null;
  /** Only users without a province (the ministry's own council). */
  nationalOnly: boolean;
}

export interface UserFilter {
  q?: string;
  role?: Role;
  provinceCode?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

export async function listUsers(
  sql: Sql,
  visibility: UserVisibility,
  filter: UserFilter,
): Promise<{ items: User[]; total: number }> {
  const where = new Conditions();
  if (visibility.roles !== 'all') where.add('u.role = ANY(?::text[])', visibility.roles);
  if (visibility.provinceCode) where.add('u.scope_province_code = ?', visibility.provinceCode);
  if (visibility.nationalOnly) where.addRaw('u.scope_province_code IS NULL');
  if (filter.role) where.add('u.role = ?', filter.role);
  if (filter.provinceCode) where.add('u.scope_province_code = ?', filter.provinceCode);
  if (filter.active !== undefined) where.add('u.is_active = ?', filter.active);
  if (filter.q) where.add(`vn_unaccent(u.username || ' ' || u.display_name || ' ' || coalesce(u.email, '')) LIKE '%' || vn_unaccent(?) || '%'`, filter.q);
  return selectPage<User>(sql, userSelect, where, { orderBy: '"isActive" DESC, username', limit: filter.limit, offset: filter.offset });
}

export interface NewUser {
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
  role: Role;
  provinceCode: string | null;
  communeCode: string | null;
  producerId: string | null;
  locale: 'vi' | 'en';
  mustChangePassword: boolean;
  isDemo?: boolean;
  now: Date;
}

export async function insertUser(sql: Sql, user: NewUser): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO users (username, display_name, email, password_hash, role, scope_province_code, scope_commune_code,
                        producer_id, locale, must_change_password, is_demo, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
    [
      user.username,
      user.displayName,
      user.email,
      user.passwordHash,
      user.role,
      user.provinceCode,
      user.communeCode,
      user.producerId,
      user.locale,
      user.mustChangePassword,
      user.isDemo ?? false,
      user.now,
    ],
  );
  return rows[0]!.id;
}

export interface UserChanges {
  displayName?: string;
  email?: string | null;
  locale?: 'vi' | 'en';
  role?: Role;
  provinceCode?: string | null;
  communeCode?: string | null;
  producerId?: string | null;
  isActive?: boolean;
  passwordHash?: string;
  mustChangePassword?: boolean;
}

const columnOf: Record<keyof UserChanges, string> = {
  displayName: 'display_name',
  email: 'email',
  locale: 'locale',
  role: 'role',
  provinceCode: 'scope_province_code',
  communeCode: 'scope_commune_code',
  producerId: 'producer_id',
  isActive: 'is_active',
  passwordHash: 'password_hash',
  mustChangePassword: 'must_change_password',
};

/** Applies the changes and bumps the version (optimistic locking: callers compare versions first). */
export async function updateUser(sql: Sql, id: string, changes: UserChanges, now: Date): Promise<void> {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as [keyof UserChanges, unknown][];
  const sets = entries.map(([key], index) => `${columnOf[key]} = $${index + 3}`);
  await sql.query(
    `UPDATE users SET ${[...sets, 'version = version + 1', 'updated_at = $2'].join(', ')} WHERE id = $1`,
    [id, now, ...entries.map(([, value]) => value)],
  );
}

/** Recent failed sign-ins around one attempt, as sign-in-throttle.ts weighs them (decision 018). */
export interface RecentFailures {
  /** Of this username from this source: the known device when the request carries one, else the address. */
  bySource: number;
  lastBySource: Date | null;
  /** From this address, whatever the username. */
  byIp: number;
  firstByIp: Date | null;
  /** Of this username from devices the account has not signed in from. */
  byUsernameFromNewDevices: number;
  lastByUsernameFromNewDevices: Date | null;
  byUsername: number;
}

export async function countRecentFailedLogins(
  sql: Sql,
  input: { username: string; ip: string; knownDeviceId: string | null; userId: string | null; since: Date },
): Promise<RecentFailures> {
  const fromSource = `lower(a.username) = lower($1) AND CASE WHEN $3::text IS NULL THEN a.ip = $2 ELSE a.device_id = $3 END`;
  const fromNewDevice = `lower(a.username) = lower($1)
    AND NOT EXISTS (SELECT 1 FROM known_devices k WHERE k.id = a.device_id AND k.user_id = $4::uuid)`;
  const { rows } = await sql.query<RecentFailures>(
    `SELECT count(*) FILTER (WHERE ${fromSource})::int AS "bySource",
            max(a.attempted_at) FILTER (WHERE ${fromSource}) AS "lastBySource",
            count(*) FILTER (WHERE a.ip = $2)::int AS "byIp",
            min(a.attempted_at) FILTER (WHERE a.ip = $2) AS "firstByIp",
            count(*) FILTER (WHERE ${fromNewDevice})::int AS "byUsernameFromNewDevices",
            max(a.attempted_at) FILTER (WHERE ${fromNewDevice}) AS "lastByUsernameFromNewDevices",
            count(*) FILTER (WHERE lower(a.username) = lower($1))::int AS "byUsername"
       FROM login_attempts a
      WHERE NOT a.succeeded AND a.attempted_at > $5 AND (lower(a.username) = lower($1) OR a.ip = $2)`,
    [input.username, input.ip, input.knownDeviceId, input.userId, input.since],
  );
  return rows[0]!;
}

export async function insertLoginAttempt(
  sql: Sql,
  input: { username: string; ip: string; deviceId: string | null; succeeded: boolean; at: Date },
): Promise<void> {
  await sql.query('INSERT INTO login_attempts (username, ip, device_id, succeeded, attempted_at) VALUES ($1, $2, $3, $4, $5)', [
    input.username.slice(0, 60),
    input.ip,
    input.deviceId,
    input.succeeded,
    input.at,
  ]);
}

/** Whether the account signed in from this browser before (the device cookie's hash). */
export async function isKnownDevice(sql: Sql, deviceId: string, userId: string): Promise<boolean> {
  const { rows } = await sql.query('SELECT 1 FROM known_devices WHERE id = $1 AND user_id = $2', [deviceId, userId]);
  return rows.length > 0;
}

export async function rememberDevice(sql: Sql, deviceId: string, userId: string, now: Date): Promise<void> {
  await sql.query(
    `INSERT INTO known_devices (id, user_id, first_seen_at, last_seen_at) VALUES ($1, $2, $3, $3)
     ON CONFLICT (id, user_id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at`,
    [deviceId, userId, now],
  );
}

/** The active system administrators (told when an account sees many failed sign-ins). */
export async function listActiveAdministratorIds(sql: Sql): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(`SELECT id FROM users WHERE is_active AND role = 'system_admin'`);
  return rows.map((row) => row.id);
}

/**
 * The accounts of a producer follow it when it is merged into another (producers/merge-producer.ts):
 * they take the surviving producer and its scope. Returns the ids of the accounts moved.
 */
export async function moveUsersToProducer(
  sql: Sql,
  fromProducerId: string,
  to: { id: string; provinceCode: string; communeCode: string },
  now: Date,
): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `UPDATE users SET producer_id = $2, scope_province_code = $3, scope_commune_code = $4, version = version + 1, updated_at = $5
      WHERE producer_id = $1 RETURNING id`,
    [fromProducerId, to.id, to.provinceCode, to.communeCode, now],
  );
  return rows.map((row) => row.id);
}

/** Who holds a place in the programme: the active accounts behind a notice's recipient. */
export type AccountHolder =
  | { producerId: string }
  | { communeOf: { provinceCode: string; communeCode: string } }
  | { provinceOffice: string }
  | { ministry: true };

export async function listActiveAccountIds(sql: Sql, holder: AccountHolder): Promise<string[]> {
  let rows: Array<{ id: string }>;
  if ('producerId' in holder) {
    rows = (await sql.query<{ id: string }>(`SELECT id FROM users WHERE is_active AND role = 'producer' AND producer_id = $1`, [holder.producerId])).rows;
  } else if ('communeOf' in holder) {
    rows = (
      await sql.query<{ id: string }>(
        `SELECT id FROM users WHERE is_active AND role = 'commune_officer' AND scope_province_code = $1 AND scope_commune_code = $2`,
        [holder.communeOf.provinceCode, holder.communeOf.communeCode],
      )
    ).rows;
  } else if ('provinceOffice' in holder) {
    rows = (await sql.query<{ id: string }>(`SELECT id FROM users WHERE is_active AND role = 'province_office' AND scope_province_code = $1`, [holder.provinceOffice])).rows;
  } else {
    rows = (await sql.query<{ id: string }>(`SELECT id FROM users WHERE is_active AND role = 'ministry_officer'`)).rows;
  }
  return rows.map((row) => row.id);
}

/** An account as other features show and check it (a council's seats, who did what). */
export interface AccountSummary {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  provinceCode: string | null;
  isActive: boolean;
}

/** The accounts of these ids that exist, in the order of their display names. */
export async function findAccounts(sql: Sql, ids: readonly string[]): Promise<AccountSummary[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql.query<AccountSummary>(
    `SELECT id, username, display_name AS "displayName", role, scope_province_code AS "provinceCode", is_active AS "isActive"
     FROM users WHERE id = ANY($1::uuid[]) ORDER BY display_name, id`,
    [ids],
  );
  return rows;
}

/** What a notice needs to reach an account outside the app (features/notifications); a producer's account takes its producer's place. */
export interface NoticeContact {
  userId: string;
  displayName: string;
  role: Role;
  email: string | null;
  phone: string | null;
  locale: 'vi' | 'en';
  provinceCode: string | null;
  communeCode: string | null;
  producerId: string | null;
}

export async function findNoticeContacts(sql: Sql, userIds: readonly string[]): Promise<NoticeContact[]> {
  if (userIds.length === 0) return [];
  const { rows } = await sql.query<NoticeContact>(
    `SELECT u.id AS "userId", u.display_name AS "displayName", u.role, u.email, u.phone, u.locale,
            COALESCE(u.scope_province_code, p.province_code) AS "provinceCode",
            COALESCE(u.scope_commune_code, p.commune_code) AS "communeCode", u.producer_id AS "producerId"
     FROM users u LEFT JOIN producers p ON p.id = u.producer_id
     WHERE u.id = ANY($1::uuid[])`,
    [userIds],
  );
  return rows;
}

/** Sets an account's own e-mail and mobile number (already checked and normalised by the caller). */
export async function updateContactOfUser(sql: Sql, userId: string, contact: { email: string | null; phone: string | null }, now: Date): Promise<void> {
  await sql.query(`UPDATE users SET email = $2, phone = $3, version = version + 1, updated_at = $4 WHERE id = $1`, [userId, contact.email, contact.phone, now]);
}

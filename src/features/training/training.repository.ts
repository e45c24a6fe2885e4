import type { Sql } from '../../core/db/database.ts';
import { Conditions, selectPage } from '../../core/db/query-builder.ts';
import { CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import type { Unit } from './training.policy.ts';
import type {
  Audience,
  Coverage,
  OfficialLevel,
  Participant,
  ParticipantKind,
  Session,
  Topic,
  Training,
} from './training.schemas.ts';

const trainingSelect = `
  SELECT t.id, t.organiser_level AS "organiserLevel", t.province_code AS "provinceCode", p.full_name AS "provinceName",
         t.commune_code AS "communeCode", c.full_name AS "communeName", t.organiser_name AS "organiserName", t.kind,
         t.title, t.starts_on AS "startsOn", t.ends_on AS "endsOn", t.place, t.target_audiences AS "targetAudiences",
         coalesce((SELECT json_agg(json_build_object('code', tt.code, 'name', tt.name_vi, 'nameEn', tt.name_en) ORDER BY tt.sort_order)
                     FROM training_topic_links l JOIN training_topics tt ON tt.code = l.topic_code
                    WHERE l.training_id = t.id), '[]'::json) AS topics,
         t.trainers, t.materials, t.planned_participants AS "plannedParticipants",
         (SELECT count(*) FROM training_participants tp WHERE tp.training_id = t.id)::int AS "participantCount",
         (SELECT count(DISTINCT a.participant_id) FROM training_attendance a WHERE a.training_id = t.id AND a.present)::int AS "attendedCount",
         (SELECT count(*) FROM training_sessions s WHERE s.training_id = t.id)::int AS "sessionCount",
         t.version, t.created_at AS "createdAt", t.updated_at AS "updatedAt"
    FROM trainings t
    LEFT JOIN admin_units p ON p.version_id = '${CURRENT_UNITS_VERSION}' AND p.level = 'province' AND p.code = t.province_code
    LEFT JOIN admin_units c ON c.version_id = '${CURRENT_UNITS_VERSION}' AND c.level = 'commune' AND c.code = t.commune_code`;

export async function listTopics(sql: Sql): Promise<Topic[]> {
  const { rows } = await sql.query<Topic>(
    'SELECT code, name_vi AS name, name_en AS "nameEn" FROM training_topics WHERE is_active ORDER BY sort_order',
  );
  return rows;
}

export async function findTraining(sql: Sql, id: string, options: { forUpdate?: boolean } = {}): Promise<Training | null> {
  const { rows } = await sql.query<Training>(`${trainingSelect} WHERE t.id = $1 ${options.forUpdate ? 'FOR UPDATE OF t' : ''}`, [id]);
  return rows[0] ?? null;
}

/** Where the caller may look: a province (all its units) or one commune; nulls mean everywhere. */
export interface UnitFilter {
  provinceCode: string | null;
  communeCode: string | null;
}

export function yearRange(year: number): [string, string] {
  return [`${year}-01-01`, `${year + 1}-01-01`];
}

export async function listTrainings(
  sql: Sql,
  visibility: UnitFilter,
  filter: { provinceCode?: string | undefined; communeCode?: string | undefined; year?: number | undefined; limit: number; offset: number },
): Promise<{ items: Training[]; total: number }> {
  const where = new Conditions();
  if (visibility.provinceCode) where.add('t.province_code = ?', visibility.provinceCode);
  if (visibility.communeCode) where.add('t.commune_code = ?', visibility.communeCode);
  if (filter.provinceCode) where.add('t.province_code = ?', filter.provinceCode);
  if (filter.communeCode) where.add('t.commune_code = ?', filter.communeCode);
  if (filter.year) {
    const [from, to] = yearRange(filter.year);
    where.add('t.starts_on >= ?', from).add('t.starts_on < ?', to);
  }
  return selectPage<Training>(sql, trainingSelect, where, { orderBy: '"startsOn" DESC, "createdAt" DESC', limit: filter.limit, offset: filter.offset });
}

export async function findExistingTopicCodes(sql: Sql, codes: readonly string[]): Promise<Set<string>> {
  const { rows } = await sql.query<{ code: string }>('SELECT code FROM training_topics WHERE is_active AND code = ANY($1::text[])', [codes]);
  return new Set(rows.map((row) => row.code));
}

export interface TrainingRow {
  organiserLevel: 'province' | 'commune';
  provinceCode: string;
  communeCode: string | null;
  organiserName: string;
  kind: 'course' | 'conference';
  title: string;
  startsOn: string;
  endsOn: string;
  place: string;
  targetAudiences: Audience[];
  trainers: string | null;
  materials: string | null;
  plannedParticipants: number | null;
}

export async function insertTraining(sql: Sql, row: TrainingRow, createdBy: string, now: Date): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO trainings (organiser_level, province_code, commune_code, organiser_name, kind, title, starts_on, ends_on, place,
                            target_audiences, trainers, materials, planned_participants, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) RETURNING id`,
    [row.organiserLevel, row.provinceCode, row.communeCode, row.organiserName, row.kind, row.title, row.startsOn, row.endsOn,
      row.place, row.targetAudiences, row.trainers, row.materials, row.plannedParticipants, createdBy, now],
  );
  return rows[0]!.id;
}

export async function updateTraining(sql: Sql, id: string, row: Omit<TrainingRow, 'organiserLevel' | 'provinceCode' | 'communeCode'>, now: Date): Promise<void> {
  await sql.query(
    `UPDATE trainings SET organiser_name = $2, kind = $3, title = $4, starts_on = $5, ends_on = $6, place = $7, target_audiences = $8,
            trainers = $9, materials = $10, planned_participants = $11, version = version + 1, updated_at = $12
      WHERE id = $1`,
    [id, row.organiserName, row.kind, row.title, row.startsOn, row.endsOn, row.place, row.targetAudiences, row.trainers,
      row.materials, row.plannedParticipants, now],
  );
}

export async function replaceTopics(sql: Sql, trainingId: string, codes: readonly string[]): Promise<void> {
  await sql.query('DELETE FROM training_topic_links WHERE training_id = $1', [trainingId]);
  await sql.query(
    'INSERT INTO training_topic_links (training_id, topic_code) SELECT $1, code FROM unnest($2::text[]) AS code ON CONFLICT DO NOTHING',
    [trainingId, codes],
  );
}

/** Bumps the version and the update time when something inside the training changed (sessions, participants). */
export async function touchTraining(sql: Sql, id: string, now: Date): Promise<void> {
  await sql.query('UPDATE trainings SET version = version + 1, updated_at = $2 WHERE id = $1', [id, now]);
}

// ---------------------------------------------------------------------------------------------
// Sessions

export async function listSessions(sql: Sql, trainingId: string): Promise<Session[]> {
  const { rows } = await sql.query<Session>(
    `SELECT s.id, s.held_on AS "heldOn", s.title,
            count(a.session_id) FILTER (WHERE a.present)::int AS "presentCount", count(a.session_id)::int AS "recordedCount"
       FROM training_sessions s LEFT JOIN training_attendance a ON a.session_id = s.id
      WHERE s.training_id = $1
      GROUP BY s.id ORDER BY s.held_on, s.created_at, s.title`,
    [trainingId],
  );
  return rows;
}

export async function findSession(sql: Sql, trainingId: string, sessionId: string): Promise<Session | null> {
  return (await listSessions(sql, trainingId)).find((s) => s.id === sessionId) ?? null;
}

export async function insertSession(sql: Sql, trainingId: string, session: { heldOn: string; title: string }, createdBy: string, now: Date): Promise<string | null> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO training_sessions (training_id, held_on, title, created_by, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (training_id, held_on, title) DO NOTHING RETURNING id`,
    [trainingId, session.heldOn, session.title, createdBy, now],
  );
  return rows[0]?.id ?? null;
}

/** Days on which the training has sessions (to keep them inside its dates when these change). */
export async function sessionDateRange(sql: Sql, trainingId: string): Promise<{ first: string | null; last: string | null }> {
  const { rows } = await sql.query<{ first: string | null; last: string | null }>(
    'SELECT min(held_on) AS first, max(held_on) AS last FROM training_sessions WHERE training_id = $1',
    [trainingId],
  );
  return rows[0] ?? { first: null, last: null };
}

// ---------------------------------------------------------------------------------------------
// Participants

const participantSelect = `
  SELECT tp.id, tp.training_id AS "trainingId", tp.number, tp.full_name AS "fullName", tp.kind, tp.official_level AS "officialLevel",
         tp.producer_id AS "producerId", pr.name AS "producerName", tp.phone, tp.organisation, tp.source,
         coalesce((SELECT json_object_agg(a.session_id, a.present) FROM training_attendance a WHERE a.participant_id = tp.id), '{}'::json) AS attendance,
         tp.created_at AS "createdAt"
    FROM training_participants tp LEFT JOIN producers pr ON pr.id = tp.producer_id`;

export async function listParticipants(sql: Sql, trainingId: string): Promise<Participant[]> {
  const { rows } = await sql.query<Participant>(`${participantSelect} WHERE tp.training_id = $1 ORDER BY tp.number`, [trainingId]);
  return rows;
}

export async function findParticipant(sql: Sql, trainingId: string, participantId: string): Promise<Participant | null> {
  const { rows } = await sql.query<Participant>(`${participantSelect} WHERE tp.training_id = $1 AND tp.id = $2`, [trainingId, participantId]);
  return rows[0] ?? null;
}

export interface ParticipantRow {
  fullName: string;
  kind: ParticipantKind;
  officialLevel: OfficialLevel | null;
  producerId: string | null;
  phone: string | null;
  organisation: string | null;
}

/** The people already registered, as the duplicate check sees them: folded name and phone. */
export async function listRegisteredPeople(sql: Sql, trainingId: string): Promise<Array<{ number: number; fullName: string; phone: string | null }>> {
  const { rows } = await sql.query<{ number: number; fullName: string; phone: string | null }>(
    'SELECT number, full_name AS "fullName", phone FROM training_participants WHERE training_id = $1',
    [trainingId],
  );
  return rows;
}

/** Inserts participants in order, numbered after those already registered. Call with the training row locked. */
export async function insertParticipants(
  sql: Sql,
  trainingId: string,
  participants: readonly ParticipantRow[],
  source: 'registered' | 'imported',
  createdBy: string,
  now: Date,
): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO training_participants (training_id, number, full_name, kind, official_level, producer_id, phone, organisation,
                                        source, created_by, created_at, updated_at)
     SELECT $1, base.n + u.ordinality, u.full_name, u.kind, u.official_level, u.producer_id, u.phone, u.organisation, $8, $9, $10, $10
       FROM unnest($2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[]) WITH ORDINALITY
              AS u(full_name, kind, official_level, producer_id, phone, organisation, ordinality)
      CROSS JOIN (SELECT coalesce(max(number), 0) AS n FROM training_participants WHERE training_id = $1) AS base
      ORDER BY u.ordinality
     RETURNING id`,
    [
      trainingId,
      participants.map((p) => p.fullName),
      participants.map((p) => p.kind),
      participants.map((p) => p.officialLevel),
      participants.map((p) => p.producerId),
      participants.map((p) => p.phone),
      participants.map((p) => p.organisation),
      source,
      createdBy,
      now,
    ],
  );
  return rows.map((row) => row.id);
}

export interface ProducerCandidate {
  id: string;
  name: string;
  taxCode: string | null;
  provinceCode: string;
  communeCode: string;
}

/** The producers of a unit (not merged away), for matching the names and tax codes of a spreadsheet. */
export async function listUnitProducers(sql: Sql, unit: Unit): Promise<ProducerCandidate[]> {
  const { rows } = await sql.query<ProducerCandidate>(
    `SELECT id, name, tax_code AS "taxCode", province_code AS "provinceCode", commune_code AS "communeCode"
       FROM producers
      WHERE merged_into_id IS NULL AND province_code = $1 AND ($2::text IS NULL OR commune_code = $2)`,
    [unit.provinceCode, unit.communeCode],
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Attendance

export async function findParticipantIds(sql: Sql, trainingId: string, ids: readonly string[]): Promise<Set<string>> {
  const { rows } = await sql.query<{ id: string }>('SELECT id FROM training_participants WHERE training_id = $1 AND id = ANY($2::uuid[])', [trainingId, ids]);
  return new Set(rows.map((row) => row.id));
}

export async function upsertAttendance(
  sql: Sql,
  trainingId: string,
  sessionId: string,
  entries: ReadonlyArray<{ participantId: string; present: boolean }>,
  recordedBy: string | null,
  now: Date,
): Promise<void> {
  await sql.query(
    `INSERT INTO training_attendance (session_id, participant_id, training_id, present, recorded_by, recorded_at)
     SELECT $1, u.participant_id, $2, u.present, $3, $4 FROM unnest($5::uuid[], $6::boolean[]) AS u(participant_id, present)
     ON CONFLICT (session_id, participant_id)
       DO UPDATE SET present = EXCLUDED.present, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
    [sessionId, trainingId, recordedBy, now, entries.map((e) => e.participantId), entries.map((e) => e.present)],
  );
}

// ---------------------------------------------------------------------------------------------
// A producer's trainings; coverage

export interface ProducerTrainingRow {
  trainingId: string;
  title: string;
  organiserName: string;
  startsOn: string;
  endsOn: string;
  place: string;
  topics: string[];
  participantId: string;
  fullName: string;
  sessionsAttended: number;
  sessionsTotal: number;
}

export async function listProducerTrainings(sql: Sql, producerId: string): Promise<ProducerTrainingRow[]> {
  const { rows } = await sql.query<ProducerTrainingRow>(
    `SELECT t.id AS "trainingId", t.title, t.organiser_name AS "organiserName", t.starts_on AS "startsOn", t.ends_on AS "endsOn", t.place,
            coalesce((SELECT array_agg(tt.name_vi ORDER BY tt.sort_order) FROM training_topic_links l
                        JOIN training_topics tt ON tt.code = l.topic_code WHERE l.training_id = t.id), '{}'::text[]) AS topics,
            tp.id AS "participantId", tp.full_name AS "fullName",
            (SELECT count(*) FROM training_attendance a WHERE a.participant_id = tp.id AND a.present)::int AS "sessionsAttended",
            (SELECT count(*) FROM training_sessions s WHERE s.training_id = t.id)::int AS "sessionsTotal"
       FROM training_participants tp JOIN trainings t ON t.id = tp.training_id
      WHERE tp.producer_id = $1
      ORDER BY t.starts_on DESC, tp.number`,
    [producerId],
  );
  return rows;
}

export async function countAttendedSessions(sql: Sql, participantId: string): Promise<number> {
  const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM training_attendance WHERE participant_id = $1 AND present', [participantId]);
  return rows[0]?.n ?? 0;
}

/**
 * Coverage of a unit in a year. A producer counts as trained when one of its people was present at a
 * session of a training that started in the year, wherever it was organised. People trained are counted
 * in the unit's own trainings (a province counts the trainings of its communes too), once per training.
 */
export async function computeCoverage(sql: Sql, unit: Unit, year: number): Promise<Omit<Coverage, 'unitName' | 'provinceCode' | 'communeCode' | 'year'>> {
  const [from, to] = yearRange(year);
  const { rows } = await sql.query<{
    producersTotal: number;
    producersTrained: number;
    trainingsHeld: number;
    sessionsHeld: number;
    registered: number;
    provinceOfficials: number;
    communeOfficials: number;
    producerPeople: number;
    otherPeople: number;
  }>(
    `WITH unit_producers AS (
       SELECT id FROM producers
        WHERE merged_into_id IS NULL AND province_code = $1 AND ($2::text IS NULL OR commune_code = $2)
     ), year_participants AS (
       SELECT tp.id, tp.producer_id FROM training_participants tp JOIN trainings t ON t.id = tp.training_id
        WHERE t.starts_on >= $3 AND t.starts_on < $4
     ), unit_trainings AS (
       SELECT id FROM trainings
        WHERE province_code = $1 AND ($2::text IS NULL OR commune_code = $2) AND starts_on >= $3 AND starts_on < $4
     ), unit_people AS (
       SELECT tp.kind, tp.official_level,
              EXISTS (SELECT 1 FROM training_attendance a WHERE a.participant_id = tp.id AND a.present) AS attended
         FROM training_participants tp WHERE tp.training_id IN (SELECT id FROM unit_trainings)
     )
     SELECT (SELECT count(*) FROM unit_producers)::int AS "producersTotal",
            (SELECT count(DISTINCT yp.producer_id) FROM year_participants yp
               JOIN training_attendance a ON a.participant_id = yp.id AND a.present
              WHERE yp.producer_id IN (SELECT id FROM unit_producers))::int AS "producersTrained",
            (SELECT count(*) FROM unit_trainings)::int AS "trainingsHeld",
            (SELECT count(*) FROM training_sessions s WHERE s.training_id IN (SELECT id FROM unit_trainings))::int AS "sessionsHeld",
            (SELECT count(*) FROM unit_people)::int AS registered,
            (SELECT count(*) FROM unit_people WHERE attended AND kind = 'official' AND official_level = 'province')::int AS "provinceOfficials",
            (SELECT count(*) FROM unit_people WHERE attended AND kind = 'official' AND official_level = 'commune')::int AS "communeOfficials",
            (SELECT count(*) FROM unit_people WHERE attended AND kind = 'producer')::int AS "producerPeople",
            (SELECT count(*) FROM unit_people WHERE attended AND kind = 'other')::int AS "otherPeople"`,
    [unit.provinceCode, unit.communeCode, from, to],
  );
  const r = rows[0]!;
  return {
    trainingsHeld: r.trainingsHeld,
    sessionsHeld: r.sessionsHeld,
    producers: { total: r.producersTotal, trained: r.producersTrained, percent: null },
    peopleTrained: {
      provinceOfficials: r.provinceOfficials,
      communeOfficials: r.communeOfficials,
      producers: r.producerPeople,
      other: r.otherPeople,
      total: r.provinceOfficials + r.communeOfficials + r.producerPeople + r.otherPeople,
    },
    registered: r.registered,
  };
}

/** The trainings of a unit in a year, for reports. */
export async function listUnitTrainingsOfYear(sql: Sql, unit: Unit, year: number): Promise<Training[]> {
  const [from, to] = yearRange(year);
  const { rows } = await sql.query<Training>(
    `${trainingSelect} WHERE t.province_code = $1 AND ($2::text IS NULL OR t.commune_code = $2) AND t.starts_on >= $3 AND t.starts_on < $4
      ORDER BY t.starts_on, t.created_at`,
    [unit.provinceCode, unit.communeCode, from, to],
  );
  return rows;
}

export interface AudienceCounts {
  trainingId: string;
  provinceOfficials: number;
  communeOfficials: number;
  producers: number;
  other: number;
}

export async function countAttendedByAudience(sql: Sql, trainingIds: readonly string[]): Promise<Map<string, AudienceCounts>> {
  const { rows } = await sql.query<AudienceCounts>(
    `SELECT tp.training_id AS "trainingId",
            count(*) FILTER (WHERE tp.kind = 'official' AND tp.official_level = 'province')::int AS "provinceOfficials",
            count(*) FILTER (WHERE tp.kind = 'official' AND tp.official_level = 'commune')::int AS "communeOfficials",
            count(*) FILTER (WHERE tp.kind = 'producer')::int AS producers,
            count(*) FILTER (WHERE tp.kind = 'other')::int AS other
       FROM training_participants tp
      WHERE tp.training_id = ANY($1::uuid[])
        AND EXISTS (SELECT 1 FROM training_attendance a WHERE a.participant_id = tp.id AND a.present)
      GROUP BY tp.training_id`,
    [trainingIds],
  );
  return new Map(rows.map((row) => [row.trainingId, row]));
}

// ---------------------------------------------------------------------------------------------
// QR self check-in

export interface CheckInState {
  sessionId: string;
  trainingId: string;
  heldOn: string;
  sessionTitle: string;
  trainingTitle: string;
  organiserName: string;
  openedAt: Date | null;
  closedAt: Date | null;
}

const checkInSelect = `
  SELECT s.id AS "sessionId", s.training_id AS "trainingId", to_char(s.held_on, 'YYYY-MM-DD') AS "heldOn", s.title AS "sessionTitle",
         t.title AS "trainingTitle", t.organiser_name AS "organiserName",
         s.check_in_opened_at AS "openedAt", s.check_in_closed_at AS "closedAt"
    FROM training_sessions s JOIN trainings t ON t.id = s.training_id`;

export async function findCheckInByToken(sql: Sql, tokenHash: string): Promise<CheckInState | null> {
  const { rows } = await sql.query<CheckInState>(`${checkInSelect} WHERE s.check_in_token_hash = $1`, [tokenHash]);
  return rows[0] ?? null;
}

export async function findCheckInOfSession(sql: Sql, trainingId: string, sessionId: string): Promise<CheckInState | null> {
  const { rows } = await sql.query<CheckInState>(`${checkInSelect} WHERE s.id = $1 AND s.training_id = $2`, [sessionId, trainingId]);
  return rows[0] ?? null;
}

/** A new token replaces the previous one: an earlier QR code stops working. */
export async function openCheckIn(sql: Sql, sessionId: string, tokenHash: string, now: Date): Promise<void> {
  await sql.query('UPDATE training_sessions SET check_in_token_hash = $2, check_in_opened_at = $3, check_in_closed_at = NULL WHERE id = $1', [sessionId, tokenHash, now]);
}

export async function closeCheckIn(sql: Sql, sessionId: string, now: Date): Promise<void> {
  await sql.query('UPDATE training_sessions SET check_in_closed_at = $2 WHERE id = $1 AND check_in_closed_at IS NULL', [sessionId, now]);
}

/** Registered people of a training whose phone ends with the same 9 digits (0912…, +84912…, 84912…). */
export async function findParticipantsByPhone(sql: Sql, trainingId: string, phone: string): Promise<Array<{ id: string; fullName: string }>> {
  const { rows } = await sql.query<{ id: string; fullName: string }>(
    `SELECT id, full_name AS "fullName" FROM training_participants
      WHERE training_id = $1 AND phone IS NOT NULL AND right(phone, 9) = right($2, 9) ORDER BY number`,
    [trainingId, phone],
  );
  return rows;
}

export async function findPresentParticipantIds(sql: Sql, sessionId: string, participantIds: readonly string[]): Promise<Set<string>> {
  const { rows } = await sql.query<{ id: string }>('SELECT participant_id AS id FROM training_attendance WHERE session_id = $1 AND present AND participant_id = ANY($2::uuid[])', [sessionId, participantIds]);
  return new Set(rows.map((r) => r.id));
}

export async function countRecentCheckInFailures(sql: Sql, tokenHash: string, since: Date): Promise<number> {
  const { rows } = await sql.query<{ count: number }>('SELECT count(*)::int AS count FROM training_check_in_failures WHERE token_hash = $1 AND failed_at >= $2', [tokenHash, since]);
  return rows[0]!.count;
}

export async function insertCheckInFailure(sql: Sql, tokenHash: string, now: Date): Promise<void> {
  await sql.query('INSERT INTO training_check_in_failures (token_hash, failed_at) VALUES ($1, $2)', [tokenHash, now]);
}

import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Sql } from './db/database.ts';
import { Conditions } from './db/query-builder.ts';

/** Who did it: a user, or the system itself (seeding, scheduled jobs). */
export interface AuditActor {
  userId: string | null;
  label: string;
}

export interface AuditEventInput {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  occurredAt: Date;
}

export interface AuditEvent {
  seq: number;
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

const GENESIS_HASH = '0'.repeat(64);
// Serialises appends so each event sees the hash of the one before it; held until commit.
const AUDIT_CHAIN_LOCK = 7_262_027;

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Stored JSON must hash the same after a round trip through jsonb, so normalise it first. */
function toStoredJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

function hashEvent(prevHash: string, event: Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>): string {
  const content = canonicalJson({
    prevHash,
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actorUserId: event.actorUserId,
    actorLabel: event.actorLabel,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before,
    after: event.after,
    requestId: event.requestId,
  });
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Appends one event to the audit chain. Call it inside the transaction of the change it records,
 * so the change and its record commit or vanish together.
 */
export async function recordAuditEvent(tx: Sql, input: AuditEventInput): Promise<void> {
  // On a pool the lock and the insert could run on different connections and fork the chain.
  if (tx instanceof pg.Pool) throw new Error('recordAuditEvent must run inside a transaction (withTransaction).');
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const last = await tx.query<{ hash: string }>('SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  const prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  const event = {
    id: randomUUID(),
    // timestamptz keeps microseconds but a JS Date only milliseconds: hash what will be read back.
    occurredAt: new Date(input.occurredAt.getTime()),
    actorUserId: input.actor.userId,
    actorLabel: input.actor.label,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: toStoredJson(input.before),
    after: toStoredJson(input.after),
    requestId: input.requestId ?? null,
  };
  const hash = hashEvent(prevHash, event);
  await tx.query(
    `INSERT INTO audit_events (id, occurred_at, actor_user_id, actor_label, action, entity_type, entity_id,
       before, after, request_id, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      event.id,
      event.occurredAt,
      event.actorUserId,
      event.actorLabel,
      event.action,
      event.entityType,
      event.entityId,
      JSON.stringify(event.before),
      JSON.stringify(event.after),
      event.requestId,
      prevHash,
      hash,
    ],
  );
}

const eventColumns = `seq, id, occurred_at AS "occurredAt", actor_user_id AS "actorUserId", actor_label AS "actorLabel",
  action, entity_type AS "entityType", entity_id AS "entityId", before, after, request_id AS "requestId",
  prev_hash AS "prevHash", hash`;

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  action?: string;
  beforeSeq?: number;
  limit: number;
}

/** Newest first, paged by `beforeSeq` (keyset paging: stable while events keep arriving). */
export async function listAuditEvents(sql: Sql, filter: AuditFilter): Promise<AuditEvent[]> {
  const where = new Conditions();
  if (filter.entityType) where.add('entity_type = ?', filter.entityType);
  if (filter.entityId) where.add('entity_id = ?', filter.entityId);
  if (filter.actorUserId) where.add('actor_user_id = ?', filter.actorUserId);
  if (filter.action) where.add('action = ?', filter.action);
  if (filter.beforeSeq) where.add('seq < ?', filter.beforeSeq);
  const limit = where.param(filter.limit);
  const result = await sql.query<AuditEvent>(
    `SELECT ${eventColumns} FROM audit_events ${where.where} ORDER BY seq DESC LIMIT ${limit}`,
    where.values,
  );
  return result.rows;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  lastHash: string;
  /** The first event whose stored hash or link does not match its content, when the chain is broken. */
  firstBroken: { seq: number; reason: 'content_changed' | 'link_broken' } | null;
}

/** Recomputes every hash from the stored content, oldest first. */
export async function verifyAuditChain(sql: Sql, batchSize = 2000): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let afterSeq = 0;
  for (;;) {
    const { rows } = await sql.query<AuditEvent>(
      `SELECT ${eventColumns} FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, batchSize],
    );
    for (const event of rows) {
      if (event.prevHash !== prevHash) {
        return { ok: false, checked, lastHash: prevHash, firstBroken: { seq: event.seq, reason: 'link_broken' } };
      }
      if (hashEvent(prevHash, event) !== event.hash) {
        return { ok: false, checked, lastHash: prevHash, firstBroken: { seq: event.seq, reason: 'content_changed' } };
      }
      prevHash = event.hash;
      checked += 1;
      afterSeq = event.seq;
    }
    if (rows.length < batchSize) return { ok: true, checked, lastHash: prevHash, firstBroken: null };
  }
}

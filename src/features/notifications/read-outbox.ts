import type { z } from 'zod';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { auditActorOf } from '../../core/auth/actor.ts';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { AppError, forbidden, notFound } from '../../core/errors.ts';
import { pageOfResult, pageWindow, type PageRequest } from '../../core/http/paging.ts';
import type { AppContext } from '../../core/http/types.ts';
import { checkUnitInScope } from '../admin-units/index.ts';
import { listProducerContactsOfCommune } from '../producers/index.ts';
import { normalizeEmail, normalizeVietnameseMobile } from './contact-address.ts';
import { outboxScope, reachScope } from './notifications.policy.ts';
import * as repository from './notifications.repository.ts';
import type { Subject } from './notifications.repository.ts';
import type { producerReach } from './notifications.schemas.ts';

export interface OutboxFilter extends PageRequest {
  status?: string | undefined;
  channel?: string | undefined;
  q?: string | undefined;
  provinceCode?: string | undefined;
}

/** What was sent, would have been sent (held), or could not be: the system administrator's and a province's view. */
export async function listOutbox(sql: Sql, actor: Actor, filter: OutboxFilter) {
  const scope = outboxScope(actor);
  if (scope === 'none') throw forbidden();
  if (scope.provinceCode && filter.provinceCode && filter.provinceCode !== scope.provinceCode) throw notFound('Tỉnh');
  const provinceCode = scope.provinceCode ?? filter.provinceCode ?? null;
  const [page, counts] = await Promise.all([
    repository.listOutbox(sql, { provinceCode, status: filter.status, channel: filter.channel, q: filter.q, ...pageWindow(filter) }),
    repository.countOutboxByStatus(sql, provinceCode),
  ]);
  return { ...pageOfResult(filter, page), counts };
}

/** What was sent to the signed-in user (and, for a producer account, to its producer's own contact). */
export async function listMyDeliveries(sql: Sql, actor: Actor, request: PageRequest) {
  const subjects: Subject[] = [{ kind: 'user', id: actor.userId }, ...(actor.producerId ? [{ kind: 'producer' as const, id: actor.producerId }] : [])];
  return pageOfResult(request, await repository.listOutbox(sql, { provinceCode: null, subjects, ...pageWindow(request) }));
}

/** A person decides to send a failed or uncertain message again (a new idempotency key: a new message). */
export async function resendMessage(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  const scope = outboxScope(actor);
  if (scope === 'none') throw forbidden();
  return withTransaction(ctx.db, async (tx) => {
    const message = await repository.findMessage(tx, id, { forUpdate: true });
    if (!message || (scope.provinceCode && message.provinceCode !== scope.provinceCode)) throw notFound('Tin');
    if (message.status !== 'failed' && message.status !== 'uncertain') {
      throw new AppError('INVALID_TRANSITION', 'Chỉ gửi lại được tin đã thất bại hoặc chưa rõ kết quả.', { status: message.status }, 'Only failed or uncertain messages can be sent again.');
    }
    const now = ctx.clock.now();
    await repository.requeueMessage(tx, id, now);
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'notice_message.resent', entityType: 'notice_message', entityId: id, before: { status: message.status }, after: { status: 'queued' }, requestId, occurredAt: now });
    return (await repository.findMessage(tx, id))!;
  });
}

/** A producer notices cannot reach, and why (no contact, a wrong address, deliveries that failed). */
export type ProducerReach = z.infer<typeof producerReach>;

/** The producers of the commune (or province) that notices could not reach, with the reason. */
export async function listUnreachableProducers(sql: Sql, actor: Actor, filter: { communeCode?: string | undefined }): Promise<ProducerReach[]> {
  const scope = reachScope(actor);
  if (scope === 'none') throw forbidden();
  // A commune outside the scope answers 404, never the caller's own commune in its place (issue 16, finding 5).
  await checkUnitInScope(sql, actor, { provinceCode: scope.provinceCode, communeCode: filter.communeCode });
  const producers = await listProducerContactsOfCommune(sql, scope.provinceCode, scope.communeCode ?? filter.communeCode ?? null);
  const reach = await repository.reachOfProducers(sql, producers.map((producer) => producer.producerId));
  const result: ProducerReach[] = [];
  for (const producer of producers) {
    const problems: string[] = [];
    const phone = producer.phone ? normalizeVietnameseMobile(producer.phone) : null;
    const email = producer.email ? normalizeEmail(producer.email) : null;
    if (!producer.phone && !producer.email) problems.push('Chưa có số điện thoại di động hay e-mail.');
    if (phone && !phone.ok) problems.push(phone.reason);
    if (email && !email.ok) problems.push(email.reason);
    const delivered = reach.get(producer.producerId);
    if (delivered && delivered.failed > 0) problems.push(`${delivered.failed} tin không gửi được${delivered.lastFailure ? `: ${delivered.lastFailure}` : ''}.`);
    if (problems.length) {
      result.push({ producerId: producer.producerId, name: producer.name, communeCode: producer.communeCode, phone: producer.phone, email: producer.email, problems, sent: delivered?.sent ?? 0, failed: delivered?.failed ?? 0, lastFailure: delivered?.lastFailure ?? null });
    }
  }
  return result;
}

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed', 'uncertain', 'held', 'undeliverable'] as const;

export interface OutboxCounts {
  /** Messages by status, every status present. */
  byStatus: Record<(typeof MESSAGE_STATUSES)[number], number>;
  /** Queued messages due now (the backlog) and the age of the oldest (seconds). */
  due: number;
  oldestDueSeconds: number;
}

/** The whole outbox as an operator watches it (metrics): no actor, no scope. */
export async function countOutbox(sql: Sql, now: Date): Promise<OutboxCounts> {
  const counts = await repository.countOutboxByStatus(sql, null);
  const byStatus = Object.fromEntries(MESSAGE_STATUSES.map((status) => [status, counts[status] ?? 0])) as OutboxCounts['byStatus'];
  return { byStatus, ...(await repository.countDueMessages(sql, now)) };
}

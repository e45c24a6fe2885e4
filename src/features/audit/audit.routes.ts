import { z } from 'zod';
import { requireRole } from '../../core/auth/actor.ts';
import { listAuditEvents, verifyAuditChain } from '../../core/audit.ts';
import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';

const tags = ['Nhật ký kiểm toán (audit)'];

const auditEvent = z
  .object({
    seq: z.number().int(),
    id: z.string(),
    occurredAt: z.date(),
    actorUserId: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

const listQuery = z.object({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: z.uuid({ message: 'Mã định danh không hợp lệ.' }).optional(),
  action: z.string().max(100).optional(),
  beforeSeq: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const verification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  lastHash: z.string(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.enum(['content_changed', 'link_broken']) }).nullable(),
});

/** The audit log is for system administrators only: it holds every record's history. */
export function registerAuditRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/audit-events',
    { schema: { tags, summary: 'Duyệt nhật ký (mới nhất trước; phân trang bằng beforeSeq)', querystring: listQuery, response: { 200: z.object({ items: z.array(auditEvent), nextBeforeSeq: z.number().int().nullable() }), ...standardErrors } } },
    async (request) => {
      requireRole(requireActor(request), ['system_admin']);
      const items = await listAuditEvents(ctx.db.pool, request.query);
      const last = items.at(-1);
      return { items, nextBeforeSeq: items.length === request.query.limit && last ? last.seq : null };
    },
  );

  app.get(
    '/api/audit-events/verification',
    { schema: { tags, summary: 'Kiểm tra tính toàn vẹn của chuỗi băm', response: { 200: verification, ...standardErrors } } },
    async (request) => {
      requireRole(requireActor(request), ['system_admin']);
      return verifyAuditChain(ctx.db.pool);
    },
  );
}

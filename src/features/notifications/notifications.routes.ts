import { z } from 'zod';
import { requireActor } from '../../core/http/plugin.ts';
import { pageQuery, standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { listNotifications, markRead } from './notify.ts';

const tags = ['Thông báo (notifications)'];

const notification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

export function registerNotificationRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'Thông báo của người dùng đang đăng nhập',
        querystring: pageQuery.extend({ unread: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.object({ items: z.array(notification), total: z.number(), unread: z.number(), page: z.number(), pageSize: z.number() }), ...standardErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const result = await listNotifications(ctx.db.pool, actor.userId, { unreadOnly: q.unread === 'true', limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { ...result, page: q.page, pageSize: q.pageSize };
    },
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags,
        summary: 'Đánh dấu đã đọc (các thông báo đã chọn, hoặc tất cả)',
        body: z.object({ ids: z.union([z.array(z.uuid()).min(1).max(200), z.literal('all')]) }),
        response: { 200: z.object({ marked: z.number() }), ...standardErrors },
      },
    },
    async (request) => ({ marked: await markRead(ctx.db.pool, requireActor(request).userId, request.body.ids, ctx.clock.now()) }),
  );
}

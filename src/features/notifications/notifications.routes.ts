import { z } from 'zod';
import { requireActor } from '../../core/http/plugin.ts';
import { pageQuery, standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { listOwnNotifications, markOwnNotificationsRead } from './read-notifications.ts';

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
      const q = request.query;
      return listOwnNotifications(ctx.db.pool, requireActor(request), { page: q.page, pageSize: q.pageSize, unreadOnly: q.unread === 'true' });
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
    async (request) => ({ marked: await markOwnNotificationsRead(ctx.db.pool, requireActor(request), request.body.ids, ctx.clock.now()) }),
  );
}

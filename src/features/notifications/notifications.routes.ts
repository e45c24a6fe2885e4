import { z } from 'zod';
import { requireActor } from '../../core/http/plugin.ts';
import { pageQuery, standardErrors, uuid } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { listChannelSettings, saveChannelSettings } from './keep-channel-settings.ts';
import { readMyNoticeSettings, saveMyNoticeSettings } from './keep-my-notice-settings.ts';
import { listNoticeTemplates, resetNoticeTemplate, saveNoticeTemplate } from './keep-notice-templates.ts';
import * as schemas from './notifications.schemas.ts';
import { listOwnNotifications, markOwnNotificationsRead } from './read-notifications.ts';
import { listMyDeliveries, listOutbox, listUnreachableProducers, resendMessage } from './read-outbox.ts';

const tags = ['Thông báo (notifications)'];
const scopeOf = (scope: string) => (scope === 'global' ? null : scope);

export function registerNotificationRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'Thông báo của người dùng đang đăng nhập',
        querystring: pageQuery.extend({ unread: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.object({ items: z.array(schemas.notification), total: z.number(), unread: z.number(), page: z.number(), pageSize: z.number() }), ...standardErrors },
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

  app.get(
    '/api/me/notice-settings',
    { schema: { tags, summary: 'E-mail, số di động và các loại thông báo muốn nhận (của chính mình)', response: { 200: schemas.myNoticeSettings, ...standardErrors } } },
    async (request) => readMyNoticeSettings(ctx.db.pool, requireActor(request)),
  );

  app.put(
    '/api/me/notice-settings',
    { schema: { tags, summary: 'Sửa e-mail, số di động, kênh và các loại thông báo không muốn nhận', body: schemas.saveMyNoticeSettingsBody, response: { 200: schemas.myNoticeSettings, ...standardErrors } } },
    async (request) => saveMyNoticeSettings(ctx, requireActor(request), request.body, request.id),
  );

  app.get(
    '/api/me/deliveries',
    { schema: { tags, summary: 'Những tin đã gửi cho tôi qua e-mail, Zalo, SMS', querystring: pageQuery, response: { 200: schemas.deliveriesPage, ...standardErrors } } },
    async (request) => listMyDeliveries(ctx.db.pool, requireActor(request), request.query),
  );

  app.get(
    '/api/notice-channels/:scope',
    { schema: { tags, summary: 'Cấu hình kênh gửi (toàn quốc: global, hoặc một tỉnh); không bao giờ trả lại mật khẩu, token', params: schemas.scopeParams, response: { 200: z.object({ items: z.array(schemas.channelView) }), ...standardErrors } } },
    async (request) => ({ items: await listChannelSettings(ctx.db.pool, requireActor(request), scopeOf(request.params.scope)) }),
  );

  app.put(
    '/api/notice-channels/:scope/:channel',
    { schema: { tags, summary: 'Lưu cấu hình một kênh gửi (SMTP, Zalo ZNS, SMS brandname)', params: schemas.channelScopeParams, body: schemas.saveChannelBody, response: { 200: schemas.channelView, ...standardErrors } } },
    async (request) => saveChannelSettings(ctx, requireActor(request), scopeOf(request.params.scope), request.params.channel, request.body, request.id),
  );

  app.get(
    '/api/provinces/:province/notice-templates',
    { schema: { tags, summary: 'Mẫu nội dung thông báo của tỉnh (mặc định hoặc đã sửa), số tin SMS', params: z.object({ province: schemas.templateParams.shape.province }), response: { 200: z.object({ items: z.array(schemas.templateView) }), ...standardErrors } } },
    async (request) => ({ items: await listNoticeTemplates(ctx.db.pool, requireActor(request), request.params.province) }),
  );

  app.put(
    '/api/provinces/:province/notice-templates/:kind/:locale',
    { schema: { tags, summary: 'Sửa mẫu nội dung một loại thông báo (từ chối trường không có)', params: schemas.templateParams, body: schemas.saveTemplateBody, response: { 200: schemas.templateView, ...standardErrors } } },
    async (request) => saveNoticeTemplate(ctx, requireActor(request), request.params.province, request.params.kind, request.params.locale, request.body, request.id),
  );

  app.delete(
    '/api/provinces/:province/notice-templates/:kind/:locale',
    { schema: { tags, summary: 'Trở về mẫu mặc định', params: schemas.templateParams, response: { 200: schemas.templateView, ...standardErrors } } },
    async (request) => resetNoticeTemplate(ctx, requireActor(request), request.params.province, request.params.kind, request.params.locale, request.id),
  );

  app.get(
    '/api/outbox',
    { schema: { tags, summary: 'Hộp thư đi: đã gửi, đang chờ, không gửi được, hoặc sẽ gửi nếu có kênh', querystring: pageQuery.extend(schemas.outboxQuery.shape), response: { 200: schemas.outboxPage, ...standardErrors } } },
    async (request) => listOutbox(ctx.db.pool, requireActor(request), { ...request.query, provinceCode: request.query.province }),
  );

  app.post(
    '/api/outbox/:id/resend',
    { schema: { tags, summary: 'Gửi lại một tin đã thất bại hoặc chưa rõ kết quả', params: z.object({ id: uuid }), response: { 200: schemas.outboxItem, ...standardErrors } } },
    async (request) => resendMessage(ctx, requireActor(request), request.params.id, request.id),
  );

  app.get(
    '/api/notices/unreachable-producers',
    { schema: { tags, summary: 'Chủ thể của xã (tỉnh) chưa liên lạc được: chưa có số, số sai, tin không gửi được', querystring: schemas.reachQuery, response: { 200: z.object({ items: z.array(schemas.producerReach) }), ...standardErrors } } },
    async (request) => ({ items: await listUnreachableProducers(ctx.db.pool, requireActor(request), { communeCode: request.query.commune }) }),
  );
}

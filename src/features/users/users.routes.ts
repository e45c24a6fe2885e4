import { forbidden, notFound } from '../../core/errors.ts';
import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { createUser } from './create-user.ts';
import { resetPassword, setUserActive, updateUser } from './change-user.ts';
import { canManageAccount, userVisibility } from './users.policy.ts';
import * as repository from './users.repository.ts';
import * as schemas from './users.schemas.ts';

const tags = ['Người dùng (users)'];

export function registerUserRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/users',
    { schema: { tags, summary: 'Danh sách tài khoản người dùng quản lý được', querystring: schemas.listUsersQuery, response: { 200: schemas.userPage, ...standardErrors } } },
    async (request) => {
      const visibility = userVisibility(requireActor(request));
      if (!visibility) throw forbidden();
      const q = request.query;
      const { items, total } = await repository.listUsers(ctx.db.pool, visibility, {
        q: q.q || undefined,
        role: q.role,
        provinceCode: q.province,
        active: q.active === undefined ? undefined : q.active === 'true',
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/api/users/:id',
    { schema: { tags, summary: 'Một tài khoản', params: schemas.userParams, response: { 200: schemas.user, ...standardErrors } } },
    async (request) => {
      const actor = requireActor(request);
      if (!userVisibility(actor)) throw forbidden();
      const user = await repository.findUserById(ctx.db.pool, request.params.id);
      if (!user || !canManageAccount(actor, user)) throw notFound('Tài khoản');
      return user;
    },
  );

  app.post(
    '/api/users',
    { schema: { tags, summary: 'Tạo tài khoản (vai trò và địa bàn)', body: schemas.createUserBody, response: { 201: schemas.createdUserAnswer, ...standardErrors } } },
    async (request, reply) => {
      const result = await createUser(ctx, requireActor(request), request.body, request.id);
      return reply.status(201).send(result);
    },
  );

  app.patch(
    '/api/users/:id',
    { schema: { tags, summary: 'Sửa tài khoản, vai trò, địa bàn', params: schemas.userParams, body: schemas.updateUserBody, response: { 200: schemas.user, ...standardErrors } } },
    async (request) => updateUser(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/users/:id/deactivate',
    { schema: { tags, summary: 'Khóa tài khoản', params: schemas.userParams, body: schemas.versionBody, response: { 200: schemas.user, ...standardErrors } } },
    async (request) => setUserActive(ctx, requireActor(request), request.params.id, { ...request.body, active: false }, request.id),
  );

  app.post(
    '/api/users/:id/activate',
    { schema: { tags, summary: 'Mở khóa tài khoản', params: schemas.userParams, body: schemas.versionBody, response: { 200: schemas.user, ...standardErrors } } },
    async (request) => setUserActive(ctx, requireActor(request), request.params.id, { ...request.body, active: true }, request.id),
  );

  app.post(
    '/api/users/:id/reset-password',
    { schema: { tags, summary: 'Cấp mật khẩu tạm thời', params: schemas.userParams, body: schemas.versionBody, response: { 200: schemas.temporaryPasswordAnswer, ...standardErrors } } },
    async (request) => resetPassword(ctx, requireActor(request), request.params.id, request.body, request.id),
  );
}

import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { createUser } from './create-user.ts';
import { resetPassword, setUserActive, updateUser } from './change-user.ts';
import { getUser, listUsers } from './read-users.ts';
import * as schemas from './users.schemas.ts';

const tags = ['Người dùng (users)'];

export function registerUserRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/users',
    { schema: { tags, summary: 'Danh sách tài khoản người dùng quản lý được', querystring: schemas.listUsersQuery, response: { 200: schemas.userPage, ...standardErrors } } },
    async (request) => listUsers(ctx, requireActor(request), request.query),
  );

  app.get(
    '/api/users/:id',
    { schema: { tags, summary: 'Một tài khoản', params: schemas.userParams, response: { 200: schemas.user, ...standardErrors } } },
    async (request) => getUser(ctx, requireActor(request), request.params.id),
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

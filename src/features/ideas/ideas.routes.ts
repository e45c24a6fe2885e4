import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { appraiseIdea } from './appraise-idea.ts';
import { getIdeaFunnel } from './get-idea-funnel.ts';
import * as schemas from './ideas.schemas.ts';
import { getIdea, listIdeas } from './read-ideas.ts';
import { registerIdea } from './register-idea.ts';
import { resubmitIdea } from './resubmit-idea.ts';

const tags = ['Ý tưởng sản phẩm (product ideas)'];

export function registerIdeaRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/ideas',
    { schema: { tags, summary: 'Danh sách ý tưởng sản phẩm trong phạm vi của người dùng', querystring: schemas.listIdeasQuery, response: { 200: schemas.ideaPage, ...standardErrors } } },
    async (request) => listIdeas(ctx, requireActor(request), request.query),
  );

  app.get(
    '/api/ideas/funnel',
    {
      schema: {
        tags,
        summary: 'Phễu ý tưởng của một năm: đăng ký → đã thẩm định → đạt, theo tỉnh hoặc xã',
        querystring: schemas.funnelQuery,
        response: { 200: schemas.funnel, ...standardErrors },
      },
    },
    async (request) => getIdeaFunnel(ctx, requireActor(request), request.query),
  );

  app.get(
    '/api/ideas/:id',
    { schema: { tags, summary: 'Một ý tưởng sản phẩm, với các lần thẩm định', params: schemas.ideaParams, response: { 200: schemas.idea, ...standardErrors } } },
    async (request) => getIdea(ctx, requireActor(request), request.params.id),
  );

  app.post(
    '/api/ideas',
    { schema: { tags, summary: 'Đăng ký ý tưởng sản phẩm (phiếu đăng ký)', body: schemas.registerIdeaBody, response: { 201: schemas.idea, ...standardErrors } } },
    async (request, reply) => reply.status(201).send(await registerIdea(ctx, requireActor(request), request.body, request.id)),
  );

  app.post(
    '/api/ideas/:id/appraisal',
    {
      schema: {
        tags,
        summary: 'Thẩm định ý tưởng: đạt, trả lại (nêu lý do, được nộp lại) hoặc không đạt',
        params: schemas.ideaParams,
        body: schemas.appraiseIdeaBody,
        response: { 200: schemas.idea, ...standardErrors },
      },
    },
    async (request) => appraiseIdea(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/ideas/:id/resubmit',
    {
      schema: {
        tags,
        summary: 'Nộp lại ý tưởng đã bị trả lại (vòng thẩm định tiếp theo)',
        params: schemas.ideaParams,
        body: schemas.resubmitIdeaBody,
        response: { 200: schemas.idea, ...standardErrors },
      },
    },
    async (request) => resubmitIdea(ctx, requireActor(request), request.params.id, request.body, request.id),
  );
}

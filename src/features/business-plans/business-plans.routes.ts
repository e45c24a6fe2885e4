import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import * as schemas from './business-plans.schemas.ts';
import { forwardBusinessPlan } from './forward-business-plan.ts';
import { getBusinessPlan, listBusinessPlans, listBusinessPlansByDueState } from './read-business-plans.ts';
import { recordPlanSupport } from './record-plan-support.ts';
import { resubmitBusinessPlan } from './resubmit-business-plan.ts';
import { reviewBusinessPlan } from './review-business-plan.ts';
import { submitBusinessPlan } from './submit-business-plan.ts';

const tags = ['Phương án sản xuất kinh doanh (business plans)'];

export function registerBusinessPlanRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/business-plans',
    { schema: { tags, summary: 'Danh sách phương án SXKD trong phạm vi của người dùng', querystring: schemas.listPlansQuery, response: { 200: schemas.planPage, ...standardErrors } } },
    async (request) => listBusinessPlans(ctx, requireActor(request), request.query),
  );

  app.get(
    '/api/business-plans/due',
    {
      schema: {
        tags,
        summary: 'Phương án chờ xã chuyển tỉnh: còn hạn (state=due) hoặc đã quá hạn (state=overdue)',
        querystring: schemas.dueQuery,
        response: { 200: schemas.planPage, ...standardErrors },
      },
    },
    async (request) => listBusinessPlansByDueState(ctx, requireActor(request), request.query),
  );

  app.get(
    '/api/business-plans/:id',
    { schema: { tags, summary: 'Một phương án SXKD, với các lần xem xét và các khoản hỗ trợ', params: schemas.planParams, response: { 200: schemas.businessPlan, ...standardErrors } } },
    async (request) => getBusinessPlan(ctx, requireActor(request), request.params.id),
  );

  app.post(
    '/api/business-plans',
    { schema: { tags, summary: 'Nộp phương án SXKD cho một ý tưởng đã đạt (xã tiếp nhận)', body: schemas.submitPlanBody, response: { 201: schemas.businessPlan, ...standardErrors } } },
    async (request, reply) => reply.status(201).send(await submitBusinessPlan(ctx, requireActor(request), request.body, request.id)),
  );

  app.post(
    '/api/business-plans/:id/forward',
    { schema: { tags, summary: 'Xã chuyển phương án lên tỉnh', params: schemas.planParams, body: schemas.versionBody, response: { 200: schemas.businessPlan, ...standardErrors } } },
    async (request) => forwardBusinessPlan(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/business-plans/:id/review',
    {
      schema: {
        tags,
        summary: 'Tỉnh xem xét phương án: phê duyệt hoặc trả lại (nêu lý do)',
        params: schemas.planParams,
        body: schemas.reviewPlanBody,
        response: { 200: schemas.businessPlan, ...standardErrors },
      },
    },
    async (request) => reviewBusinessPlan(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/business-plans/:id/resubmit',
    { schema: { tags, summary: 'Nộp lại phương án đã bị trả lại', params: schemas.planParams, body: schemas.resubmitPlanBody, response: { 200: schemas.businessPlan, ...standardErrors } } },
    async (request) => resubmitBusinessPlan(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/business-plans/:id/supports',
    {
      schema: {
        tags,
        summary: 'Ghi nhận hỗ trợ thực hiện phương án đã duyệt (đào tạo, tư vấn, tín dụng, thiết kế bao bì nhãn mác, …)',
        params: schemas.planParams,
        body: schemas.recordSupportBody,
        response: { 201: schemas.businessPlan, ...standardErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await recordPlanSupport(ctx, requireActor(request), request.params.id, request.body, request.id)),
  );
}

import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { listPlans } from './list-plans.ts';
import * as schemas from './plans.schemas.ts';
import { addPlanIndicator, changePlan, changePlanIndicator, createPlan, getPlan, recordIndicatorProgress } from './save-plan.ts';

const tags = ['Kế hoạch OCOP hằng năm (annual plans)'];
const detail = { 200: schemas.planDetail, ...standardErrors };

export function registerPlanRoutes(app: App, ctx: AppContext): void {
  void app.register(async (scoped: App) => {
    scoped.addHook('onRequest', async (request) => {
      requireActor(request);
    });
    registerRoutes(scoped, ctx);
  });
}

function registerRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/plans',
    { schema: { tags, summary: 'Các kế hoạch trong phạm vi của người dùng', querystring: schemas.listPlansQuery, response: { 200: schemas.planPage, ...standardErrors } } },
    async (request) => listPlans(ctx, requireActor(request), request.query),
  );

  app.post(
    '/api/plans',
    {
      schema: {
        tags,
        summary: 'Lập kế hoạch năm với các chỉ tiêu',
        description:
          'Số có thể viết kiểu Việt Nam ("13,2", "1.234,5"). Chỉ tiêu sản xuất của cùng một sản phẩm (diện tích ha, năng suất tạ/ha, sản lượng tấn) ' +
          'được đối chiếu: diện tích × năng suất khác sản lượng quá 1% thì có cảnh báo trong "warnings" (vẫn lưu). ' +
          'Có parentPlanId mà không gửi indicators: chép các chỉ tiêu của kế hoạch tỉnh để xã điều chỉnh.',
        body: schemas.createPlanBody,
        response: { 201: schemas.planDetail, ...standardErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createPlan(ctx, requireActor(request), request.body, request.id)),
  );

  app.get(
    '/api/plans/:id',
    { schema: { tags, summary: 'Kế hoạch với tiến độ từng chỉ tiêu, trạng thái và cảnh báo', params: schemas.planParams, response: detail } },
    async (request) => getPlan(ctx, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/plans/:id',
    { schema: { tags, summary: 'Sửa thông tin kế hoạch', params: schemas.planParams, body: schemas.updatePlanBody, response: detail } },
    async (request) => changePlan(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/plans/:id/indicators',
    { schema: { tags, summary: 'Thêm chỉ tiêu', params: schemas.planParams, body: schemas.indicatorInput, response: { 201: schemas.planDetail, ...standardErrors } } },
    async (request, reply) => reply.status(201).send(await addPlanIndicator(ctx, requireActor(request), request.params.id, request.body, request.id)),
  );

  app.patch(
    '/api/plans/:id/indicators/:indicatorId',
    { schema: { tags, summary: 'Sửa chỉ tiêu', params: schemas.indicatorParams, body: schemas.updateIndicatorBody, response: detail } },
    async (request) => changePlanIndicator(ctx, requireActor(request), request.params.id, request.params.indicatorId, request.body, request.id),
  );

  app.post(
    '/api/plans/:id/indicators/:indicatorId/progress',
    {
      schema: {
        tags,
        summary: 'Nhập kết quả thực hiện kèm minh chứng',
        description: 'Cho các chỉ tiêu hệ thống chưa tính được (diện tích thu hoạch, sản lượng, dự án liên kết, sản phẩm công nhận…). Kết quả mới nhất theo ngày số liệu được dùng.',
        params: schemas.indicatorParams,
        body: schemas.progressBody,
        response: { 201: schemas.planDetail, ...standardErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await recordIndicatorProgress(ctx, requireActor(request), request.params.id, request.params.indicatorId, request.body, request.id)),
  );
}

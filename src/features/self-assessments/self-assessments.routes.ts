import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { listSelfAssessments } from './list-self-assessments.ts';
import { createSelfAssessment, getSelfAssessment, updateSelfAssessment } from './save-self-assessment.ts';
import * as schemas from './self-assessments.schemas.ts';

const tags = ['Tự đánh giá (Mẫu 02, self-assessment)'];

export function registerSelfAssessmentRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/self-assessments',
    { schema: { tags, summary: 'Các bản tự đánh giá trong phạm vi của người dùng', querystring: schemas.listQuery, response: { 200: schemas.page, ...standardErrors } } },
    async (request) => listSelfAssessments(ctx, requireActor(request), request.query),
  );

  app.post(
    '/api/self-assessments',
    { schema: { tags, summary: 'Tạo bản tự đánh giá (nháp)', body: schemas.createBody, response: { 201: schemas.selfAssessmentWithEvaluation, ...standardErrors } } },
    async (request, reply) => reply.status(201).send(await createSelfAssessment(ctx, requireActor(request), request.body, request.id)),
  );

  app.get(
    '/api/self-assessments/:id',
    { schema: { tags, summary: 'Một bản tự đánh giá với điểm, hạng sao và phân tích khoảng cách', params: schemas.params, response: { 200: schemas.selfAssessmentWithEvaluation, ...standardErrors } } },
    async (request) => getSelfAssessment(ctx, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/self-assessments/:id',
    { schema: { tags, summary: 'Lưu bản tự đánh giá', params: schemas.params, body: schemas.updateBody, response: { 200: schemas.selfAssessmentWithEvaluation, ...standardErrors } } },
    async (request) => updateSelfAssessment(ctx, requireActor(request), request.params.id, request.body, request.id),
  );
}

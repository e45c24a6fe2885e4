import { z } from 'zod';
import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { closeRound } from './close-round.ts';
import { decideRound } from './decide-round.ts';
import { declareConflict } from './declare-conflict.ts';
import * as schemas from './evaluations.schemas.ts';
import { listRounds } from './list-rounds.ts';
import { openRound } from './open-round.ts';
import { openScoring } from './open-scoring.ts';
import { getEntryDetail } from './read-entry.ts';
import { getMyScore } from './read-my-score.ts';
import { getRoundDetail } from './read-round.ts';
import { recogniseFromCentral } from './recognise-from-central.ts';
import { recordAdvisoryWork } from './record-advisory-work.ts';
import { roundDecisionDraftPdf } from './round-decision-draft-pdf.ts';
import { roundMinutesPdf } from './round-minutes-pdf.ts';
import { saveMyScore } from './save-my-score.ts';
import { setRoundMembers } from './set-round-members.ts';
import { updateRoundSettings } from './update-round-settings.ts';

const tags = ['Đánh giá, phân hạng (evaluation rounds)'];

export function registerEvaluationRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/evaluation-rounds',
    { schema: { tags, summary: 'Các đợt đánh giá người dùng được xem', querystring: schemas.listQuery, response: { 200: schemas.roundPage, ...standardErrors } } },
    async (request) => listRounds(ctx.db.pool, requireActor(request), request.query),
  );

  app.post(
    '/api/evaluation-rounds',
    { schema: { tags, summary: 'Mở đợt đánh giá (tỉnh: 3–4 sao; Bộ: 5 sao)', body: schemas.openRoundBody, response: { 201: schemas.roundDetail, ...standardErrors } } },
    async (request, reply) => reply.status(201).send(await openRound(ctx, requireActor(request), request.body, request.id)),
  );

  app.get(
    '/api/evaluation-rounds/:id',
    { schema: { tags, summary: 'Một đợt đánh giá: hội đồng, tổ tư vấn, hồ sơ và tiến độ chấm', params: schemas.params, response: { 200: schemas.roundDetail, ...standardErrors } } },
    async (request) => getRoundDetail(ctx.db.pool, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/evaluation-rounds/:id',
    { schema: { tags, summary: 'Sửa thông tin đợt đang mở: tên, thời hạn, quy chế chấm (trước khi có phiếu nộp)', params: schemas.params, body: schemas.roundSettingsBody, response: { 200: schemas.roundDetail, ...standardErrors } } },
    async (request) => updateRoundSettings(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.put(
    '/api/evaluation-rounds/:id/members',
    { schema: { tags, summary: 'Cử Chủ tịch, thành viên hội đồng và Tổ tư vấn', params: schemas.params, body: schemas.membersBody, response: { 200: schemas.roundDetail, ...standardErrors } } },
    async (request) => setRoundMembers(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/evaluation-rounds/:id/close',
    { schema: { tags, summary: 'Kết thúc phiên họp hội đồng: tính kết quả, khóa điểm', params: schemas.params, body: schemas.closeBody, response: { 200: schemas.roundDetail, ...standardErrors } } },
    async (request) => closeRound(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/evaluation-rounds/:id/decision',
    { schema: { tags, summary: 'Ghi nhận quyết định công nhận và cấp giấy chứng nhận', params: schemas.params, body: schemas.decisionBody, response: { 200: schemas.roundDetail, ...standardErrors } } },
    async (request) => decideRound(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.get(
    '/api/evaluation-rounds/:id/minutes.pdf',
    { schema: { tags, summary: 'Biên bản họp hội đồng (PDF), sau khi kết thúc phiên họp', params: schemas.params, response: { 200: z.any().meta({ description: 'Tệp PDF' }), ...standardErrors } } },
    async (request, reply) => {
      const pdf = await roundMinutesPdf(ctx.db.pool, requireActor(request), request.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="bien-ban-${request.params.id.slice(0, 8)}.pdf"`).header('cache-control', 'private, no-store').send(pdf);
    },
  );

  app.get(
    '/api/evaluation-rounds/:id/decision-draft.pdf',
    { schema: { tags, summary: 'Dự thảo quyết định công nhận (PDF)', params: schemas.params, response: { 200: z.any().meta({ description: 'Tệp PDF' }), ...standardErrors } } },
    async (request, reply) => {
      const pdf = await roundDecisionDraftPdf(ctx.db.pool, requireActor(request), request.params.id, ctx.clock);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="du-thao-quyet-dinh-${request.params.id.slice(0, 8)}.pdf"`).header('cache-control', 'private, no-store').send(pdf);
    },
  );

  app.get(
    '/api/round-entries/:id',
    { schema: { tags, summary: 'Một hồ sơ trong đợt đánh giá: thẩm định, phiếu chấm, kết quả', params: schemas.params, response: { 200: schemas.entryDetail, ...standardErrors } } },
    async (request) => getEntryDetail(ctx.db.pool, requireActor(request), request.params.id),
  );

  app.post(
    '/api/round-entries/:id/advisory',
    { schema: { tags, summary: 'Tổ tư vấn: thẩm định, đề nghị bổ sung, kiểm nghiệm, khảo sát thực tế, báo cáo', params: schemas.params, body: schemas.advisoryBody, response: { 200: schemas.entryDetail, ...standardErrors } } },
    async (request) => recordAdvisoryWork(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/round-entries/:id/open-scoring',
    { schema: { tags, summary: 'Mở chấm điểm hồ sơ', params: schemas.params, body: schemas.versionBody, response: { 200: schemas.entryDetail, ...standardErrors } } },
    async (request) => openScoring(ctx, requireActor(request), request.params.id, request.body.version, request.id),
  );

  app.post(
    '/api/round-entries/:id/conflict',
    { schema: { tags, summary: 'Thành viên khai báo xung đột lợi ích (không chấm sản phẩm này)', params: schemas.params, body: schemas.conflictBody, response: { 200: schemas.conflictResult, ...standardErrors } } },
    async (request) => declareConflict(ctx, requireActor(request), request.params.id, request.body.reason, request.id),
  );

  app.get(
    '/api/round-entries/:id/my-score',
    { schema: { tags, summary: 'Phiếu chấm của thành viên hội đồng đang đăng nhập', params: schemas.params, response: { 200: schemas.myScore, ...standardErrors } } },
    async (request) => getMyScore(ctx, requireActor(request), request.params.id),
  );

  app.put(
    '/api/round-entries/:id/my-score',
    { schema: { tags, summary: 'Lưu hoặc nộp phiếu chấm (đã nộp thì không sửa được)', params: schemas.params, body: schemas.myScoreBody, response: { 200: schemas.myScore, ...standardErrors } } },
    async (request) => saveMyScore(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/round-entries/:id/recognise-from-central',
    { schema: { tags, summary: 'Tỉnh công nhận 3–4 sao theo kết quả đánh giá của Trung ương', params: schemas.params, body: schemas.recogniseFromCentralBody, response: { 200: schemas.entryDetail, ...standardErrors } } },
    async (request) => recogniseFromCentral(ctx, requireActor(request), request.params.id, request.body, request.id),
  );
}

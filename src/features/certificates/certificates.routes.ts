import { z } from 'zod';
import { today } from '../../core/clock/index.ts';
import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { getInspection, listInspectionsFor, planInspection, recordInspection } from './inspect-certificates.ts';
import { getCertificate, listCertificatesFor, printCertificate } from './read-certificates.ts';
import { revokeCertificate } from './revoke-certificate.ts';
import * as schemas from './certificates.schemas.ts';

const tags = ['Giấy chứng nhận OCOP (certificates, revocation, inspections)'];

export function registerCertificateRoutes(app: App, ctx: AppContext): void {
  void app.register(async (scoped: App) => {
    scoped.addHook('onRequest', async (request) => {
      requireActor(request);
    });
    registerRoutes(scoped, ctx);
  });
}

function registerRoutes(app: App, ctx: AppContext): void {
  const certificateDetail = { 200: schemas.certificateDetail, ...standardErrors };

  app.get(
    '/api/certificates',
    {
      schema: {
        tags,
        summary: 'Giấy chứng nhận OCOP trong phạm vi của người dùng',
        description: 'Trạng thái tính theo ngày hôm nay bằng hàm certificate_status() (còn hiệu lực, sắp hết hạn, gia hạn chờ đánh giá lại, hết hiệu lực, đã thay thế, đã thu hồi).',
        querystring: schemas.listQuery,
        response: { 200: schemas.certificatePage, ...standardErrors },
      },
    },
    async (request) => listCertificatesFor(ctx, requireActor(request), request.query),
  );

  app.get(
    '/api/certificates/:id',
    { schema: { tags, summary: 'Một giấy chứng nhận: trạng thái, thời hạn đánh giá lại, thu hồi, các đợt kiểm tra', params: schemas.idParams, response: certificateDetail } },
    async (request) => getCertificate(ctx, requireActor(request), request.params.id),
  );

  app.get(
    '/api/certificates/:id/pdf',
    {
      schema: {
        tags,
        summary: 'Giấy chứng nhận dạng PDF (có mã QR dẫn tới trang xác minh)',
        params: schemas.idParams,
        response: { 200: z.any().meta({ description: 'application/pdf' }), ...standardErrors },
      },
    },
    async (request, reply) => {
      const { number, pdf } = await printCertificate(ctx, requireActor(request), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="giay-chung-nhan-${number}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/certificates/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Thu hồi giấy chứng nhận (Điều 8)',
        description:
          'Một trong sáu căn cứ; quyết định trong 15 ngày kể từ ngày có kết luận (quá hạn vẫn ghi nhận, đánh dấu late). ' +
          'Tỉnh thu hồi sản phẩm 3–4 sao của tỉnh; Bộ thu hồi sản phẩm 5 sao. Thu hồi lần hai trả 409.',
        params: schemas.idParams,
        body: schemas.revokeBody(() => today(ctx.clock)),
        response: certificateDetail,
      },
    },
    async (request) => revokeCertificate(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/certificates/:id/inspections',
    {
      schema: {
        tags,
        summary: 'Lập kế hoạch kiểm tra sau công nhận (Điều 9)',
        params: schemas.idParams,
        body: schemas.planInspectionBody,
        response: { 201: schemas.inspection, ...standardErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await planInspection(ctx, requireActor(request), request.params.id, request.body, request.id)),
  );

  app.get(
    '/api/inspections',
    {
      schema: {
        tags,
        summary: 'Các đợt kiểm tra sau công nhận trong phạm vi của người dùng',
        description: 'due: chưa có kết quả, dự kiến trong 30 ngày tới; overdue: chưa có kết quả và đã quá ngày dự kiến. outcome=pending: chưa có kết quả.',
        querystring: schemas.inspectionsQuery,
        response: { 200: schemas.inspectionPage, ...standardErrors },
      },
    },
    async (request) => listInspectionsFor(ctx, requireActor(request), request.query),
  );

  app.get(
    '/api/inspections/:id',
    { schema: { tags, summary: 'Một đợt kiểm tra', params: schemas.idParams, response: { 200: schemas.inspection, ...standardErrors } } },
    async (request) => getInspection(ctx, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/inspections/:id',
    {
      schema: {
        tags,
        summary: 'Ghi kết quả kiểm tra (duy trì tiêu chí, sử dụng nhãn hiệu OCOP, kết luận)',
        description: 'Kết luận "violation" cho phép thu hồi giấy chứng nhận với inspectionId của đợt kiểm tra này.',
        params: schemas.idParams,
        body: schemas.recordInspectionBody,
        response: { 200: schemas.inspection, ...standardErrors },
      },
    },
    async (request) => recordInspection(ctx, requireActor(request), request.params.id, request.body, request.id),
  );
}

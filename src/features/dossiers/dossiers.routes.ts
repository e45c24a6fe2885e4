import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import { AppError, invalidInput } from '../../core/errors.ts';
import { createLocalFileStore } from '../../core/files/file-store.ts';
import { requireActor } from '../../core/http/plugin.ts';
import { errorBody, standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { addDossierFiles, checkCanAddDossierFiles } from './add-dossier-files.ts';
import { computeOnTimeRate } from './compute-on-time-rate.ts';
import { createDossier } from './create-dossier.ts';
import { criterionChecker, MAX_FILE_BYTES, MAX_FILES_PER_REQUEST, stageUploads, type UploadPart } from './dossier-file-upload.ts';
import * as schemas from './dossiers.schemas.ts';
import { editDossier } from './edit-dossier.ts';
import { forwardDossierToProvince } from './forward-dossier-to-province.ts';
import { listDossierQueue } from './list-dossier-queue.ts';
import { listSelfAssessmentChoices } from './list-self-assessment-choices.ts';
import { openDossierFile } from './open-dossier-file.ts';
import { getDossier, listDossiers } from './read-dossiers.ts';
import { receiveDossier } from './receive-dossier.ts';
import { recordCommuneCheck } from './record-commune-check.ts';
import { removeDossierFile } from './remove-dossier-file.ts';
import { returnDossierForSupplement } from './return-dossier-for-supplement.ts';
import { reuseDossierFiles } from './reuse-dossier-files.ts';
import { submitDossier } from './submit-dossier.ts';
import { supplementDossier } from './supplement-dossier.ts';
import { withdrawDossier } from './withdraw-dossier.ts';

const tags = ['Hồ sơ sản phẩm (dossiers, QĐ 26/2026 Đ.6–7)'];
const detail = { 200: schemas.dossierDetail, ...standardErrors };

/** @fastify/multipart's own limit errors, in the error format of the API. */
function uploadError(error: unknown): unknown {
  switch ((error as { code?: string }).code) {
    case 'FST_FILES_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE', `Mỗi lần chỉ gửi tối đa ${MAX_FILES_PER_REQUEST} tệp; chưa lưu tệp nào.`, undefined, `At most ${MAX_FILES_PER_REQUEST} files per request.`);
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE', 'Yêu cầu có quá nhiều trường; chưa lưu tệp nào.', undefined, 'Too many parts.');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return invalidInput([{ path: 'files', message: 'Cần gửi tệp dạng multipart/form-data.', messageEn: 'Send multipart/form-data.' }]);
    default:
      if (error instanceof Error && /multipart|Unexpected end/i.test(error.message)) {
        return new AppError('INVALID_INPUT', 'Dữ liệu tải lên bị gián đoạn hoặc hỏng; chưa lưu tệp nào.', undefined, 'Broken upload.');
      }
      return error;
  }
}

/** Types a browser shows without running anything: JPEG, PNG and WebP photos. */
const inlineFileTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);

export function registerDossierRoutes(app: App, ctx: AppContext): void {
  // Encapsulated: multipart parsing exists only for these routes.
  void app.register(async (scoped: App) => {
    await scoped.register(fastifyMultipart, {
      limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES_PER_REQUEST, fields: 20, parts: MAX_FILES_PER_REQUEST + 20 },
      // Oversized files are reported with the others in one answer instead of aborting the request.
      throwFileSizeLimit: false,
    });
    // Every route here needs a signed-in user: say so before validating anything the caller sent.
    scoped.addHook('onRequest', async (request) => {
      requireActor(request);
    });
    registerRoutes(scoped, ctx);
  });
}

function registerRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/dossiers',
    { schema: { tags, summary: 'Các hồ sơ trong phạm vi của người dùng', querystring: schemas.listQuery, response: { 200: schemas.dossierPage, ...standardErrors } } },
    async (request) => listDossiers(ctx, requireActor(request), request.query),
  );

  app.get(
    '/api/dossiers/queue',
    {
      schema: {
        tags,
        summary: 'Việc của tôi: hồ sơ chờ tôi xử lý, sắp đến hạn (≤ 3 ngày làm việc), quá hạn',
        description: 'Mỗi mục một trang `limit` hồ sơ (mặc định 50); `totals`: tổng số của từng mục. Trang sau của một mục: section=…&page=2.',
        querystring: schemas.queueQuery,
        response: { 200: schemas.queue, ...standardErrors },
      },
    },
    async (request) => listDossierQueue(ctx, requireActor(request), request.query),
  );

  app.get(
    '/api/dossiers/on-time-rate',
    {
      schema: {
        tags,
        summary: 'Tỷ lệ hồ sơ xã gửi lên tỉnh đúng hạn 15 ngày làm việc, theo đơn vị và thời kỳ',
        querystring: schemas.onTimeRateQuery,
        response: { 200: schemas.onTimeRate, ...standardErrors },
      },
    },
    async (request) => computeOnTimeRate(ctx, requireActor(request), request.query),
  );

  app.get(
    '/api/dossiers/self-assessment-choices',
    {
      schema: {
        tags,
        summary: 'Các bản tự đánh giá có thể nộp kèm hồ sơ: đã chấm xong, chưa nộp kèm hồ sơ khác (bản chưa xong ghi số tiêu chí còn thiếu)',
        querystring: schemas.selfAssessmentChoicesQuery,
        response: { 200: schemas.selfAssessmentChoices, ...standardErrors },
      },
    },
    async (request) => listSelfAssessmentChoices(ctx, requireActor(request), request.query),
  );

  app.post(
    '/api/dossiers',
    { schema: { tags, summary: 'Lập hồ sơ (nháp) cho một sản phẩm', body: schemas.createBody, response: { 201: schemas.dossierDetail, ...standardErrors } } },
    async (request, reply) => reply.status(201).send(await createDossier(ctx, requireActor(request), request.body, request.id)),
  );

  app.get(
    '/api/dossiers/:id',
    { schema: { tags, summary: 'Một hồ sơ: trạng thái, hạn xử lý, yêu cầu bổ sung, tệp, lịch sử', params: schemas.params, response: detail } },
    async (request) => getDossier(ctx, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/dossiers/:id',
    { schema: { tags, summary: 'Sửa Phiếu đăng ký (Mẫu 01) và chọn bản tự đánh giá', params: schemas.params, body: schemas.updateBody, response: detail } },
    async (request) => editDossier(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/dossiers/:id/submit',
    { schema: { tags, summary: 'Nộp hồ sơ cho UBND xã', params: schemas.params, body: schemas.versionBody, response: detail } },
    async (request) => submitDossier(ctx, requireActor(request), request.params.id, request.body.version, request.id),
  );

  app.post(
    '/api/dossiers/:id/receive',
    { schema: { tags, summary: 'Xã tiếp nhận hồ sơ: cấp số phiếu, bắt đầu tính 15 ngày làm việc', params: schemas.params, body: schemas.versionBody, response: detail } },
    async (request) => receiveDossier(ctx, requireActor(request), request.params.id, request.body.version, request.id),
  );

  app.post(
    '/api/dossiers/:id/return',
    { schema: { tags, summary: 'Xã trả lại hồ sơ để bổ sung (tạm dừng tính thời hạn)', params: schemas.params, body: schemas.returnBody, response: detail } },
    async (request) => returnDossierForSupplement(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/dossiers/:id/supplement',
    { schema: { tags, summary: 'Chủ thể nộp bổ sung (tiếp tục tính thời hạn)', params: schemas.params, body: schemas.supplementBody, response: detail } },
    async (request) => supplementDossier(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.put(
    '/api/dossiers/:id/commune-check',
    { schema: { tags, summary: 'Báo cáo đánh giá của xã (Mẫu 03): bốn nội dung', params: schemas.params, body: schemas.communeCheckBody, response: detail } },
    async (request) => recordCommuneCheck(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/dossiers/:id/forward',
    { schema: { tags, summary: 'Xã gửi hồ sơ lên UBND tỉnh', params: schemas.params, body: schemas.versionBody, response: detail } },
    async (request) => forwardDossierToProvince(ctx, requireActor(request), request.params.id, request.body.version, request.id),
  );

  app.post(
    '/api/dossiers/:id/withdraw',
    { schema: { tags, summary: 'Chủ thể rút hồ sơ', params: schemas.params, body: schemas.withdrawBody, response: detail } },
    async (request) => withdrawDossier(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/dossiers/:id/files',
    {
      schema: {
        tags,
        summary: 'Tải tệp lên hồ sơ (multipart/form-data)',
        description:
          `Tối đa ${MAX_FILES_PER_REQUEST} tệp, mỗi tệp ≤ 20 MB; chỉ ảnh JPEG, PNG, WebP và PDF (nhận dạng theo nội dung). ` +
          'Tên trường của mỗi tệp là loại tệp: evidence[:mã tiêu chí] (ví dụ evidence:1.2), story, packaging, label, lab_report, other. ' +
          'Một tệp bị từ chối thì không tệp nào được lưu; lỗi liệt kê mọi tệp bị từ chối.',
        consumes: ['multipart/form-data'],
        params: schemas.params,
        response: { 201: schemas.filesAdded, ...standardErrors, 413: errorBody },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const dossier = await checkCanAddDossierFiles(ctx, actor, request.params.id);
      if (!request.isMultipart()) throw uploadError({ code: 'FST_INVALID_MULTIPART_CONTENT_TYPE' });
      const upload = await stageUploads(request.parts() as AsyncIterable<UploadPart>, createLocalFileStore(ctx.config.filesDir), {
        maxFileBytes: MAX_FILE_BYTES,
        isKnownCriterion: criterionChecker(dossier.ruleSetId, dossier.productSetNumber),
        productSetNumber: dossier.productSetNumber,
      }).catch((error: unknown) => {
        throw uploadError(error);
      });
      return reply.status(201).send(await addDossierFiles(ctx, actor, request.params.id, upload, request.id));
    },
  );

  app.get(
    '/api/dossiers/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Tải về một tệp của hồ sơ',
        params: schemas.fileParams,
        response: { 200: z.any().meta({ description: 'Nội dung tệp' }), ...standardErrors },
      },
    },
    async (request, reply) => {
      const { file, stream } = await openDossierFile(ctx, requireActor(request), request.params.id, request.params.fileId);
      // Issue 16 finding 9: an upload never runs as a page of the app's origin. `sandbox` gives the answer
      // an opaque origin with no script; what a browser could render with script of its own (a PDF with
      // an auto-run action) is downloaded, never shown inline. Only raster photos open in the browser.
      const disposition = inlineFileTypes.has(file.mimeType) ? 'inline' : 'attachment';
      return reply
        .type(file.mimeType)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.originalName)}`)
        .header('content-security-policy', 'sandbox')
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .send(stream);
    },
  );

  app.delete(
    '/api/dossiers/:id/files/:fileId',
    { schema: { tags, summary: 'Bỏ một tệp khỏi hồ sơ', params: schemas.fileParams, response: detail } },
    async (request) => removeDossierFile(ctx, requireActor(request), request.params.id, request.params.fileId, request.id),
  );

  app.post(
    '/api/dossiers/:id/reuse-files',
    { schema: { tags, summary: 'Dùng lại tệp của hồ sơ trước của cùng sản phẩm (nâng hạng, đánh giá lại)', params: schemas.params, body: schemas.reuseFilesBody, response: detail } },
    async (request) => reuseDossierFiles(ctx, requireActor(request), request.params.id, request.body.fromDossierId, request.id),
  );
}

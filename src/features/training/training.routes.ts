import { z } from 'zod';
import { AppError, httpStatusOf } from '../../core/errors.ts';
import { requireActor } from '../../core/http/plugin.ts';
import { errorBody, standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { addTrainingSession } from './add-training-session.ts';
import { renderCheckedIn, renderCheckInForm, renderCheckInMessage } from './check-in-page.ts';
import { checkInByPhone, closeSessionCheckIn, findCheckIn, openSessionCheckIn } from './check-in.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './participant-spreadsheet.ts';
import { getAttendanceCertificate, listProducerTrainings, listTrainingParticipants } from './read-participation.ts';
import { getParticipantTemplate, listTrainings, listTrainingTopics } from './read-trainings.ts';
import { importParticipants, registerParticipant } from './register-participants.ts';
import { changeTraining, createTraining, getTraining } from './save-training.ts';
import { takeAttendance } from './take-attendance.ts';
import { getTrainingCoverage } from './training-coverage.ts';
import * as schemas from './training.schemas.ts';

const tags = ['Tập huấn (training)'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const detail = { 200: schemas.trainingDetail, ...standardErrors };

export function registerTrainingRoutes(app: App, ctx: AppContext): void {
  void app.register(async (scoped: App) => {
    // The participant spreadsheet is sent as the body itself (the .xlsx bytes), up to MAX_IMPORT_BYTES.
    scoped.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) => done(null, body));
    // Every route here needs a signed-in user: say so before validating anything the caller sent.
    scoped.addHook('onRequest', async (request) => {
      requireActor(request);
    });
    registerRoutes(scoped, ctx);
  });
  void app.register(async (scoped: App) => registerCheckInPages(scoped, ctx));
}

/** The participant's side of QR check-in: server-rendered, no session, outside /api (no CSRF cookie on a phone that never signed in). */
function registerCheckInPages(app: App, ctx: AppContext): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 2048 }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  const noStore = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };
  app.get('/check-in/:token', { schema: { hide: true, params: schemas.checkInParams } }, async (request, reply) =>
    reply.type('text/html; charset=utf-8').headers(noStore).send(renderCheckInForm(request.params.token, await findCheckIn(ctx, request.params.token))),
  );
  app.post('/check-in/:token', { schema: { hide: true, params: schemas.checkInParams } }, async (request, reply) => {
    const { token } = request.params;
    const body = (request.body ?? {}) as { phone?: unknown };
    reply.type('text/html; charset=utf-8').headers(noStore);
    try {
      return reply.send(renderCheckedIn(await checkInByPhone(ctx, token, body, request.id)));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      reply.status(httpStatusOf[error.code]);
      if (error.code === 'INVALID_INPUT') {
        const phone = typeof body.phone === 'string' ? body.phone.slice(0, 20) : '';
        return reply.send(renderCheckInForm(token, await findCheckIn(ctx, token), { error: error.details?.issues?.[0]?.message ?? error.message, phone }));
      }
      if (error.code === 'NOT_FOUND') return reply.send(renderCheckInForm(token, null));
      return reply.send(renderCheckInMessage('Chưa điểm danh được', error.message));
    }
  });
}

function registerRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/training-topics',
    { schema: { tags, summary: 'Danh mục chuyên đề tập huấn', response: { 200: schemas.topicList, ...standardErrors } } },
    async () => ({ items: await listTrainingTopics(ctx) }),
  );

  app.get(
    '/api/trainings',
    { schema: { tags, summary: 'Các lớp tập huấn trong phạm vi của người dùng', querystring: schemas.listTrainingsQuery, response: { 200: schemas.trainingPage, ...standardErrors } } },
    async (request) => listTrainings(ctx, requireActor(request), request.query),
  );

  app.post(
    '/api/trainings',
    { schema: { tags, summary: 'Tạo lớp tập huấn', body: schemas.createTrainingBody, response: { 201: schemas.trainingDetail, ...standardErrors } } },
    async (request, reply) => reply.status(201).send(await createTraining(ctx, requireActor(request), request.body, request.id)),
  );

  app.get(
    '/api/trainings/:id',
    { schema: { tags, summary: 'Một lớp tập huấn với các buổi học', params: schemas.trainingParams, response: detail } },
    async (request) => getTraining(ctx, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/trainings/:id',
    { schema: { tags, summary: 'Sửa lớp tập huấn', params: schemas.trainingParams, body: schemas.updateTrainingBody, response: detail } },
    async (request) => changeTraining(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/trainings/:id/sessions',
    { schema: { tags, summary: 'Thêm buổi học (điểm danh theo buổi)', params: schemas.trainingParams, body: schemas.createSessionBody, response: { 201: schemas.trainingDetail, ...standardErrors } } },
    async (request, reply) => reply.status(201).send(await addTrainingSession(ctx, requireActor(request), request.params.id, request.body, request.id)),
  );

  app.get(
    '/api/trainings/:id/participants',
    { schema: { tags, summary: 'Danh sách học viên với điểm danh từng buổi', params: schemas.trainingParams, response: { 200: schemas.participantList, ...standardErrors } } },
    async (request) => ({ items: await listTrainingParticipants(ctx, requireActor(request), request.params.id) }),
  );

  app.post(
    '/api/trainings/:id/participants',
    { schema: { tags, summary: 'Đăng ký một học viên', params: schemas.trainingParams, body: schemas.registerParticipantBody, response: { 201: schemas.participant, ...standardErrors } } },
    async (request, reply) => reply.status(201).send(await registerParticipant(ctx, requireActor(request), request.params.id, request.body, request.id)),
  );

  app.post(
    '/api/trainings/:id/participants/import',
    {
      schema: {
        tags,
        summary: 'Nhập danh sách học viên từ tệp Excel (.xlsx)',
        description:
          `Gửi chính nội dung tệp .xlsx làm thân yêu cầu (Content-Type: ${XLSX}), tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB và ${MAX_IMPORT_ROWS} dòng. ` +
          'Cột: Họ và tên, Đối tượng (Cán bộ tỉnh / Cán bộ xã / Chủ thể OCOP / Khác), Chủ thể OCOP (mã số thuế hoặc tên), Số điện thoại, Đơn vị công tác. ' +
          '?dryRun=true: xem trước, trả về mọi dòng với lỗi của từng dòng, không lưu gì. Không có dryRun: nhập tất cả hoặc không nhập gì; có lỗi thì trả 400 liệt kê mọi lỗi kèm số dòng.',
        consumes: [XLSX],
        params: schemas.trainingParams,
        querystring: schemas.importQuery,
        response: { 200: schemas.importResult, ...standardErrors, 413: errorBody },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError('INVALID_INPUT', `Cần gửi tệp .xlsx làm nội dung yêu cầu (Content-Type: ${XLSX}).`, { issues: [{ path: 'file', message: 'Cần gửi tệp .xlsx.' }] }, 'Send the .xlsx file as the body.');
      }
      return importParticipants(ctx, actor, request.params.id, request.body, { dryRun: request.query.dryRun }, request.id);
    },
  );

  app.get(
    '/api/training-participants-template.xlsx',
    { schema: { tags, summary: 'Tệp mẫu danh sách học viên (.xlsx)', response: { 200: z.any().meta({ description: 'Tệp .xlsx' }), ...standardErrors } } },
    async (request, reply) => {
      const template = await getParticipantTemplate(requireActor(request));
      return reply.type(XLSX).header('content-disposition', `attachment; filename="mau-danh-sach-hoc-vien.xlsx"`).send(template);
    },
  );

  app.put(
    '/api/trainings/:id/sessions/:sessionId/attendance',
    { schema: { tags, summary: 'Điểm danh một buổi học', params: schemas.sessionParams, body: schemas.attendanceBody, response: { 200: schemas.attendanceResult, ...standardErrors } } },
    async (request) => takeAttendance(ctx, requireActor(request), request.params.id, request.params.sessionId, request.body, request.id),
  );

  app.post(
    '/api/trainings/:id/sessions/:sessionId/check-in',
    {
      schema: {
        tags,
        summary: 'Mở điểm danh bằng mã QR cho một buổi học',
        description: 'Trả về đường dẫn điểm danh và mã QR (SVG). Mở lại sẽ cấp mã mới, mã cũ hết hiệu lực. Học viên quét mã, nhập số điện thoại đã đăng ký.',
        params: schemas.sessionParams,
        response: { 200: schemas.checkInLink, ...standardErrors },
      },
    },
    async (request) => openSessionCheckIn(ctx, requireActor(request), request.params.id, request.params.sessionId, `${request.protocol}://${request.host}`, request.id),
  );

  app.post(
    '/api/trainings/:id/sessions/:sessionId/check-in/close',
    { schema: { tags, summary: 'Đóng điểm danh bằng mã QR', params: schemas.sessionParams, response: { 200: schemas.checkInClosed, ...standardErrors } } },
    async (request) => closeSessionCheckIn(ctx, requireActor(request), request.params.id, request.params.sessionId, request.id),
  );

  app.get(
    '/api/trainings/:id/participants/:participantId/certificate',
    { schema: { tags, summary: 'Dữ liệu giấy chứng nhận tham dự', params: schemas.participantParams, response: { 200: schemas.certificate, ...standardErrors } } },
    async (request) => getAttendanceCertificate(ctx, requireActor(request), request.params.id, request.params.participantId),
  );

  app.get(
    '/api/training-coverage',
    { schema: { tags, summary: 'Độ bao phủ tập huấn của một đơn vị trong năm', querystring: schemas.unitQuery, response: { 200: schemas.coverage, ...standardErrors } } },
    async (request) => getTrainingCoverage(ctx, requireActor(request), request.query),
  );

  app.get(
    '/api/producers/:id/trainings',
    { schema: { tags, summary: 'Các lớp tập huấn chủ thể đã tham dự', params: schemas.producerParams, response: { 200: schemas.producerTrainingList, ...standardErrors } } },
    async (request) => ({ items: await listProducerTrainings(ctx, requireActor(request), request.params.id) }),
  );
}

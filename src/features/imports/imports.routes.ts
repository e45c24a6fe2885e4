import fastifyMultipart from '@fastify/multipart';
import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { exportNationalRegister } from './export-national-register.ts';
import { importFile } from './import-file.ts';
import { importFields } from './import-row.ts';
import { MAX_IMPORT_BYTES, readImportUpload } from './import-upload.ts';
import * as schemas from './imports.schemas.ts';
import { listImportBatches } from './list-import-batches.ts';
import { listImportMappings } from './list-import-mappings.ts';
import { previewImport, type ImportPreview } from './preview-import.ts';
import { readImportBatch } from './read-import-batch.ts';
import { importFieldLabels } from './reading/column-mapping.ts';
import { saveImportMapping } from './save-import-mapping.ts';
import { undoImport } from './undo-import.ts';

const tags = ['Nhập dữ liệu (imports)'];
const MAX_ROWS_SHOWN = 500;

/** The preview as the API answers it: rows with a problem first, the pick candidates of each row. */
function presentPreview(preview: ImportPreview) {
  const rows = [...preview.plan.rows].sort((a, b) => Number(b.issues.length > 0) - Number(a.issues.length > 0) || a.rowNumber - b.rowNumber);
  return {
    provinceCode: preview.provinceCode,
    file: preview.file,
    read: preview.read,
    fields: importFields.map((field) => ({ field, label: importFieldLabels[field].vi, labelEn: importFieldLabels[field].en })),
    counts: preview.plan.counts,
    canCommit: preview.plan.canCommit && preview.alreadyImported === null,
    rows: rows.slice(0, MAX_ROWS_SHOWN).map((row) => ({
      rowNumber: row.rowNumber, producerName: row.producerName, productName: row.productName, stars: row.stars, placeWritten: row.placeWritten,
      communeCode: row.communeCode, communeName: row.communeName,
      candidates: row.place?.status === 'ambiguous' ? row.place.candidates : row.place?.status === 'unknown' ? row.place.suggestions : [],
      producerAction: row.producerAction, productAction: row.productAction, certificateAction: row.certificateAction, issues: row.issues,
    })),
    rowsShown: Math.min(rows.length, MAX_ROWS_SHOWN),
    alreadyImported: preview.alreadyImported,
  };
}

export function registerImportRoutes(app: App, ctx: AppContext): void {
  void app.register(async (scoped: App) => {
    await scoped.register(fastifyMultipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 4, parts: 5 } , throwFileSizeLimit: false });
    scoped.addHook('onRequest', async (request) => {
      requireActor(request);
    });
    registerRoutes(scoped, ctx);
  });
}

function registerRoutes(app: App, ctx: AppContext): void {
  const multipartDoc = { consumes: ['multipart/form-data'], description: 'Trường `file` (.xlsx, .csv, hoặc JSON/CSV của cổng OCOP quốc gia) và trường `options` (JSON: kind, provinceCode, mapping, choices).' };

  app.post(
    '/api/imports/preview',
    { schema: { tags, summary: 'Chạy thử nhập danh sách: đọc, ghép cột, đối chiếu; không ghi gì', ...multipartDoc, response: { 200: schemas.importPreview, ...standardErrors, 413: standardErrors[400] } } },
    async (request) => {
      const { file, options } = await readImportUpload(request.parts());
      return presentPreview(await previewImport(ctx, requireActor(request), { file, kind: options.kind, provinceCode: options.provinceCode ?? null, mapping: options.mapping ?? null, choices: options.choices }));
    },
  );

  app.post(
    '/api/imports',
    { schema: { tags, summary: 'Nhập danh sách (tất cả hoặc không gì cả)', ...multipartDoc, response: { 200: schemas.commitAnswer, 201: schemas.commitAnswer, ...standardErrors, 413: standardErrors[400] } } },
    async (request, reply) => {
      const { file, options } = await readImportUpload(request.parts());
      const result = await importFile(ctx, requireActor(request), { file, kind: options.kind, provinceCode: options.provinceCode ?? null, mapping: options.mapping ?? null, choices: options.choices });
      return reply.code(result.alreadyImported ? 200 : 201).send({ batch: result.batch, alreadyImported: result.alreadyImported });
    },
  );

  app.get(
    '/api/imports',
    { schema: { tags, summary: 'Các lượt nhập dữ liệu', querystring: schemas.batchesQuery, response: { 200: schemas.batchList, ...standardErrors } } },
    async (request) => listImportBatches(ctx.db.pool, requireActor(request), request.query),
  );

  app.get(
    '/api/imports/mappings',
    { schema: { tags, summary: 'Các cách ghép cột đã lưu của tỉnh', querystring: schemas.mappingsQuery, response: { 200: schemas.mappingList, ...standardErrors } } },
    async (request) => ({ items: await listImportMappings(ctx.db.pool, requireActor(request), request.query.provinceCode ?? null) }),
  );

  app.put(
    '/api/imports/mappings',
    { schema: { tags, summary: 'Lưu cách ghép cột để dùng lại', body: schemas.mappingBody, response: { 200: schemas.mappingList, ...standardErrors } } },
    async (request) => ({ items: await saveImportMapping(ctx.db, ctx.clock, requireActor(request), { provinceCode: request.body.provinceCode ?? null, name: request.body.name, mapping: request.body.mapping }) }),
  );

  app.get(
    '/api/imports/national-register',
    { schema: { tags, summary: 'Xuất sản phẩm của tỉnh theo cấu trúc của cổng OCOP quốc gia (JSON hoặc CSV)', querystring: schemas.exportQuery } },
    async (request, reply) => {
      const origin = ctx.config.publicBaseUrl || `${request.protocol}://${request.host}`;
      const file = await exportNationalRegister(ctx.db.pool, requireActor(request), { provinceCode: request.query.provinceCode ?? null, format: request.query.format, origin });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );

  app.get(
    '/api/imports/:id',
    { schema: { tags, summary: 'Một lượt nhập: những gì đã tạo và liên kết', params: schemas.batchParams, response: { 200: schemas.importBatchDetail, ...standardErrors } } },
    async (request) => readImportBatch(ctx.db.pool, requireActor(request), request.params.id),
  );

  app.post(
    '/api/imports/:id/undo',
    { schema: { tags, summary: 'Hoàn tác cả lượt nhập (khi chưa có gì dựa trên nó)', params: schemas.batchParams, response: { 200: schemas.importBatch, ...standardErrors } } },
    async (request) => undoImport(ctx.db, ctx.clock, requireActor(request), request.params.id),
  );
}

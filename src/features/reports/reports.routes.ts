import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { z } from 'zod';
import { compileProgrammeReport } from './compile-programme-report.ts';
import { renderProgrammeReportPdf } from './programme-report-pdf.ts';
import { buildProgrammeWorkbook } from './programme-workbook.ts';
import * as schemas from './reports.schemas.ts';

const tags = ['Báo cáo (reports)'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** bao-cao-ocop-03442-2026.xlsx for a calendar year; the kind and the days otherwise. */
function fileName(report: schemas.ProgrammeReport, extension: string): string {
  const unit = report.communeCode ?? report.provinceCode ?? 'toan-quoc';
  const { kind, from, to } = report.period;
  const when = kind === 'calendar_year' ? String(report.year) : kind === 'range' ? `${from}_${to}` : `${kind === 'half_year' ? '6-thang' : 'nam-bao-cao'}-${report.year}`;
  return `bao-cao-ocop-${unit}-${when}.${extension}`;
}

export function registerReportRoutes(app: App, ctx: AppContext): void {
  void app.register(async (scoped: App) => {
    scoped.addHook('onRequest', async (request) => {
      requireActor(request);
    });

    scoped.get(
      '/api/reports/programme',
      {
        schema: {
          tags,
          summary: 'Báo cáo kết quả thực hiện Chương trình OCOP của một xã, một tỉnh hoặc toàn quốc cho một kỳ',
          description:
            'Kỳ: period=calendar_year|reporting_year (15/12 năm trước – 14/12)|half_year (15/12 – 14/6)|range (from, to). ' +
            'Không chọn tỉnh: đơn vị của người dùng (toàn quốc với Bộ). Mỗi số liệu có drillDown: danh sách các bản ghi phía sau. Định nghĩa: docs/programme-report.md.',
          querystring: schemas.reportQuery,
          response: { 200: schemas.programmeReport, ...standardErrors },
        },
      },
      async (request) => compileProgrammeReport(ctx, requireActor(request), request.query),
    );

    scoped.get(
      '/api/reports/programme/export.xlsx',
      {
        schema: {
          tags,
          summary: 'Báo cáo kết quả thực hiện Chương trình OCOP, tệp Excel (các biểu số 01–05)',
          querystring: schemas.reportQuery,
          response: { 200: z.any().meta({ description: 'Tệp .xlsx' }), ...standardErrors },
        },
      },
      async (request, reply) => {
        const report = await compileProgrammeReport(ctx, requireActor(request), request.query);
        return reply.type(XLSX).header('content-disposition', `attachment; filename="${fileName(report, 'xlsx')}"`).send(await buildProgrammeWorkbook(report));
      },
    );

    scoped.get(
      '/api/reports/programme/export.pdf',
      {
        schema: {
          tags,
          summary: 'Báo cáo kết quả thực hiện Chương trình OCOP, tệp PDF (thể thức văn bản hành chính)',
          querystring: schemas.reportQuery,
          response: { 200: z.any().meta({ description: 'Tệp .pdf' }), ...standardErrors },
        },
      },
      async (request, reply) => {
        const report = await compileProgrammeReport(ctx, requireActor(request), request.query);
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName(report, 'pdf')}"`).send(await renderProgrammeReportPdf(report));
      },
    );
  });
}

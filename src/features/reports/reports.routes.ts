import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { z } from 'zod';
import { compileProgrammeReport } from './compile-programme-report.ts';
import { buildProgrammeWorkbook } from './programme-workbook.ts';
import * as schemas from './reports.schemas.ts';

const tags = ['Báo cáo (reports)'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
          summary: 'Báo cáo năm của một đơn vị: tập huấn, tiến độ kế hoạch, hội chợ và doanh thu',
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
          summary: 'Báo cáo năm của một đơn vị, tệp Excel',
          querystring: schemas.reportQuery,
          response: { 200: z.any().meta({ description: 'Tệp .xlsx' }), ...standardErrors },
        },
      },
      async (request, reply) => {
        const report = await compileProgrammeReport(ctx, requireActor(request), request.query);
        const name = `bao-cao-ocop-${report.communeCode ?? report.provinceCode}-${report.year}.xlsx`;
        return reply.type(XLSX).header('content-disposition', `attachment; filename="${name}"`).send(await buildProgrammeWorkbook(report));
      },
    );
  });
}

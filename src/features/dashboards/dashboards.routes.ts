import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import * as schemas from './dashboards.schemas.ts';
import { readDashboard } from './read-dashboard.ts';

const tags = ['Trang tổng quan (dashboards)'];

export function registerDashboardRoutes(app: App, ctx: AppContext): void {
  void app.register(async (scoped: App) => {
    scoped.addHook('onRequest', async (request) => {
      requireActor(request);
    });

    scoped.get(
      '/api/dashboard',
      {
        schema: {
          tags,
          summary: 'Trang tổng quan theo vai trò và địa bàn: việc đang chờ, số liệu chính của năm, sản phẩm của chủ thể',
          querystring: schemas.dashboardQuery,
          response: { 200: schemas.dashboard, ...standardErrors },
        },
      },
      async (request) => readDashboard(ctx, requireActor(request), request.query),
    );
  });
}

import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { getProvinceSettings } from './get-province-settings.ts';
import * as schemas from './province-settings.schemas.ts';
import { updateProvinceSettings } from './update-province-settings.ts';

const tags = ['Cấu hình của tỉnh (province settings)'];

export function registerProvinceSettingsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/provinces/:code/settings',
    { schema: { tags, summary: 'Cấu hình OCOP của tỉnh (thời hạn chuyển phương án SXKD, …)', params: schemas.provinceParams, response: { 200: schemas.provinceSettings, ...standardErrors } } },
    async (request) => getProvinceSettings(ctx.db.pool, requireActor(request), request.params.code),
  );

  app.put(
    '/api/provinces/:code/settings',
    {
      schema: {
        tags,
        summary: 'Sửa cấu hình OCOP của tỉnh (cơ quan tham mưu OCOP cấp tỉnh)',
        params: schemas.provinceParams,
        body: schemas.updateProvinceSettingsBody,
        response: { 200: schemas.provinceSettings, ...standardErrors },
      },
    },
    async (request) => updateProvinceSettings(ctx, requireActor(request), request.params.code, request.body, request.id),
  );
}

import { z } from 'zod';
import type { App, AppContext } from '../../core/http/types.ts';
import { errorBody } from '../../core/http/schemas.ts';
import * as schemas from './admin-units.schemas.ts';
import { getUnit, listUnits, listUnitVersions } from './read-admin-units.ts';
import { resolveOldAddress } from './resolve-old-address.ts';

const tags = ['Đơn vị hành chính (administrative units)'];

/** Administrative units are public reference data: anyone may read them, nobody edits them here. */
export function registerAdminUnitRoutes(app: App, { db }: AppContext): void {
  app.get(
    '/api/admin-units/versions',
    { schema: { tags, summary: 'Các phiên bản danh mục đơn vị hành chính', response: { 200: z.array(schemas.adminUnitVersion) } } },
    async () => listUnitVersions(db.pool),
  );

  app.get(
    '/api/admin-units',
    {
      schema: {
        tags,
        summary: 'Duyệt và tìm đơn vị hành chính (không phân biệt dấu)',
        querystring: schemas.listUnitsQuery,
        response: { 200: schemas.unitPage, 400: errorBody },
      },
    },
    async (request) => listUnits(db.pool, request.query),
  );

  app.get(
    '/api/admin-units/old-address',
    {
      schema: {
        tags,
        summary: 'Địa chỉ cũ (trước 1/7/2025) nay thuộc đơn vị nào',
        querystring: schemas.oldAddressQuery,
        response: { 200: schemas.oldAddressAnswer, 400: errorBody },
      },
    },
    async (request) => resolveOldAddress(db.pool, request.query),
  );

  app.get(
    '/api/admin-units/:version/:level/:code',
    {
      schema: {
        tags,
        summary: 'Một đơn vị hành chính, nguồn gốc và đơn vị kế thừa',
        params: schemas.unitParams,
        response: { 200: schemas.unitDetail, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => getUnit(db.pool, request.params),
  );
}

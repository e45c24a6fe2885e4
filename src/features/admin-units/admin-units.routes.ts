import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { errorBody } from '../../core/http/schemas.ts';
import * as repository from './admin-units.repository.ts';
import * as schemas from './admin-units.schemas.ts';
import { resolveOldAddress } from './resolve-old-address.ts';

const tags = ['Đơn vị hành chính (administrative units)'];

/** Administrative units are public reference data: anyone may read them, nobody edits them here. */
export function registerAdminUnitRoutes(app: App, { db }: AppContext): void {
  app.get(
    '/api/admin-units/versions',
    { schema: { tags, summary: 'Các phiên bản danh mục đơn vị hành chính', response: { 200: z.array(schemas.adminUnitVersion) } } },
    async () => repository.listVersions(db.pool),
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
    async (request) => {
      const q = request.query;
      const { items, total } = await repository.listUnits(db.pool, {
        versionId: q.version,
        level: q.level,
        parentCode: q.parent,
        provinceCode: q.province,
        text: q.q || undefined,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
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
    async (request) => {
      const { version, level, code } = request.params;
      const unit = await repository.findUnit(db.pool, version, level, code);
      if (!unit) throw notFound('Đơn vị hành chính');
      const [formedFrom, successions] = await Promise.all([
        repository.listPredecessors(db.pool, version, level, code),
        (await repository.hasSuccessorVersion(db.pool, version))
          ? repository.listSuccessions(db.pool, version, level, code)
          : [],
      ]);
      return { unit, formedFrom, successions };
    },
  );
}

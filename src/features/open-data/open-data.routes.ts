import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { today } from '../../core/clock/index.ts';
import { limitRequests } from '../../core/http/rate-limit.ts';
import { errorBody } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { bulkFile, openDataPage } from './read-open-data.ts';
import * as schemas from './open-data.schemas.ts';

const tags = ['Dữ liệu mở (open data)'];

/** Per client address: the paged API for applications, far fewer whole-file downloads (a CDN serves the rest). */
export const OPEN_DATA_API_LIMIT = { max: 120, timeWindowMs: 60_000 } as const;
export const OPEN_DATA_BULK_LIMIT = { max: 10, timeWindowMs: 60_000 } as const;

const errors = { 400: errorBody, 429: errorBody } as const;
const common = 'Không cần đăng nhập. Giấy phép CC BY 4.0 (ghi nguồn: OCOP Hub). Trạng thái hiệu lực tính cho ngày hôm nay (giờ Việt Nam). ' +
  `Giới hạn ${OPEN_DATA_API_LIMIT.max} yêu cầu mỗi phút cho mỗi địa chỉ IP (quá giới hạn: 429 RATE_LIMITED).`;

export function registerOpenDataRoutes(app: App, ctx: AppContext): void {
  void app.register(async (scoped: App) => {
    await limitRequests(scoped, OPEN_DATA_API_LIMIT);
    // Open data is for anyone's application, including web pages on other sites.
    scoped.addHook('onSend', async (_request, reply) => {
      reply.header('access-control-allow-origin', '*');
    });
    const routes = [
      ['products', 'Sản phẩm OCOP đã được công nhận', schemas.openProductPage, 'Mỗi sản phẩm có ít nhất một giấy chứng nhận, với giấy chứng nhận mới nhất của nó (hạng sao, số, trạng thái).'],
      ['producers', 'Chủ thể có sản phẩm OCOP', schemas.openProducerPage, 'Tên, loại hình, địa bàn và số sản phẩm; không có mã số thuế, điện thoại, địa chỉ hay tên người đại diện. Lọc theo sao/trạng thái: có ít nhất một sản phẩm như vậy.'],
      ['certificates', 'Giấy chứng nhận OCOP', schemas.openCertificatePage, 'Mọi giấy chứng nhận, kể cả đã hết hạn, đã thay thế, đã thu hồi (với căn cứ thu hồi, QĐ 26/2026 Đ.8).'],
    ] as const;
    for (const [dataset, summary, response, description] of routes) {
      scoped.get(
        `/api/open-data/${schemas.OPEN_DATA_VERSION}/${dataset}`,
        { schema: { tags, summary, description: `${description} ${common}`, querystring: schemas.openDataQuery, response: { 200: response, ...errors } } },
        async (request, reply) => {
          reply.header('cache-control', 'public, max-age=300');
          return openDataPage(ctx, dataset, request.query);
        },
      );
    }
  });

  void app.register(async (scoped: App) => {
    await limitRequests(scoped, OPEN_DATA_BULK_LIMIT);
    scoped.get(
      `/open-data/${schemas.OPEN_DATA_VERSION}/:file`,
      {
        schema: {
          tags,
          summary: 'Tải toàn bộ dữ liệu mở (CSV hoặc JSON)',
          description:
            'products.csv|json, producers.csv|json, certificates.csv|json: cùng các trường như API. CSV theo RFC 4180, mã hóa UTF-8 có BOM ' +
            '(Excel mở đúng tiếng Việt). JSON: { dataset, version, asOf, licence, source, count, items }. ' +
            `Giới hạn ${OPEN_DATA_BULK_LIMIT.max} lần tải mỗi phút cho mỗi địa chỉ IP; tệp được phép lưu đệm 15 phút. Giấy phép CC BY 4.0.`,
          params: schemas.bulkParams,
          response: errors,
        },
      },
      async (request, typedReply) => {
        // The body is CSV or already-serialised JSON text, not the (error-only) response schema.
        const reply = typedReply as unknown as FastifyReply;
        const [dataset, format] = request.params.file.split('.') as [schemas.Dataset, 'csv' | 'json'];
        const body = await bulkFile(ctx, dataset, format);
        const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
        reply
          .header('access-control-allow-origin', '*')
          // Statuses are computed for today: a CDN may serve a file for 15 minutes, not longer.
          .header('cache-control', 'public, max-age=900')
          .header('etag', etag)
          .header('content-disposition', `inline; filename="ocop-${dataset}-${today(ctx.clock)}.${format}"`)
          .type(format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8');
        if (request.headers['if-none-match']?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return reply.status(304).send();
        return reply.send(body);
      },
    );
  });
}

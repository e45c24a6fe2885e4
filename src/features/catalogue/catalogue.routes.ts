import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createLocalFileStore } from '../../core/files/file-store.ts';
import { limitRequests } from '../../core/http/rate-limit.ts';
import { errorBody } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { findCommunePage, findProducerPage, findProductPage, findProvincePage, findPublicPhoto, findSearchPage, listSitemapPages } from './browse-catalogue.ts';
import { renderProducerPage, renderProductPage, renderSearchPage, renderUnitPage } from './catalogue-pages.ts';
import { catalogueSorts, parseIdSlug, producerPath, productPath, validityFilters } from './catalogue-query.ts';
import { readPublicStatistics } from './read-statistics.ts';
import { STATISTICS_PATH, renderStatisticsPage } from './statistics-page.ts';

const lang = z.enum(['vi', 'en']).default('vi').catch('vi');
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
// A public page never answers 400: a value it does not understand is ignored.
const searchQuery = z.object({
  lang,
  q: optional(z.string().max(200)),
  province: optional(z.string().regex(/^\d{2}$/)),
  commune: optional(z.string().regex(/^\d{5}$/)),
  producer: optional(z.uuid()),
  stars: optional(z.coerce.number().int().min(3).max(5)),
  group: optional(z.string().regex(/^[IVX]+(\.\d+)?$|^\d{1,2}$/)),
  validity: optional(z.enum(validityFilters)),
  sort: optional(z.enum(catalogueSorts)),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
const facetOption = z.object({ value: z.string(), label: z.string(), labelEn: z.string(), count: z.number().int(), selected: z.boolean(), depth: z.number().int().optional() });
const searchAnswer = z.object({
  total: z.number().int().describe('Sản phẩm khớp từ khóa và mọi bộ lọc đã chọn'),
  page: z.number().int(),
  pageCount: z.number().int(),
  items: z.array(z.object({
    id: z.uuid(), name: z.string(), path: z.string(), productSetNumber: z.number().int(), producerId: z.uuid(), producerName: z.string(),
    provinceCode: z.string(), provinceName: z.string().nullable(), communeCode: z.string(), communeName: z.string().nullable(),
    stars: z.number().int(), status: z.string(), issuedOn: z.string(), expiresOn: z.string(),
  })),
  facets: z.object({ province: z.array(facetOption), commune: z.array(facetOption), stars: z.array(facetOption), group: z.array(facetOption), validity: z.array(facetOption) })
    .describe('Mỗi lựa chọn với số sản phẩm theo từ khóa và các bộ lọc khác (bộ lọc của chính nó không tính), như trang /san-pham'),
  producers: z.array(z.object({ id: z.uuid(), name: z.string(), provinceName: z.string().nullable(), productCount: z.number().int() })),
  closeProducts: z.array(z.object({ id: z.uuid(), name: z.string(), path: z.string(), stars: z.number().int(), status: z.string(), provinceName: z.string().nullable() }))
    .describe('Khi không tìm thấy: sản phẩm OCOP có tên gần giống'),
});
const pageQuery = z.object({ lang, page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1) });

/** Per client address, like the open-data API. */
export const CATALOGUE_API_LIMIT = { max: 120, timeWindowMs: 60_000 } as const;

/** Public pages may be kept 5 minutes by a CDN and browsers, and served stale while revalidating. */
const PAGE_CACHE = 'public, max-age=300, stale-while-revalidate=600';

/**
 * Sends a page with a strong ETag of its bytes, answering 304 when the client (or CDN) already has
 * them. The page changes when the data or the day changes (a certificate expiring), so it is hashed
 * rather than dated.
 */
function sendCacheable(request: FastifyRequest, reply: FastifyReply, body: string, type: string, cacheControl = PAGE_CACHE) {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  reply.header('cache-control', cacheControl).header('etag', etag).header('vary', 'Accept-Encoding');
  const match = request.headers['if-none-match'];
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) {
    return reply.status(304).send();
  }
  return reply.type(type).send(body);
}

const htmlType = 'text/html; charset=utf-8';

function notFoundPage(reply: FastifyReply, language: 'vi' | 'en') {
  return reply
    .status(404)
    .header('cache-control', 'public, max-age=60')
    .type(htmlType)
    .send(
      language === 'vi'
        ? '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Không tìm thấy</title><p>Không tìm thấy trang. <a href="/san-pham">Tra cứu sản phẩm OCOP</a></p></html>'
        : '<!doctype html><html lang="en"><meta charset="utf-8"><title>Not found</title><p>Page not found. <a href="/san-pham?lang=en">Search OCOP products</a></p></html>',
    );
}


const redirectTo = (reply: FastifyReply, path: string, language: 'vi' | 'en') =>
  reply.header('cache-control', 'public, max-age=3600').redirect(language === 'en' ? `${path}?lang=en` : path, 301);

/** The public catalogue: search, product, producer, province and commune pages, photos, sitemap. */
export function registerCatalogueRoutes(app: App, ctx: AppContext): void {
  const hide = { hide: true };
  // Absolute URLs (sitemap, Open Graph, JSON-LD) use the configured public address, like the canonical links.
  const originOf = (request: FastifyRequest) => ctx.config.publicBaseUrl || `${request.protocol}://${request.host}`;

  app.get('/san-pham', { schema: { ...hide, querystring: searchQuery } }, async (request, reply) => {
    const query = request.query;
    return sendCacheable(request, reply, renderSearchPage(await findSearchPage(ctx, query), query.lang), htmlType);
  });

  // The same search as JSON, for applications: the same use case, so the same counts as the page.
  void app.register(async (scoped: App) => {
    await limitRequests(scoped, CATALOGUE_API_LIMIT);
    scoped.get(
      '/api/catalogue/search',
      {
        schema: {
          tags: ['Danh mục sản phẩm OCOP (catalogue)'],
          summary: 'Tìm sản phẩm OCOP, với số lượng theo từng bộ lọc',
          description: 'Không cần đăng nhập. Cùng tham số và cùng số liệu như trang /san-pham. Hiệu lực tính cho ngày hôm nay (giờ Việt Nam).',
          querystring: searchQuery.omit({ lang: true }),
          response: { 200: searchAnswer, 429: errorBody },
        },
      },
      async (request, reply) => {
        const { search, facets } = await findSearchPage(ctx, request.query);
        reply.header('cache-control', PAGE_CACHE).header('access-control-allow-origin', '*');
        return {
          total: search.total,
          page: search.page,
          pageCount: search.pageCount,
          items: search.items.map((item) => ({ ...item, path: productPath(item) })),
          facets,
          producers: search.producers,
          closeProducts: search.closeProducts.map((product) => ({ ...product, path: productPath(product) })),
        };
      },
    );
  });

  app.get('/san-pham/:idSlug', { schema: { ...hide, params: z.object({ idSlug: z.string().max(500) }), querystring: pageQuery } }, async (request, reply) => {
    const language = request.query.lang;
    const parsed = parseIdSlug(request.params.idSlug);
    const page = parsed && (await findProductPage(ctx, parsed.id));
    if (!parsed || !page) return notFoundPage(reply, language);
    const canonical = productPath(page.product);
    if (`/san-pham/${request.params.idSlug}` !== canonical) return redirectTo(reply, canonical, language);
    return sendCacheable(request, reply, renderProductPage(page, language, originOf(request)), htmlType);
  });

  app.get('/chu-the/:idSlug', { schema: { ...hide, params: z.object({ idSlug: z.string().max(500) }), querystring: pageQuery } }, async (request, reply) => {
    const { lang: language, page: pageNumber } = request.query;
    const parsed = parseIdSlug(request.params.idSlug);
    const page = parsed && (await findProducerPage(ctx, parsed.id, pageNumber));
    if (!parsed || !page) return notFoundPage(reply, language);
    const canonical = producerPath(page.producer);
    if (`/chu-the/${request.params.idSlug}` !== canonical) return redirectTo(reply, canonical, language);
    return sendCacheable(request, reply, renderProducerPage(page, language), htmlType);
  });

  app.get('/tinh/:code', { schema: { ...hide, params: z.object({ code: z.string().max(10) }), querystring: pageQuery } }, async (request, reply) => {
    const { lang: language, page: pageNumber } = request.query;
    const page = /^\d{2}$/.test(request.params.code) ? await findProvincePage(ctx, request.params.code, pageNumber) : null;
    if (!page) return notFoundPage(reply, language);
    const body = renderUnitPage({ unit: page.province, level: 'province', province: null, communes: page.communes, formerUnits: [], starCounts: page.starCounts, search: page.search }, language);
    return sendCacheable(request, reply, body, htmlType);
  });

  app.get('/xa/:code', { schema: { ...hide, params: z.object({ code: z.string().max(10) }), querystring: pageQuery } }, async (request, reply) => {
    const { lang: language, page: pageNumber } = request.query;
    const page = /^\d{5}$/.test(request.params.code) ? await findCommunePage(ctx, request.params.code, pageNumber) : null;
    if (!page) return notFoundPage(reply, language);
    const body = renderUnitPage({ unit: page.commune, level: 'commune', province: page.province, communes: [], formerUnits: page.formerUnits, starCounts: page.starCounts, search: page.search }, language);
    return sendCacheable(request, reply, body, htmlType);
  });

  // Products by star, province and year, cumulative since 2019 (issue 13): the catalogue's own counts.
  app.get(STATISTICS_PATH, { schema: { ...hide, querystring: z.object({ lang }) } }, async (request, reply) => {
    return sendCacheable(request, reply, renderStatisticsPage((await readPublicStatistics(ctx))!, request.query.lang), htmlType);
  });
  app.get(`${STATISTICS_PATH}/:code`, { schema: { ...hide, params: z.object({ code: z.string().max(10) }), querystring: z.object({ lang }) } }, async (request, reply) => {
    const language = request.query.lang;
    const statistics = /^\d{2}$/.test(request.params.code) ? await readPublicStatistics(ctx, request.params.code) : null;
    if (!statistics) return notFoundPage(reply, language);
    return sendCacheable(request, reply, renderStatisticsPage(statistics, language), htmlType);
  });

  // Packaging and label photos of certified products only; content-addressed, so cacheable for long.
  app.get('/anh/:fileId', { schema: { ...hide, params: z.object({ fileId: z.string().max(40) }) } }, async (request, reply) => {
    const photo = await findPublicPhoto(ctx, request.params.fileId);
    const store = createLocalFileStore(ctx.config.filesDir);
    if (!photo || !(await store.exists(photo.storageKey))) return reply.status(404).header('cache-control', 'public, max-age=60').send();
    const etag = `"${photo.sha256}"`;
    reply.header('cache-control', 'public, max-age=86400').header('etag', etag).header('x-content-type-options', 'nosniff').header('content-security-policy', 'sandbox');
    if (request.headers['if-none-match']?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return reply.status(304).send();
    return reply.type(photo.mimeType).send(store.open(photo.storageKey));
  });

  app.get('/sitemap.xml', { schema: hide }, async (request, reply) => {
    const origin = originOf(request);
    const pages = await listSitemapPages(ctx);
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const urls = [
      '<url><loc>' + escape(`${origin}/`) + '</loc></url>',
      '<url><loc>' + escape(`${origin}/san-pham`) + '</loc></url>',
      '<url><loc>' + escape(`${origin}${STATISTICS_PATH}`) + '</loc></url>',
      ...pages.map((page) => {
        const lastmod = page.updatedAt ? `<lastmod>${new Date(page.updatedAt).toISOString().slice(0, 10)}</lastmod>` : '';
        return `<url><loc>${escape(origin + page.path)}</loc>${lastmod}</url>`;
      }),
    ];
    // One file holds 50,000 URLs (sitemaps.org): a national catalogue (~20,000 products) fits.
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
    return sendCacheable(request, reply, body, 'application/xml; charset=utf-8', 'public, max-age=3600');
  });

  app.get('/robots.txt', { schema: hide }, async (request, reply) => {
    const body = `User-agent: *\nAllow: /\nDisallow: /admin/\nDisallow: /api/\n\nSitemap: ${originOf(request)}/sitemap.xml\n`;
    return sendCacheable(request, reply, body, 'text/plain; charset=utf-8', 'public, max-age=86400');
  });
}



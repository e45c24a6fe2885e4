import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import * as schemas from './fairs.schemas.ts';
import { addListing, changeListing, getProducerPromotion, listListings } from './keep-listings.ts';
import { changeSalesPoint, getSalesPoint, listSalesPoints, openSalesPoint } from './keep-sales-points.ts';
import { addFairParticipant, changeFair, changeFairParticipant, createFair, getFair, listFairs } from './take-part-in-fairs.ts';

const tags = ['Xúc tiến thương mại (fairs, sales points, e-commerce)'];
const fairDetail = { 200: schemas.fairDetail, ...standardErrors };

export function registerFairRoutes(app: App, ctx: AppContext): void {
  void app.register(async (scoped: App) => {
    scoped.addHook('onRequest', async (request) => {
      requireActor(request);
    });
    registerRoutes(scoped, ctx);
  });
}

function registerRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/fairs',
    { schema: { tags, summary: 'Hội chợ, sự kiện xúc tiến thương mại', querystring: schemas.listQuery, response: { 200: schemas.fairPage, ...standardErrors } } },
    async (request) => listFairs(ctx, requireActor(request), request.query),
  );

  app.post(
    '/api/fairs',
    { schema: { tags, summary: 'Ghi nhận hội chợ, sự kiện', body: schemas.createFairBody, response: { 201: schemas.fairDetail, ...standardErrors } } },
    async (request, reply) => reply.status(201).send(await createFair(ctx, requireActor(request), request.body, request.id)),
  );

  app.get(
    '/api/fairs/:id',
    { schema: { tags, summary: 'Một hội chợ với các chủ thể tham gia và doanh thu', params: schemas.idParams, response: fairDetail } },
    async (request) => getFair(ctx, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/fairs/:id',
    { schema: { tags, summary: 'Sửa hội chợ', params: schemas.idParams, body: schemas.updateFairBody, response: fairDetail } },
    async (request) => changeFair(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/fairs/:id/participants',
    { schema: { tags, summary: 'Thêm chủ thể tham gia (sản phẩm, gian hàng, lượt khách, doanh thu)', params: schemas.idParams, body: schemas.addFairParticipantBody, response: { 201: schemas.fairDetail, ...standardErrors } } },
    async (request, reply) => reply.status(201).send(await addFairParticipant(ctx, requireActor(request), request.params.id, request.body, request.id)),
  );

  app.patch(
    '/api/fairs/:id/participants/:participantId',
    {
      schema: {
        tags,
        summary: 'Cập nhật kết quả của chủ thể tại hội chợ',
        description: 'Cán bộ của đơn vị, hoặc chính chủ thể báo cáo lượt khách và doanh thu của mình (chủ thể chỉ thấy kết quả của mình).',
        params: schemas.participantParams,
        body: schemas.updateFairParticipantBody,
        response: fairDetail,
      },
    },
    async (request) => changeFairParticipant(ctx, requireActor(request), request.params.id, request.params.participantId, request.body, request.id),
  );

  app.get(
    '/api/sales-points',
    { schema: { tags, summary: 'Điểm giới thiệu và bán sản phẩm OCOP', querystring: schemas.salesPointsQuery, response: { 200: schemas.salesPointPage, ...standardErrors } } },
    async (request) => listSalesPoints(ctx, requireActor(request), request.query),
  );

  app.post(
    '/api/sales-points',
    { schema: { tags, summary: 'Ghi nhận điểm bán', body: schemas.createSalesPointBody, response: { 201: schemas.salesPoint, ...standardErrors } } },
    async (request, reply) => reply.status(201).send(await openSalesPoint(ctx, requireActor(request), request.body, request.id)),
  );

  app.get(
    '/api/sales-points/:id',
    { schema: { tags, summary: 'Một điểm bán', params: schemas.idParams, response: { 200: schemas.salesPoint, ...standardErrors } } },
    async (request) => getSalesPoint(ctx, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/sales-points/:id',
    { schema: { tags, summary: 'Sửa điểm bán (danh sách sản phẩm được thay cả)', params: schemas.idParams, body: schemas.updateSalesPointBody, response: { 200: schemas.salesPoint, ...standardErrors } } },
    async (request) => changeSalesPoint(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.get(
    '/api/ecommerce-listings',
    { schema: { tags, summary: 'Gian hàng thương mại điện tử của sản phẩm', querystring: schemas.listingsQuery, response: { 200: schemas.listingPage, ...standardErrors } } },
    async (request) => listListings(ctx, requireActor(request), request.query),
  );

  app.post(
    '/api/ecommerce-listings',
    { schema: { tags, summary: 'Thêm gian hàng thương mại điện tử', body: schemas.createListingBody, response: { 201: schemas.listing, ...standardErrors } } },
    async (request, reply) => reply.status(201).send(await addListing(ctx, requireActor(request), request.body, request.id)),
  );

  app.patch(
    '/api/ecommerce-listings/:id',
    { schema: { tags, summary: 'Sửa hoặc ngừng gian hàng', params: schemas.idParams, body: schemas.updateListingBody, response: { 200: schemas.listing, ...standardErrors } } },
    async (request) => changeListing(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.get(
    '/api/producers/:id/promotion',
    { schema: { tags, summary: 'Hội chợ, điểm bán và gian hàng trực tuyến của một chủ thể', params: schemas.idParams, response: { 200: schemas.producerPromotion, ...standardErrors } } },
    async (request) => getProducerPromotion(ctx, requireActor(request), request.params.id),
  );
}

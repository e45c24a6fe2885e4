import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { listProducts } from './list-products.ts';
import * as schemas from './products.schemas.ts';

const tags = ['Sản phẩm (products)'];

export function registerProductRoutes(app: App, ctx: AppContext): void {
  void app.register(async (scoped: App) => {
    // Every route here needs a signed-in user: say so before validating anything the caller sent.
    scoped.addHook('onRequest', async (request) => {
      requireActor(request);
    });
    registerRoutes(scoped, ctx);
  });
}

function registerRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/products',
    { schema: { tags, summary: 'Sản phẩm của chủ thể (để nộp hồ sơ nâng hạng, đánh giá lại)', querystring: schemas.productsQuery, response: { 200: schemas.productList, ...standardErrors } } },
    async (request) => ({ items: await listProducts(ctx, requireActor(request), { producerId: request.query.producer }) }),
  );
}

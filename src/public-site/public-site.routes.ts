import { z } from 'zod';
import type { App, AppContext } from '../core/http/types.ts';
import { renderHomePage } from './home-page.ts';
import { setPublicBaseUrl } from './layout.ts';

const langQuery = z.object({ lang: z.enum(['vi', 'en']).default('vi').catch('vi') });

/** Server-rendered public pages: no JavaScript needed, cacheable by a CDN. */
export function registerPublicSite(app: App, ctx?: AppContext): void {
  if (ctx) setPublicBaseUrl(ctx.config.publicBaseUrl);
  app.get('/', { schema: { hide: true, querystring: langQuery } }, async (request, reply) => {
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(renderHomePage(request.query.lang));
  });
}

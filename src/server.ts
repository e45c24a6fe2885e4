/**
 * Composition root: configuration → database → HTTP → feature routes. Nothing else creates
 * long-lived objects; features receive what they need in an AppContext.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { Config } from './core/config.ts';
import { openDatabase, type Database } from './core/db/database.ts';
import { migrate } from './core/db/migrate.ts';
import { systemClock, type Clock } from './core/clock/index.ts';
import { installHttpCore } from './core/http/plugin.ts';
import type { App, AppContext } from './core/http/types.ts';
import { useVietnameseValidationMessages } from './core/http/validation-messages.ts';
import { loadAdminUnits, registerAdminUnitRoutes } from './features/admin-units/index.ts';
import { registerAuditRoutes } from './features/audit/index.ts';
import { registerProducerRoutes } from './features/producers/index.ts';
import { registerAuthRoutes, registerUserRoutes } from './features/users/index.ts';
import { registerPublicSite } from './public-site/public-site.routes.ts';

const webDist = fileURLToPath(new URL('../web/dist/', import.meta.url));

export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<App> {
  useVietnameseValidationMessages();
  const app = Fastify({
    logger: options.logger ? { level: ctx.config.logLevel } : false,
    bodyLimit: ctx.config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    trustProxy: process.env.OCOP_TRUST_PROXY === '1',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  installHttpCore(app, { sql: ctx.db.pool, clock: ctx.clock, secureCookies: ctx.config.secureCookies });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OCOP Hub API',
        version: '0.1.0',
        description:
          'API của OCOP Hub (Chương trình Mỗi xã một sản phẩm). Đăng nhập bằng POST /api/auth/login; ' +
          'mọi yêu cầu thay đổi dữ liệu phải gửi header x-csrf-token. Lỗi: { error: { code, message, details }, requestId }.',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerAuthRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerAdminUnitRoutes(app, ctx);
  registerProducerRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerPublicSite(app);

  // The back office (web/, built by Vite) is a single-page app under /admin/.
  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/admin/', wildcard: false, maxAge: '1h' });
    app.get('/admin/*', { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html', webDist),
    );
    app.get('/admin', { schema: { hide: true } }, (_request, reply) => reply.redirect('/admin/'));
  }
  return app;
}

/** Opens the database, migrates it and loads the reference data the app ships. */
export async function prepareDatabase(config: Config, clock: Clock = systemClock): Promise<Database> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDataDir: config.embeddedDataDir });
  try {
    await migrate(db.pool);
    await loadAdminUnits(db, clock);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

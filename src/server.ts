/**
 * Composition root: configuration → database → HTTP → feature routes. Nothing else creates
 * long-lived objects; features receive what they need in an AppContext.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCompress from '@fastify/compress';
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
import zlib from 'node:zlib';
import type { Database } from './core/db/database.ts';
import { migrate } from './core/db/migrate.ts';
import { systemClock, type Clock } from './core/clock/index.ts';
import { installHttpCore } from './core/http/plugin.ts';
import { createLocalFileStore } from './core/files/file-store.ts';
import { installSecurityHeaders } from './core/http/security-headers.ts';
import { startPeriodicSweeps, type RunningSweeps, type Sweep, type SweepLog } from './core/periodic-sweeps.ts';
import { countJobs, runDueJobs, scheduleDailyJobs, type DailyJob, type JobHandler } from './core/jobs/index.ts';
import { createMetrics, installRequestMetrics, type AppMetrics } from './core/observability/metrics.ts';
import { registerOperationsRoutes } from './core/observability/operations.routes.ts';
import { closeConnectionsWhenDraining } from './core/shutdown.ts';
import { pruneAuthRecordsJob } from './core/auth/sessions.ts';
import type { App, AppContext } from './core/http/types.ts';
import { useVietnameseValidationMessages } from './core/http/validation-messages.ts';
import { registerRoutes } from './routes.ts';
import { loadAdminUnits } from './features/admin-units/index.ts';
import { sweepOverdueBusinessPlans } from './features/business-plans/index.ts';
import { certificateJobHandlers } from './features/certificates/index.ts';
import { DOSSIER_DEADLINE_HOUR, dossierDeadlineJob } from './features/dossiers/index.ts';
import { countOutbox, deliverOutbox, setNoticeLinkBase } from './features/notifications/index.ts';
import { entryDeadlineJob } from './features/evaluations/index.ts';

const webDist = fileURLToPath(new URL('../web/dist/', import.meta.url));
const webRoot = fileURLToPath(new URL('../web/', import.meta.url));

function newestModification(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds the back office with Vite when web/dist is missing or older than web/ (a fresh clone, or
 * after a pull), so `npm start` alone gives a working app. Skipped in a few milliseconds otherwise.
 */
export async function ensureBackOfficeBuilt(): Promise<void> {
  const index = path.join(webDist, 'index.html');
  if (!existsSync(path.join(webRoot, 'index.html'))) return;
  if (existsSync(index) && statSync(index).mtimeMs >= newestModification(webRoot)) return;
  console.log('Building the back office (web/) …');
  const { build } = await import('vite');
  try {
    await build({ configFile: path.join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
  } catch (error) {
    // The API and the public site still work; say so rather than refuse to start.
    console.error(`The back office could not be built, /admin/ is unavailable: ${(error as Error).message}`);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's Prometheus metrics (core/observability/metrics.ts); the sweeps report into them too. */
    metrics: AppMetrics;
  }
}

/** A request id set by the proxy (nginx's $request_id) is kept when it looks like one; otherwise a new UUID. */
const PROXY_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export interface BuildAppOptions {
  /** JSON logs (pino) on stdout; one line per request too when config.logRequests. */
  logger?: boolean;
  /** The migrations /ready expects (tests point it elsewhere). */
  migrationsDir?: string;
}

export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<App> {
  useVietnameseValidationMessages();
  const trustProxy = process.env.OCOP_TRUST_PROXY === '1';
  const app = Fastify({
    logger: options.logger ? { level: ctx.config.logLevel } : false,
    // The same name as in error bodies, so a person quoting an error's requestId finds its log lines.
    logController: new LogController({ disableRequestLogging: !ctx.config.logRequests, requestIdLogLabel: 'requestId' }),
    bodyLimit: ctx.config.bodyLimitBytes,
    genReqId: (raw) => {
      const fromProxy = trustProxy ? raw.headers['x-request-id'] : undefined;
      return typeof fromProxy === 'string' && PROXY_REQUEST_ID.test(fromProxy) ? fromProxy : randomUUID();
    },
    trustProxy,
    // Fastify answers 414 for a path parameter over 100 characters. Today's product and producer
    // addresses fit in 100 (slugOf), but an address printed or shared before the slug was capped
    // ("<uuid>-<80-character slug>") must still reach the page by its redirect (issue 19).
    routerOptions: { maxParamLength: 500 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const metrics = createMetrics(ctx.db.pool);
  metrics.setQueueSources({
    jobs: () => countJobs(ctx.db.pool, ctx.clock.now()),
    outbox: () => countOutbox(ctx.db.pool, ctx.clock.now()),
  });
  app.decorate('metrics', metrics);
  installRequestMetrics(app, metrics);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installSecurityHeaders(app, {
    policyFor: (request) => {
      const path = request.url.split('?', 1)[0]!;
      if (path === '/admin' || path.startsWith('/admin/')) return 'backOffice';
      if (path === '/api/docs' || path.startsWith('/api/docs/')) return 'apiDocs';
      return 'public';
    },
  });
  closeConnectionsWhenDraining(app);

  await app.register(fastifyCookie);
  // Text answers (public pages, API JSON, open-data CSV) are compressed for slow mobile networks; brotli at
  // quality 4 costs little CPU. The back office's files are served pre-compressed by @fastify/static.
  await app.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'], brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });
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


  setNoticeLinkBase(ctx.config.publicBaseUrl);
  registerOperationsRoutes(app, { pool: ctx.db.pool, metrics, metricsToken: ctx.config.metricsToken, migrationsDir: options.migrationsDir });
  registerRoutes(app, ctx);

  // The back office (web/, built by Vite) is a single-page app under /admin/.
  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/admin/', wildcard: false, maxAge: '1h', preCompressed: true });
    app.get('/admin/*', { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html', webDist),
    );
    app.get('/admin', { schema: { hide: true } }, (_request, reply) => reply.redirect('/admin/'));
  }
  return app;
}

/** Every durable job handler of the app, and the jobs scheduled anew each day. */
export const jobHandlers: readonly JobHandler[] = [...certificateJobHandlers, entryDeadlineJob, dossierDeadlineJob, pruneAuthRecordsJob];
export const dailyJobs: readonly DailyJob[] = [
  { name: pruneAuthRecordsJob.name, hour: 3 },
  { name: dossierDeadlineJob.name, hour: DOSSIER_DEADLINE_HOUR },
];

/** A staging file older than this is left over from an interrupted upload (an upload takes minutes at most). */
const STALE_STAGING_MS = 6 * 3600 * 1000;

export interface SweepOptions {
  /** Only the sweeps of these names (tests). */
  only?: readonly string[];
  /** Where the sweeps report (each run at debug level, failures as errors); console.error by default. */
  log?: SweepLog;
  /** The app's metrics: runs of each sweep, outcomes of each job. */
  metrics?: AppMetrics;
}

/**
 * The periodic, idempotent sweeps of the running app (deadlines whose consequence must be applied).
 * stop() lets the job or notice batch in hand finish and claims no other (graceful shutdown).
 */
export function startSweeps(ctx: AppContext, options: SweepOptions = {}): RunningSweeps {
  const metrics = options.metrics;
  const sweeps: Sweep[] = [
    // Notices by e-mail, Zalo and SMS: the outbox is drained often; each channel keeps its own per-minute budget.
    {
      name: 'notices',
      everyMs: 15 * 1000,
      run: async (signal) => {
        const report = await deliverOutbox(ctx, { signal });
        metrics?.observeDeliveries({ ...report });
        return report;
      },
    },
    { name: 'business-plans.forwarding-overdue', everyMs: 15 * 60 * 1000, run: () => sweepOverdueBusinessPlans(ctx) },
    // Durable jobs (reminders, daily clean-ups): in the database, so they survive restarts and run once
    // across app processes (core/jobs, docs/decisions/008).
    {
      name: 'jobs',
      everyMs: 60 * 1000,
      run: async (signal) => {
        await scheduleDailyJobs(ctx.db, ctx.clock, dailyJobs);
        return runDueJobs(ctx.db, ctx.clock, jobHandlers, { signal, onJob: metrics ? (...outcome) => metrics.observeJob(...outcome) : undefined });
      },
    },
    // Files an upload left in data/files/.staging when its process was killed (issue 16 finding 9): a
    // sweep runs at start-up and then every day; removing by age is safe from several processes at once.
    {
      name: 'files.clear-staging',
      everyMs: 24 * 3600 * 1000,
      // Files carry the machine's times, so the cut-off is the machine's time too, not the app's clock.
      run: () => createLocalFileStore(ctx.config.filesDir).clearStaleStaging(new Date(Date.now() - STALE_STAGING_MS)),
    },
  ];
  return startPeriodicSweeps(
    options.only ? sweeps.filter((sweep) => options.only!.includes(sweep.name)) : sweeps,
    options.log ?? { info: () => {}, error: (message) => console.error(message) },
    { onRun: metrics ? (...run) => metrics.observeSweep(...run) : undefined },
  );
}

/** Migrates the database and loads the reference data the app ships (idempotent). */
export async function prepareDatabase(db: Database, clock: Clock = systemClock): Promise<void> {
  await migrate(db.pool);
  await loadAdminUnits(db, clock);
}

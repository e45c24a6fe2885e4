/**
 * What an operator, a load balancer or Prometheus asks the app (docs/decisions/019):
 *   GET /health   the process is alive and answering (no database): restart it when this fails;
 *   GET /ready    the database answers and carries every migration of this code: send it traffic;
 *   GET /metrics  Prometheus text; on this listener only with OCOP_METRICS_TOKEN (Bearer), otherwise on
 *                 the separate OCOP_METRICS_PORT listener (metrics-listener.ts) or nowhere.
 * /health and /ready are public and say no more than which check failed. While the app shuts down,
 * Fastify answers 503 to anything still arriving on an open connection, /ready included.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { migrationState } from '../db/migrate.ts';
import type { AppMetrics } from './metrics.ts';

/** /ready gives the database this long; a database that hangs is as unready as one that refuses. */
export const READY_TIMEOUT_MS = 2_000;
const READY_REUSE_MS = 1_000;

export interface Readiness {
  status: 'ready' | 'not_ready';
  database: 'ok' | 'unreachable';
  migrations: 'current' | 'pending' | 'changed' | 'unknown';
}

export async function checkReadiness(pool: pg.Pool, migrationsDir?: string): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), READY_TIMEOUT_MS);
  });
  try {
    const state = await Promise.race([migrationState(pool, migrationsDir), timeout]);
    const migrations = state.changed.length ? 'changed' : state.pending.length ? 'pending' : 'current';
    return { status: migrations === 'current' ? 'ready' : 'not_ready', database: 'ok', migrations };
  } catch {
    return { status: 'not_ready', database: 'unreachable', migrations: 'unknown' };
  } finally {
    clearTimeout(timer);
  }
}

/** Whether the request carries `Authorization: Bearer <token>` (compared in constant time). */
export function hasMetricsToken(headers: IncomingHttpHeaders, token: string): boolean {
  const header = headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(header.slice('Bearer '.length).trim()), digest(token));
}

export interface OperationsRoutesOptions {
  pool: pg.Pool;
  metrics: AppMetrics;
  /** Opens /metrics on this listener to holders of the token; null leaves the route out. */
  metricsToken: string | null;
  migrationsDir?: string | undefined;
}

export function registerOperationsRoutes(app: FastifyInstance, options: OperationsRoutesOptions): void {
  const hidden = { schema: { hide: true } };
  app.get('/health', hidden, async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));

  // /ready is public: answers within a second share one check, so a flood of it costs the database nothing more.
  let last: { at: number; readiness: Promise<Readiness> } | null = null;
  app.get('/ready', hidden, async (_request, reply) => {
    if (!last || performance.now() - last.at > READY_REUSE_MS) last = { at: performance.now(), readiness: checkReadiness(options.pool, options.migrationsDir) };
    const readiness = await last.readiness;
    return reply
      .status(readiness.status === 'ready' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(readiness);
  });

  const token = options.metricsToken;
  if (token) {
    app.get('/metrics', hidden, async (request, reply) => {
      if (!hasMetricsToken(request.headers, token)) {
        return reply.status(401).header('www-authenticate', 'Bearer').header('cache-control', 'no-store').send({ status: 'unauthorized' });
      }
      const body = await options.metrics.render();
      return reply.header('cache-control', 'no-store').type(options.metrics.contentType).send(body);
    });
  }
}

import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import { AppError } from '../errors.ts';

export interface RequestLimit {
  /** Requests allowed per client IP address in each window. */
  max: number;
  timeWindowMs: number;
}

/**
 * Limits the requests of one client IP to every route of `scope` together (one counter for the scope,
 * not one per route), answering 429 in the error format of DESIGN.md with Retry-After. Call it inside
 * an encapsulated `app.register(async (scope) => …)`: nothing outside the scope is limited, so the
 * back office API is not. The counters live in the process (LRU of 5,000 addresses): behind a load
 * balancer each process counts its own share, which is enough against scraping loops.
 * Request IPs are the proxy's unless OCOP_TRUST_PROXY=1 (see server.ts).
 */
export async function limitRequests(scope: FastifyInstance, limit: RequestLimit): Promise<void> {
  await scope.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError(
        'RATE_LIMITED',
        `Bạn đã gửi quá nhiều yêu cầu (tối đa ${context.max} yêu cầu mỗi ${Math.round(limit.timeWindowMs / 1000)} giây). Vui lòng thử lại sau ${seconds} giây.`,
        { retryAfterSeconds: seconds, limit: context.max, windowSeconds: Math.round(limit.timeWindowMs / 1000) },
        `Too many requests (at most ${context.max} per ${Math.round(limit.timeWindowMs / 1000)} s). Try again in ${seconds} s.`,
      );
    },
  });
  scope.addHook('onRequest', scope.rateLimit({ max: limit.max, timeWindow: limit.timeWindowMs }) as unknown as onRequestAsyncHookHandler);
}

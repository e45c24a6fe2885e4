/**
 * GET /metrics on its own address (OCOP_METRICS_HOST:OCOP_METRICS_PORT, 127.0.0.1 by default), so the
 * public proxy never forwards it. It answers nothing else; with OCOP_METRICS_TOKEN set it wants the token too.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hasMetricsToken } from './operations.routes.ts';
import type { AppMetrics } from './metrics.ts';

export interface MetricsListener {
  port: number;
  close(): Promise<void>;
}

export async function startMetricsListener(metrics: AppMetrics, options: { host: string; port: number; token: string | null }): Promise<MetricsListener> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    if (options.token && !hasMetricsToken(request.headers, options.token)) {
      response.writeHead(401, { 'www-authenticate': 'Bearer', 'content-type': 'text/plain; charset=utf-8' }).end('Unauthorized\n');
      return;
    }
    metrics.render().then(
      (body) => response.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' }).end(body),
      () => response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

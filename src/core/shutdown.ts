/**
 * Graceful shutdown on SIGTERM (systemd, Kubernetes, a rolling restart) and SIGINT (Ctrl-C):
 *  1. stop accepting: the listener closes at once, so the proxy sends new requests to another process;
 *     a request still arriving on an open keep-alive connection is answered 503 by Fastify;
 *  2. finish what is in flight: every request being answered, and the job or notice batch a sweep holds
 *     (the sweeps claim nothing more once told to stop);
 *  3. close the database (the embedded one flushes to disk), then exit 0.
 * Past `timeoutMs` it gives up and exits 1: what was cut off is rolled back (a job stays pending, a
 * claimed notice comes back by its lease; decisions 008 and 014).
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/**
 * Once the app is closing, every answer says `Connection: close`. Node closes the connections idle at that
 * moment, but a keep-alive connection whose request was still running would stay open after its answer
 * (Fastify keeps it 72 s) and hold the shutdown that long.
 */
export function closeConnectionsWhenDraining(app: FastifyInstance): void {
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (draining) reply.header('connection', 'close');
    return payload;
  });
}

export interface Stoppable {
  close(): Promise<void>;
}

export interface ShutdownParts {
  /** The HTTP app (stops accepting, waits for in-flight requests). */
  app: Stoppable;
  /** The periodic sweeps (stop after the item in hand). */
  sweeps: { stop(): Promise<void> };
  /** Closed last: requests and jobs in flight still need it. */
  db: Stoppable;
  /** Other listeners (metrics), closed with the app. */
  others?: Stoppable[];
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  timeoutMs: number;
  exit?: (code: number) => void;
}

/** Stops everything in order; resolves with the exit code (0 when all finished in time). */
export async function shutDown(parts: ShutdownParts, reason: string): Promise<number> {
  const started = performance.now();
  parts.log.info({ reason }, 'shutting down: no new requests or jobs; finishing those in flight');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), parts.timeoutMs);
    timer.unref();
  });
  const stopped = (async () => {
    await Promise.all([parts.app.close(), parts.sweeps.stop(), ...(parts.others ?? []).map((other) => other.close())]);
    await parts.db.close();
    return 'stopped' as const;
  })();
  try {
    const outcome = await Promise.race([stopped, timedOut]);
    const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
    if (outcome === 'timeout') {
      parts.log.error({ seconds }, `shutdown did not finish within ${parts.timeoutMs} ms; exiting with work cut off`);
      return 1;
    }
    parts.log.info({ seconds }, 'stopped');
    return 0;
  } catch (error) {
    parts.log.error({ err: error }, 'shutdown failed');
    return 1;
  } finally {
    clearTimeout(timer);
  }
}

/** Shuts down once on the first SIGTERM or SIGINT, then exits with shutDown's code. */
export function shutDownOnSignals(parts: ShutdownParts): void {
  const exit = parts.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      parts.log.warn({ signal }, 'already shutting down');
      return;
    }
    stopping = true;
    void shutDown(parts, signal).then(exit);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

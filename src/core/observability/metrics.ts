/**
 * Prometheus metrics of one app (prom-client). Labels are bounded: a request is counted under its
 * route pattern ('/api/producers/:id', never the raw address), its method and its status; requests no
 * route matched count as route="unmatched". Each app has its own registry (tests build many apps in
 * one process); the Node.js process metrics (CPU, memory, event-loop lag, GC) are registered once per
 * process and shown with every app's.
 *
 * Figures read from the database (job queue, outbox) are the same for every app process on that database:
 * take max() across instances, not sum(). They are refreshed when scraped, at most one refresh at a time.
 */
import client from 'prom-client';
import type pg from 'pg';
import type { FastifyInstance } from 'fastify';

/** What a queue looks like to an operator: rows by status, how many are due, how long the oldest waits. */
export interface QueueCounts {
  byStatus: Record<string, number>;
  due: number;
  oldestDueSeconds: number;
}

export interface QueueSources {
  jobs(): Promise<QueueCounts>;
  outbox(): Promise<QueueCounts>;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** A scrape waits this long for the database figures; past it they are reported as unavailable. */
const REFRESH_TIMEOUT_MS = 5_000;

let processRegistry: client.Registry | null = null;
function processMetrics(): client.Registry {
  if (!processRegistry) {
    processRegistry = new client.Registry();
    client.collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export interface AppMetrics {
  readonly registry: client.Registry;
  readonly contentType: string;
  /** Counts an HTTP request under its route pattern. */
  observeRequest(method: string, route: string | undefined, status: number, seconds: number): void;
  observeSweep(name: string, outcome: 'ok' | 'failed', seconds: number): void;
  observeJob(name: string, outcome: 'done' | 'failed' | 'retried', seconds: number): void;
  /** Adds what one outbox run did (sent, retried, failed, undeliverable, uncertain, recovered). */
  observeDeliveries(report: Readonly<Record<string, number>>): void;
  /** The database-backed figures come from these (set by the composition root). */
  setQueueSources(sources: QueueSources): void;
  /** The text exposition format, with the database figures refreshed. */
  render(): Promise<string>;
}

export function createMetrics(pool: pg.Pool): AppMetrics {
  const registry = new client.Registry();
  const registers = [registry];

  const requests = new client.Counter({
    name: 'ocop_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const durations = new client.Histogram({
    name: 'ocop_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });

  const poolOptions = (pool as unknown as { options?: { max?: number } }).options;
  new client.Gauge({
    name: 'ocop_db_pool_clients',
    help: "Connections of the app's database pool, by state (idle, busy).",
    labelNames: ['state'] as const,
    registers,
    collect() {
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'busy' }, pool.totalCount - pool.idleCount);
    },
  });
  new client.Gauge({
    name: 'ocop_db_pool_waiting',
    help: 'Queries waiting for a free connection of the pool.',
    registers,
    collect() {
      this.set(pool.waitingCount);
    },
  });
  new client.Gauge({
    name: 'ocop_db_pool_max',
    help: 'Largest number of connections the pool opens.',
    registers,
    collect() {
      this.set(poolOptions?.max ?? 10);
    },
  });

  const sweepRuns = new client.Counter({
    name: 'ocop_sweep_runs_total',
    help: 'Runs of the periodic sweeps (notices, jobs, business-plans.forwarding-overdue), by outcome.',
    labelNames: ['sweep', 'outcome'] as const,
    registers,
  });
  const sweepDurations = new client.Histogram({
    name: 'ocop_sweep_duration_seconds',
    help: 'Time one run of a periodic sweep took.',
    labelNames: ['sweep'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers,
  });
  const jobRuns = new client.Counter({
    name: 'ocop_job_runs_total',
    help: 'Durable jobs run by this process, by job name and outcome (done, retried, failed: gave up after the last attempt).',
    labelNames: ['job', 'outcome'] as const,
    registers,
  });
  const jobDurations = new client.Histogram({
    name: 'ocop_job_duration_seconds',
    help: 'Time one durable job took, its transaction included.',
    labelNames: ['job'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
    registers,
  });

  const deliveries = new client.Counter({
    name: 'ocop_outbox_deliveries_total',
    help: 'Notice messages this process handed to a provider, by what became of them (sent, retried, failed, undeliverable, uncertain; recovered: taken back from a dead process).',
    labelNames: ['outcome'] as const,
    registers,
  });

  const jobs = new client.Gauge({ name: 'ocop_jobs', help: 'Durable jobs (scheduled_jobs) by status.', labelNames: ['status'] as const, registers });
  const jobsDue = new client.Gauge({ name: 'ocop_jobs_due', help: 'Pending durable jobs whose time has come (queue depth).', registers });
  const jobsOldest = new client.Gauge({ name: 'ocop_jobs_oldest_due_seconds', help: 'How long the oldest due job has waited (0 when none).', registers });
  const outbox = new client.Gauge({ name: 'ocop_outbox_messages', help: 'Notice messages of the outbox (notice_messages) by status.', labelNames: ['status'] as const, registers });
  const outboxDue = new client.Gauge({ name: 'ocop_outbox_due', help: 'Queued notice messages whose time has come (backlog).', registers });
  const outboxOldest = new client.Gauge({ name: 'ocop_outbox_oldest_due_seconds', help: 'How long the oldest due notice message has waited (0 when none).', registers });
  const databaseUp = new client.Gauge({
    name: 'ocop_metrics_database_up',
    help: 'Whether the last scrape could read the database figures (1) or not (0: the job and outbox figures are stale).',
    registers,
  });

  let sources: QueueSources | null = null;
  let refreshing: Promise<void> | null = null;

  async function refreshQueues(): Promise<void> {
    if (!sources) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), REFRESH_TIMEOUT_MS);
      });
      const [jobCounts, outboxCounts] = await Promise.race([Promise.all([sources.jobs(), sources.outbox()]), timeout]);
      for (const [status, n] of Object.entries(jobCounts.byStatus)) jobs.set({ status }, n);
      jobsDue.set(jobCounts.due);
      jobsOldest.set(jobCounts.oldestDueSeconds);
      for (const [status, n] of Object.entries(outboxCounts.byStatus)) outbox.set({ status }, n);
      outboxDue.set(outboxCounts.due);
      outboxOldest.set(outboxCounts.oldestDueSeconds);
      databaseUp.set(1);
    } catch {
      databaseUp.set(0);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    registry,
    contentType: registry.contentType,
    observeRequest(method, route, status, seconds) {
      const labels = { method: METHODS.has(method) ? method : 'OTHER', route: route ?? 'unmatched' };
      requests.inc({ ...labels, status: String(status) });
      durations.observe(labels, seconds);
    },
    observeSweep(name, outcome, seconds) {
      sweepRuns.inc({ sweep: name, outcome });
      sweepDurations.observe({ sweep: name }, seconds);
    },
    observeJob(name, outcome, seconds) {
      jobRuns.inc({ job: name, outcome });
      jobDurations.observe({ job: name }, seconds);
    },
    observeDeliveries(report) {
      for (const [outcome, n] of Object.entries(report)) if (n > 0) deliveries.inc({ outcome }, n);
    },
    setQueueSources(next) {
      sources = next;
    },
    async render() {
      // Scrapes arriving together share one refresh instead of each querying the database.
      refreshing ??= refreshQueues().finally(() => {
        refreshing = null;
      });
      await refreshing;
      return client.Registry.merge([processMetrics(), registry]).metrics();
    },
  };
}

/** Counts every answered request of the app under its route pattern. */
export function installRequestMetrics(app: FastifyInstance, metrics: AppMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
  });
}

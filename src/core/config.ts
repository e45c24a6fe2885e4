import path from 'node:path';

export interface Config {
  /** A PostgreSQL URL; absent means the embedded database (PGlite in a child process). */
  databaseUrl: string | null;
  /** Where the embedded database keeps its files. */
  embeddedDataDir: string;
  /** Root of the uploaded-file store (dossier evidence): one file per content, named by its SHA-256. */
  filesDir: string;
  host: string;
  port: number;
  /** Demo mode seeds demo data and lets the demo accounts log in. */
  demoMode: boolean;
  /** Cookies get the Secure flag when the app is served over HTTPS (behind a proxy). */
  secureCookies: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  /** The public site's address as printed in QR codes and open-data links, without a trailing slash. */
  publicBaseUrl: string;
  /** One JSON log line per request (LOG_REQUESTS=1); errors, start-up and shutdown are always logged. */
  logRequests: boolean;
  /** Bearer token that opens GET /metrics on the main listener; null keeps it closed there. */
  metricsToken: string | null;
  /** A separate listener for GET /metrics only (not behind the public proxy); null for none. */
  metricsPort: number | null;
  metricsHost: string;
  /** How long SIGTERM waits for in-flight requests and the current job before giving up (exit 1). */
  shutdownTimeoutMs: number;
  /** Bytes of files one dossier may hold (distinct contents); OCOP_DOSSIER_FILES_QUOTA_MB, 100 MB. */
  dossierFilesQuotaBytes: number;
  /** Bytes of files all the dossiers of one producer may hold; OCOP_PRODUCER_FILES_QUOTA_MB, 500 MB. */
  producerFilesQuotaBytes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const demoFlag = env.OCOP_DEMO?.trim();
  const port = Number(env.PORT ?? 3000);
  return {
    databaseUrl,
    embeddedDataDir: path.resolve(env.OCOP_DATA_DIR ?? 'data/db'),
    filesDir: path.resolve(env.OCOP_FILES_DIR ?? 'data/files'),
    host: env.HOST ?? '127.0.0.1',
    port,
    // The embedded mode is the try-it-out mode, so it is a demo unless told otherwise.
    demoMode: demoFlag ? demoFlag === '1' || demoFlag === 'true' : databaseUrl === null,
    secureCookies: env.OCOP_SECURE_COOKIES === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimitBytes: Number(env.OCOP_BODY_LIMIT ?? 1024 * 1024),
    publicBaseUrl: (env.PUBLIC_BASE_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, ''),
    logRequests: env.LOG_REQUESTS === '1',
    metricsToken: env.OCOP_METRICS_TOKEN?.trim() || null,
    metricsPort: env.OCOP_METRICS_PORT?.trim() ? Number(env.OCOP_METRICS_PORT) : null,
    metricsHost: env.OCOP_METRICS_HOST?.trim() || '127.0.0.1',
    shutdownTimeoutMs: Number(env.OCOP_SHUTDOWN_TIMEOUT_MS ?? 25_000),
    dossierFilesQuotaBytes: Number(env.OCOP_DOSSIER_FILES_QUOTA_MB ?? 100) * 1024 * 1024,
    producerFilesQuotaBytes: Number(env.OCOP_PRODUCER_FILES_QUOTA_MB ?? 500) * 1024 * 1024,
  };
}

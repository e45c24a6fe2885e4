/**
 * What every part of `npm run bench` shares: a database of its own on the PostgreSQL server (created,
 * handed to the part, dropped), percentiles, timing a call after a warm-up, and running a part alone.
 */
import pg from 'pg';

/**
 * Creates `ocop_bench_<part>_<pid>` on the server at `serverUrl`, runs `measure` with its label and
 * address, and drops it (kept with BENCH_KEEP=1). A server that does not answer skips the part.
 */
export async function onOwnServerDatabase(serverUrl: string, part: string, measure: (label: string, url: string) => Promise<void>): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch {
    console.log(`\n(PostgreSQL at ${serverUrl} does not answer: ${part} figures skipped)`);
    return;
  }
  const name = `ocop_bench_${part}_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await measure(`PostgreSQL server (${url.host})`, url.toString());
  } finally {
    if (process.env.BENCH_KEEP) console.log(`(kept database ${name})`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** Milliseconds of `runs` calls of `run`, after `warmUp` calls not counted; one at a time. */
export async function timeRuns(run: () => Promise<unknown>, runs: number, warmUp: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs + warmUp; i++) {
    const t0 = performance.now();
    await run();
    if (i >= warmUp) times.push(performance.now() - t0);
  }
  return times;
}

/** `npx tsx bench/<part>.ts` runs that part alone against DATABASE_URL (default: this machine's server). */
export function runAloneIfMain(moduleUrl: string, part: (serverUrl: string) => Promise<void>): void {
  if (moduleUrl !== `file://${process.argv[1]}`) return;
  part(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test').catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

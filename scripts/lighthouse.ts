/**
 * Lighthouse on the public pages (issue 6: performance, accessibility, best practices and SEO ≥ 95 on a
 * phone on a slow network). Starts the app on a fresh in-memory embedded database with a few certified
 * products, launches Debian's chromium headless, and runs Lighthouse's defaults: mobile emulation
 * (Moto G Power screen, 4× CPU slowdown) and simulated slow-4G throttling (150 ms RTT, 1.6 Mbit/s).
 *
 *   npx tsx scripts/lighthouse.ts            prints the scores and transfer sizes
 *   npx tsx scripts/lighthouse.ts --strict   exits 1 when any score of a page that exists is below 95
 *   LIGHTHOUSE_JSON=dir                       also writes each page's full report (JSON) into dir
 *   LIGHTHOUSE_PAGES=home,verification        only these pages (home, search, product, verification, statistics)
 *   npx tsx scripts/lighthouse.ts --3g       Lighthouse's "regular 3G" profile instead (300 ms RTT, 700 kbit/s,
 *                                            4× CPU slowdown): the issue's "first render within 1 s on 3G"
 *
 * Pages that answer 404 (not built yet) are reported as missing, not measured.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import pg from 'pg';
import { loadConfig } from '../src/core/config.ts';
import type { Database } from '../src/core/db/database.ts';
import { startEmbeddedDatabase } from '../src/core/db/embedded.ts';
import { systemClock } from '../src/core/clock/index.ts';
import { buildApp, prepareDatabase } from '../src/server.ts';
import { createCertifiedProduct } from '../tests/support/certificates.ts';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const strict = process.argv.includes('--strict');
const on3g = process.argv.includes('--3g');
/** Lighthouse's mobileRegular3G constants (lighthouse/core/config/constants.js). */
const REGULAR_3G = { rttMs: 300, throughputKbps: 700, requestLatencyMs: 300 * 3.75, downloadThroughputKbps: 700 * 0.9, uploadThroughputKbps: 700 * 0.9, cpuSlowdownMultiplier: 4 };
const THRESHOLD = 95;
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function launchChromium(): Promise<{ port: number; process: ChildProcess; profile: string }> {
  const port = await freePort();
  const profile = mkdtempSync(path.join(tmpdir(), 'ocop-lighthouse-'));
  const child = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--no-sandbox',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/json/version`);
      if (response.ok) return { port, process: child, profile };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`chromium (${CHROMIUM}) did not open its debugging port; apt-get install -y chromium`);
}

async function main() {
  const embedded = await startEmbeddedDatabase({ dataDir: 'memory://' });
  const pool = new pg.Pool({ connectionString: embedded.url, max: 5 });
  const db: Database = { mode: 'postgres', pool, url: embedded.url, close: () => pool.end() };
  let chromium: Awaited<ReturnType<typeof launchChromium>> | null = null;
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  let failed = false;
  try {
    await prepareDatabase(db, systemClock);
    const products = [];
    for (const [name, stars] of [['Gạo Séng Cù Mường Than', 4], ['Ruốc cá lăng Than Uyên', 3], ['Chè Shan tuyết Tả Lèng', 5]] as const) {
      products.push(await createCertifiedProduct(db, { productName: name, stars, gtin: stars === 5 ? '8934567890128' : null }));
    }
    // The public address is the one Lighthouse opens, so canonical links and QR codes point at this app.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    app = await buildApp({ config: { ...loadConfig({}), databaseUrl: embedded.url, demoMode: false, publicBaseUrl: base }, db, clock: systemClock });
    await app.listen({ port, host: '127.0.0.1' });
    const pages = [
      { name: 'home', path: '/' },
      { name: 'search', path: '/san-pham?q=gao%20seng%20cu' },
      { name: 'product', path: `/san-pham/${products[0]!.productId}` },
      { name: 'verification', path: `/xac-minh/${products[0]!.certificate.publicToken}` },
      { name: 'statistics', path: '/thong-ke' },
    ];
    chromium = await launchChromium();
    const rows: string[] = [];
    let version = '';
    const only = process.env.LIGHTHOUSE_PAGES?.split(',');
    for (const page of pages.filter((candidate) => !only || only.includes(candidate.name))) {
      const probe = await fetch(`${base}${page.path}`, { redirect: 'follow', headers: { 'user-agent': 'ocop-lighthouse-probe' } });
      if (!probe.ok) {
        rows.push(`| ${page.name} | ${page.path} | missing (HTTP ${probe.status}) | | | | | |`);
        continue;
      }
      // Measure the canonical address (a product id alone redirects to id-and-name), as links and QR codes give it.
      const url = probe.url;
      const result = await lighthouse(url, {
        port: chromium.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...categories],
        ...(on3g ? { throttlingMethod: 'simulate' as const, throttling: REGULAR_3G } : {}),
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      version = lhr.lighthouseVersion;
      if (process.env.LIGHTHOUSE_JSON) {
        mkdirSync(process.env.LIGHTHOUSE_JSON, { recursive: true });
        writeFileSync(path.join(process.env.LIGHTHOUSE_JSON, `${page.name}.json`), JSON.stringify(lhr, null, 1));
      }
      const scores = categories.map((category) => Math.round((lhr.categories[category]?.score ?? 0) * 100));
      if (scores.some((score) => score < THRESHOLD)) failed = true;
      const bytes = lhr.audits['total-byte-weight']?.numericValue ?? 0;
      const documentBytes =
        (lhr.audits['network-requests']?.details as { items?: Array<{ url: string; transferSize?: number }> } | undefined)?.items?.find((item) => item.url === lhr.finalDisplayedUrl)?.transferSize ?? 0;
      const fcp = lhr.audits['first-contentful-paint']?.numericValue ?? 0;
      const lcp = lhr.audits['largest-contentful-paint']?.numericValue ?? 0;
      rows.push(
        `| ${page.name} | ${page.path.length > 40 ? `${page.path.slice(0, 37)}…` : page.path} | ${scores.join(' | ')} | ${(bytes / 1024).toFixed(1)} KB (HTML ${(documentBytes / 1024).toFixed(1)} KB) | ${(fcp / 1000).toFixed(2)} / ${(lcp / 1000).toFixed(2)} s |`,
      );
      const below = categories.flatMap((category) =>
        (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${category}: ${ref.id} (${lhr.audits[ref.id]?.score})`),
      );
      if (below.length > 0) console.log(`${page.name}: audits not passed: ${below.join(', ')}`);
    }
    console.log(`\n# Lighthouse ${version} — mobile, simulated ${on3g ? 'regular 3G (300 ms RTT, 700 kbit/s)' : 'slow 4G (defaults)'}\n`);
    console.log('| page | path | performance | accessibility | best practices | SEO | transferred | FCP / LCP |');
    console.log('|---|---|---:|---:|---:|---:|---:|---:|');
    for (const row of rows) console.log(row);
  } finally {
    if (chromium) {
      const exited = new Promise((resolve) => chromium!.process.once('exit', resolve));
      chromium.process.kill();
      await exited;
      rmSync(chromium.profile, { recursive: true, force: true });
    }
    await app?.close();
    await pool.end();
    await embedded.stop();
  }
  if (strict && failed) {
    console.error(`\nAt least one score is below ${THRESHOLD}.`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

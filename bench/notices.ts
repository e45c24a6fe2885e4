/**
 * The outbox (issue 14) at the size of a national reminder wave: 20,000 producers with a mobile number
 * and an e-mail told in one go (the re-evaluation windows of a year's certificates opening together),
 * then delivered by SMS through the eSMS stand-in and by e-mail through a local SMTP server (the tests'
 * own, tests/support/notice-providers.ts). Figures: notices written per second by notify() (in-app row,
 * outbox rows, preferences, channel and template lookups) against a bare INSERT of the same outbox rows;
 * messages delivered per second against bare sequential HTTP requests / SMTP sends to the same servers.
 *
 *   npx tsx bench/notices.ts          (this part alone; DATABASE_URL selects the server)
 *   BENCH_NOTICE_PRODUCERS=20000 BENCH_NOTICE_SENDS=2000
 */
import nodemailer from 'nodemailer';
import pg from 'pg';
import { createFixedClock, systemClock } from '../src/core/clock/index.ts';
import { loadConfig } from '../src/core/config.ts';
import { withTransaction, type Database } from '../src/core/db/database.ts';
import { sealSecret } from '../src/core/secrets.ts';
import { deliverOutbox, notify } from '../src/features/notifications/index.ts';
import { insertUser } from '../src/features/users/index.ts';
import { prepareDatabase } from '../src/server.ts';
import { startEsmsStandIn, startSmtpServer } from '../tests/support/notice-providers.ts';
import { onOwnServerDatabase, runAloneIfMain } from './support.ts';

const PROVINCE = '12';
const COMMUNE = '03595';
const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000).toLocaleString('vi-VN');

async function benchNotices(label: string, url: string, producers: number, sends: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => {});
  const db: Database = { mode: 'postgres', pool, url, close: () => pool.end() };
  await prepareDatabase(db, systemClock);
  const [esms, smtp] = await Promise.all([startEsmsStandIn(), startSmtpServer()]);
  try {
    const admin = await insertUser(pool, {
      username: `bench_notices_${process.pid}`, displayName: 'Bench', email: null, passwordHash: 'x', role: 'system_admin',
      provinceCode: null, communeCode: null, producerId: null, locale: 'vi', mustChangePassword: false, isDemo: false, now: new Date(),
    });
    const ids = (
      await pool.query<{ id: string }>(
        `INSERT INTO producers (name, normalized_name, legal_form, province_code, commune_code, phone, email, created_at, updated_at)
         SELECT 'Hộ ' || n, 'ho ' || n, 'household', $2, $3, '09' || lpad(n::text, 8, '0'), 'ho' || n || '@example.vn', now(), now()
           FROM generate_series(1, $1) n RETURNING id`,
        [producers, PROVINCE, COMMUNE],
      )
    ).rows.map((row) => row.id);
    const now = new Date();
    // SMS and e-mail switched on for the province; Zalo left unconfigured (its messages are held).
    await pool.query(
      `INSERT INTO notice_channels (province_code, channel, enabled, settings, sealed_secret, per_minute, updated_at, updated_by)
       VALUES ($1, 'sms', true, $2, $3, 100000, now(), $5), ($1, 'email', true, $4, NULL, 100000, now(), $5)`,
      [
        PROVINCE,
        JSON.stringify({ baseUrl: esms.url, apiKey: 'test-api-key', brandname: 'OCOP96' }),
        await sealSecret(pool, 'test-secret'),
        JSON.stringify({ host: '127.0.0.1', port: smtp.port, from: 'ocop@laichau.gov.vn' }),
        admin,
      ],
    );

    // 1. Writing: one notice per producer, in transactions of 100 (as a reminder job would).
    let started = performance.now();
    for (let i = 0; i < ids.length; i += 100) {
      await withTransaction(db, async (tx) => {
        for (const producerId of ids.slice(i, i + 100)) {
          await notify(tx, [{ producerId }], {
            kind: 'certificate.re_evaluation_window_opens',
            title: 'Đến hạn nộp hồ sơ đánh giá lại',
            link: '/admin/certificates/x',
            dedupeKey: `bench:${producerId}`,
            fields: { product: 'Gạo Séng Cù', number: 'OCOP-12-2024-0001', expiresOn: '01/06/2027', closesOn: '01/02/2027' },
          }, now);
        }
      });
    }
    const writeMs = performance.now() - started;
    const messages = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM notice_messages WHERE dedupe_key LIKE 'bench:%'`)).rows[0]!.n);

    // The floor of writing: the same rows in one set-based INSERT, rolled back.
    const client = await pool.connect();
    started = performance.now();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO notice_messages (kind, dedupe_key, province_code, subject_kind, subject_id, recipient_name, channel, address, locale, subject, body, sms, params, status, next_attempt_at, created_at, updated_at)
         SELECT kind, 'bare:' || dedupe_key, province_code, subject_kind, subject_id, recipient_name, channel, address, locale, subject, body, sms, params, status, now(), now(), now()
           FROM notice_messages WHERE dedupe_key LIKE 'bench:%'`,
      );
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    const bareWriteMs = performance.now() - started;

    // 2. Delivering a slice: `sends` SMS and `sends / 4` e-mails (the rest stays queued).
    // Ahead of the database's now(), so every row made due below is due for the delivery runs.
    const clock = createFixedClock(new Date(Date.now() + 10 * 60_000));
    const ctx = { config: { ...loadConfig({}), databaseUrl: url }, db, clock };
    await pool.query(`UPDATE notice_messages SET next_attempt_at = now() + interval '1 day' WHERE dedupe_key LIKE 'bench:%' AND status = 'queued'`);
    await pool.query(
      `UPDATE notice_messages SET next_attempt_at = now() WHERE id IN (SELECT id FROM notice_messages WHERE dedupe_key LIKE 'bench:%' AND channel = 'sms' AND status = 'queued' LIMIT $1)`,
      [sends],
    );
    started = performance.now();
    const smsReport = await deliverOutbox(ctx, { limit: sends });
    const smsMs = performance.now() - started;
    const mails = Math.max(1, Math.floor(sends / 4));
    await pool.query(
      `UPDATE notice_messages SET next_attempt_at = now() WHERE id IN (SELECT id FROM notice_messages WHERE dedupe_key LIKE 'bench:%' AND channel = 'email' AND status = 'queued' LIMIT $1)`,
      [mails],
    );
    started = performance.now();
    const mailReport = await deliverOutbox(ctx, { limit: mails });
    const mailMs = performance.now() - started;

    // The floor of delivering: the same requests sent straight to the same servers, one after another.
    started = performance.now();
    for (let i = 0; i < sends; i++) {
      await fetch(`${esms.url}/MainService.svc/json/SendMultipleMessage_V4_post_json/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ApiKey: 'test-api-key', SecretKey: 'test-secret', Brandname: 'OCOP96', Phone: '0912345678', Content: 'OCOP bench', RequestId: `bare-${i}` }),
      }).then((response) => response.text());
    }
    const bareSmsMs = performance.now() - started;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, pool: true, maxConnections: 2 });
    started = performance.now();
    for (let i = 0; i < mails; i++) await transport.sendMail({ from: 'ocop@laichau.gov.vn', to: 'ho@example.vn', subject: 'OCOP bench', text: 'bench' });
    const bareMailMs = performance.now() - started;
    transport.close();

    console.log(`\n## Notices (outbox) — ${label}`);
    console.log('| step | count | ms | per second | note |');
    console.log('|---|---:|---:|---:|---|');
    console.log(`| notify(): in-app + outbox rows for ${producers.toLocaleString('vi-VN')} producers | ${messages.toLocaleString('vi-VN')} messages | ${writeMs.toFixed(0)} | ${perSecond(producers, writeMs)} notices | ${(writeMs / bareWriteMs).toFixed(1)} × a bare INSERT of the rows (${bareWriteMs.toFixed(0)} ms) |`);
    console.log(`| deliver SMS (eSMS stand-in, claim + send + record) | ${smsReport.sent} | ${smsMs.toFixed(0)} | ${perSecond(smsReport.sent, smsMs)} | bare HTTP: ${perSecond(sends, bareSmsMs)}/s (${(smsMs / bareSmsMs).toFixed(1)} ×) |`);
    console.log(`| deliver e-mail (local SMTP, pooled connections per run) | ${mailReport.sent} | ${mailMs.toFixed(0)} | ${perSecond(mailReport.sent, mailMs)} | bare pooled nodemailer: ${perSecond(mails, bareMailMs)}/s (${(mailMs / bareMailMs).toFixed(1)} ×) |`);
  } finally {
    await Promise.all([esms.close(), smtp.close()]);
    await pool.end();
  }
}

export async function benchNoticesOnServer(
  serverUrl: string,
  producers = Number(process.env.BENCH_NOTICE_PRODUCERS ?? 20_000),
  sends = Number(process.env.BENCH_NOTICE_SENDS ?? 2_000),
): Promise<void> {
  await onOwnServerDatabase(serverUrl, 'notices', (label, url) => benchNotices(label, url, producers, sends));
}

runAloneIfMain(import.meta.url, (serverUrl) => benchNoticesOnServer(serverUrl));

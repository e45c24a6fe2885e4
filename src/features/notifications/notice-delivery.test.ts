import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { createFixedClock, type FixedClock } from '../../core/clock/index.ts';
import { withTransaction } from '../../core/db/database.ts';
import type { AppContext } from '../../core/http/types.ts';
import { CURRENT_UNITS_VERSION } from '../admin-units/index.ts';
import { startEsmsStandIn, startSmtpServer, startZnsStandIn, type StandIn, type TestSmtp } from '../../../tests/support/notice-providers.ts';
import { assertEveryRouteNeedsSession, createProducerRecord, createTestApp, signInAs, unique, type Client, type TestApp } from '../../../tests/support/test-app.ts';
import { deliverOutbox, MAX_SEND_ATTEMPTS } from './deliver-outbox.ts';
import { notify, type Notice, type Recipient } from './notify.ts';

// Channels are configured per province (never globally) so that no other test file's notices are sent;
// each delivery run is limited to the provinces of this file.
const CA_MAU = '96';
const AN_GIANG = '91';
const CAN_THO = '92';
const TAY_NINH = '80';

interface Message {
  id: string;
  channel: string;
  status: string;
  statusReason: string | null;
  attempts: number;
  address: string | null;
  providerAnswer: string | null;
  idempotencyKey: string;
  nextAttemptAt: Date;
  subjectKind: string;
}

describe('notices by e-mail, Zalo and SMS', () => {
  let t: TestApp;
  let clock: FixedClock;
  let ctx: AppContext;
  let smtp: TestSmtp;
  let esms: StandIn;
  let zns: StandIn;
  let admin: Client;
  let caMau: Client;
  const communes = new Map<string, string>();

  const messagesOf = async (dedupeKey: string) =>
    (
      await t.db.pool.query<Message>(
        `SELECT id, channel, status, status_reason AS "statusReason", attempts, address, provider_answer AS "providerAnswer",
                idempotency_key AS "idempotencyKey", next_attempt_at AS "nextAttemptAt", subject_kind AS "subjectKind"
           FROM notice_messages WHERE dedupe_key = $1 ORDER BY channel, created_at`,
        [dedupeKey],
      )
    ).rows;
  const send = (recipients: Recipient[], notice: Partial<Notice> & { dedupeKey: string }) =>
    withTransaction(t.db, (tx) => notify(tx, recipients, { kind: 'test', title: 'Thông báo thử', body: 'Nội dung', link: '/admin/', ...notice }, clock.now()));
  const deliver = (provinces: string[], at: AppContext = ctx) => deliverOutbox(at, { provinceCodes: provinces });
  const producerWith = async (province: string, contact: { phone?: string | null; email?: string | null }) => {
    const producerId = await createProducerRecord(t.db, { provinceCode: province, communeCode: communes.get(province)! }, `Hộ kinh doanh ${unique()}`);
    await t.db.pool.query('UPDATE producers SET phone = $2, email = $3 WHERE id = $1', [producerId, contact.phone ?? null, contact.email ?? null]);
    return producerId;
  };
  const configure = async (client: Client, scope: string, channel: string, body: Record<string, unknown>) => {
    const current = (await client.request('GET', `/api/notice-channels/${scope}`)).json().items.find((c: { channel: string }) => c.channel === channel);
    const saved = await client.request('PUT', `/api/notice-channels/${scope}/${channel}`, { version: current.version, enabled: true, perMinute: 600, ...body });
    assert.equal(saved.statusCode, 200, saved.body);
    return saved;
  };
  const smsSettings = () => ({ settings: { baseUrl: esms.url, apiKey: 'test-api-key', brandname: 'OCOP96', timeoutMs: 300 }, secret: 'test-secret' });

  before(async () => {
    clock = createFixedClock('2026-12-04T02:00:00.000Z');
    t = await createTestApp({ clock });
    ctx = { config: t.config, db: t.db, clock };
    [smtp, esms, zns] = await Promise.all([startSmtpServer({ username: 'ocop96', password: 'smtp-pass-96' }), startEsmsStandIn(), startZnsStandIn()]);
    for (const province of [CA_MAU, AN_GIANG, CAN_THO, TAY_NINH]) {
      const { rows } = await t.db.pool.query<{ code: string }>(`SELECT code FROM admin_units WHERE version_id = $1 AND level = 'commune' AND province_code = $2 ORDER BY code LIMIT 1`, [CURRENT_UNITS_VERSION, province]);
      communes.set(province, rows[0]!.code);
    }
    admin = await signInAs(t, { role: 'system_admin' });
    caMau = await signInAs(t, { role: 'province_office', provinceCode: CA_MAU });
    await configure(caMau, CA_MAU, 'email', {
      settings: { host: '127.0.0.1', port: smtp.port, username: 'ocop96', from: 'ocop@camau.gov.vn', fromName: 'Văn phòng Điều phối OCOP tỉnh Cà Mau', replyTo: 'vpdp.ocop@camau.gov.vn', timeoutMs: 2000 },
      secret: 'smtp-pass-96',
    });
    await configure(caMau, CA_MAU, 'sms', smsSettings());
    await configure(caMau, CA_MAU, 'zalo', { settings: { baseUrl: zns.url, templates: { 'certificate.re_evaluation_window_opens': '312345' }, timeoutMs: 300 }, secret: 'test-zalo-token' });
  });
  after(async () => {
    await Promise.all([smtp.close(), esms.close(), zns.close()]);
    await t.close();
  });

  test('without a session every notice route answers 401; roles are kept to their own', async () => {
    await assertEveryRouteNeedsSession(t.app, [
      ['GET', '/api/me/notice-settings'],
      ['PUT', '/api/me/notice-settings', { email: null, phone: null, channels: [], optedOutKinds: [] }],
      ['GET', '/api/me/deliveries'],
      ['GET', '/api/notice-channels/global'],
      ['PUT', '/api/notice-channels/96/email', { version: 0, enabled: false, perMinute: 60 }],
      ['GET', '/api/provinces/96/notice-templates'],
      ['PUT', '/api/provinces/96/notice-templates/dossier.submitted/vi', { subject: 'a', body: 'b', sms: 'c' }],
      ['DELETE', '/api/provinces/96/notice-templates/dossier.submitted/vi'],
      ['GET', '/api/outbox'],
      ['POST', '/api/outbox/8d2e6f0a-3a51-4c1b-9d1e-1f0c2b3a4d5e/resend'],
      ['GET', '/api/notices/unreachable-producers'],
    ]);
    const commune = await signInAs(t, { role: 'commune_officer', provinceCode: CA_MAU, communeCode: communes.get(CA_MAU)! });
    const otherProvince = await signInAs(t, { role: 'province_office', provinceCode: CAN_THO });
    assert.equal((await caMau.request('GET', '/api/notice-channels/global')).statusCode, 403, 'only the system administrator keeps the global channels');
    assert.equal((await otherProvince.request('GET', `/api/notice-channels/${CA_MAU}`)).statusCode, 403);
    assert.equal((await commune.request('GET', `/api/notice-channels/${CA_MAU}`)).statusCode, 403);
    assert.equal((await commune.request('GET', '/api/outbox')).statusCode, 403);
    assert.equal((await otherProvince.request('GET', `/api/provinces/${CA_MAU}/notice-templates`)).statusCode, 403);
    assert.equal((await commune.request('GET', '/api/notices/unreachable-producers')).statusCode, 200);
    assert.equal((await admin.request('GET', '/api/notice-channels/global')).statusCode, 200);
    assert.equal((await admin.request('GET', `/api/notice-channels/${CA_MAU}`)).statusCode, 200, 'the administrator may help a province');
  });

  test('channel settings: every problem at once, secrets never shown back, a stale version refused', async () => {
    const listed = await caMau.request('GET', `/api/notice-channels/${CA_MAU}`);
    assert.equal(listed.statusCode, 200);
    for (const secret of ['smtp-pass-96', 'test-secret', 'test-zalo-token']) assert.ok(!listed.body.includes(secret), `the secret ${secret} is not shown`);
    const email = listed.json().items.find((c: { channel: string }) => c.channel === 'email');
    assert.equal(email.hasSecret, true);
    assert.equal(email.settings.from, 'ocop@camau.gov.vn');

    const bad = await caMau.request('PUT', `/api/notice-channels/${CA_MAU}/email`, { version: email.version, enabled: true, perMinute: 60, settings: { host: '', port: 99999, from: 'không phải e-mail', replyTo: 'x@' } });
    assert.equal(bad.statusCode, 400);
    const paths = bad.json().error.details.issues.map((issue: { path: string }) => issue.path).sort();
    assert.ok(paths.includes('settings.host') && paths.includes('settings.port') && paths.includes('settings.from') && paths.includes('settings.replyTo'), bad.body);
    const zalo = await caMau.request('PUT', `/api/notice-channels/${CA_MAU}/zalo`, { version: 1, enabled: true, perMinute: 60, settings: { baseUrl: 'ftp://x', templates: { 'no.such.kind': '1' } } });
    assert.equal(zalo.statusCode, 400);
    assert.deepEqual(zalo.json().error.details.issues.map((issue: { path: string }) => issue.path).sort(), ['settings.baseUrl', 'settings.templates.no.such.kind']);
    const stale = await caMau.request('PUT', `/api/notice-channels/${CA_MAU}/email`, { version: email.version - 1, enabled: false, perMinute: 60 });
    assert.equal(stale.statusCode, 409);
    const audit = await t.db.pool.query<{ after: unknown }>(`SELECT after FROM audit_events WHERE action = 'notice_channel.saved' AND after::text LIKE $1`, ['%"provinceCode": "96"%']);
    assert.ok(audit.rows.length >= 3);
    assert.ok(!JSON.stringify(audit.rows).includes('smtp-pass-96'), 'the audit log holds no secret');
    const stored = await t.db.pool.query<{ sealed: string }>(`SELECT sealed_secret AS sealed FROM notice_channels WHERE province_code = $1 AND channel = 'email'`, [CA_MAU]);
    assert.ok(stored.rows[0]!.sealed.startsWith('v1:') && !stored.rows[0]!.sealed.includes('smtp-pass-96'), 'sealed at rest');
  });

  test('e-mail through the province’s SMTP server: UTF-8 subject, From and Reply-To, Message-ID, full link', async () => {
    const producerId = await producerWith(CA_MAU, { email: 'ho.nguyen@example.vn' });
    const account = await signInAs(t, { role: 'producer', producerId });
    const key = unique('mail');
    const before = smtp.messages.length;
    await send([{ producerId }], {
      kind: 'certificate.re_evaluation_window_opens',
      title: 'Đến hạn nộp hồ sơ đánh giá lại',
      link: '/admin/certificates/abc',
      dedupeKey: key,
      fields: { product: 'Mắm ba khía Rạch Gốc', number: '12/2023/OCOP-CM', expiresOn: '01/06/2027', closesOn: '01/02/2027' },
    });
    const report = await deliver([CA_MAU]);
    assert.ok(report.sent >= 1, JSON.stringify(report));
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    assert.ok(mail, 'the test SMTP server received the message');
    assert.equal(mail.subject, 'Đến hạn nộp hồ sơ đánh giá lại: Mắm ba khía Rạch Gốc');
    assert.deepEqual(mail.from?.value, [{ address: 'ocop@camau.gov.vn', name: 'Văn phòng Điều phối OCOP tỉnh Cà Mau' }]);
    assert.equal(mail.replyTo?.value[0]?.address, 'vpdp.ocop@camau.gov.vn');
    assert.equal(smtp.recipients.at(-1)?.[0], 'ho.nguyen@example.vn');
    assert.match(mail.text ?? '', /hết hạn ngày 01\/06\/2027/);
    assert.ok((mail.text ?? '').includes(`${t.config.publicBaseUrl}/admin/certificates/abc`), mail.text);
    const rows = await messagesOf(key);
    const sent = rows.find((row) => row.channel === 'email')!;
    assert.equal(sent.status, 'sent');
    assert.equal(mail.messageId, `<${sent.idempotencyKey}@ocop-hub>`);

    // The producer sees what was sent to it (its record's own contact included).
    const mine = await account.request('GET', '/api/me/deliveries');
    assert.equal(mine.statusCode, 200, mine.body);
    assert.ok(mine.json().items.some((item: { id: string; status: string }) => item.id === sent.id && item.status === 'sent'));
    // Nothing is sent twice: another run finds nothing of this notice to send, and notifying again writes nothing.
    await send([{ producerId }], { kind: 'certificate.re_evaluation_window_opens', dedupeKey: key });
    await deliver([CA_MAU]);
    assert.equal((await messagesOf(key)).length, rows.length);
    assert.equal(smtp.messages.filter((m) => m.messageId === mail.messageId).length, 1);
  });

  test('no channel configured: the notice stays in the app and the outbox shows what would have been sent', async () => {
    const producerId = await producerWith(TAY_NINH, { phone: '0912 345 678', email: 'htx@example.vn' });
    const key = unique('held');
    await send([{ producerId }], { title: 'Kết quả đánh giá', dedupeKey: key });
    const rows = await messagesOf(key);
    assert.deepEqual(rows.map((row) => [row.channel, row.status]), [['email', 'held'], ['sms', 'held'], ['zalo', 'held']]);
    assert.equal(rows.find((row) => row.channel === 'sms')!.address, '+84912345678', 'normalised to +84');
    assert.match(rows[0]!.statusReason!, /Chưa cấu hình kênh e-mail/);
    const office = await signInAs(t, { role: 'province_office', provinceCode: TAY_NINH });
    const outbox = await office.request('GET', '/api/outbox?status=held');
    assert.equal(outbox.statusCode, 200, outbox.body);
    assert.ok(outbox.json().items.filter((item: { id: string }) => rows.some((row) => row.id === item.id)).length === 3);
    assert.ok(outbox.json().counts.held >= 3);
    const fromAdmin = await admin.request('GET', `/api/outbox?province=${TAY_NINH}&q=${encodeURIComponent('Kết quả')}`);
    assert.ok(fromAdmin.json().items.some((item: { id: string }) => item.id === rows[0]!.id));
    assert.equal((await office.request('GET', `/api/outbox?province=${CA_MAU}`)).statusCode, 404, 'another province’s outbox is not this office’s');
  });

  test('an invalid phone is undeliverable with its reason while the e-mail still goes; the commune sees who cannot be reached', async () => {
    const producerId = await producerWith(CA_MAU, { phone: '0123', email: 'co.so.ca@example.vn' });
    const unknown = await producerWith(CA_MAU, {});
    const key = unique('bad');
    const before = smtp.messages.length;
    await send([{ producerId }, { producerId: unknown }], { dedupeKey: key });
    const rows = await messagesOf(key);
    const sms = rows.find((row) => row.channel === 'sms')!;
    assert.equal(sms.status, 'undeliverable');
    assert.match(sms.statusReason!, /không phải số di động/);
    await deliver([CA_MAU]);
    await smtp.waitFor(before + 1);
    assert.equal((await messagesOf(key)).find((row) => row.channel === 'email')!.status, 'sent');
    const commune = await signInAs(t, { role: 'commune_officer', provinceCode: CA_MAU, communeCode: communes.get(CA_MAU)! });
    const reach = (await commune.request('GET', '/api/notices/unreachable-producers')).json().items as Array<{ producerId: string; problems: string[] }>;
    assert.ok(reach.find((r) => r.producerId === unknown)?.problems.some((p) => p.includes('Chưa có số')));
    assert.ok(reach.find((r) => r.producerId === producerId)?.problems.some((p) => p.includes('không phải số di động')));
  });

  test('an account opts out of a kind; an official cannot opt out of a legal deadline', async () => {
    const producerId = await producerWith(CA_MAU, {});
    const account = await signInAs(t, { role: 'producer', producerId });
    const bad = await account.request('PUT', '/api/me/notice-settings', { email: 'sai@', phone: '12345', channels: ['email'], optedOutKinds: ['no.such'] });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().error.details.issues.map((issue: { path: string }) => issue.path).sort(), ['email', 'optedOutKinds', 'phone']);
    const saved = await account.request('PUT', '/api/me/notice-settings', { email: ' Chu.The@Example.VN ', phone: '+84 (0) 98 765 4321', channels: ['email', 'sms'], optedOutKinds: ['inspection.planned'] });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().phone, '+84987654321');
    assert.equal(saved.json().email, 'Chu.The@example.vn', 'the domain is folded, the mailbox kept as typed');
    const planned = unique('opt');
    await send([{ producerId }], { kind: 'inspection.planned', dedupeKey: planned });
    assert.deepEqual(await messagesOf(planned), [], 'opted out: no e-mail, no SMS');
    const other = unique('opt');
    await send([{ producerId }], { kind: 'inspection.recorded', dedupeKey: other });
    assert.deepEqual((await messagesOf(other)).map((row) => row.channel), ['email', 'sms'], 'Zalo switched off by the account');

    const officer = await signInAs(t, { role: 'commune_officer', provinceCode: CA_MAU, communeCode: communes.get(CA_MAU)! });
    const refused = await officer.request('PUT', '/api/me/notice-settings', { email: null, phone: '0987000111', channels: ['sms'], optedOutKinds: ['dossier.overdue'] });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /không tắt được/);
    const settings = (await officer.request('GET', '/api/me/notice-settings')).json();
    assert.equal(settings.kinds.find((k: { kind: string }) => k.kind === 'dossier.overdue').canOptOut, false);
  });

  test('SMS: a 5xx is retried with backoff, then failed after the last attempt with the provider’s answer; a timeout is retried', async () => {
    const producerId = await producerWith(CA_MAU, { phone: '0901234567' });
    const key = unique('sms');
    await send([{ producerId }], { title: 'Sắp hết hạn nộp hồ sơ', dedupeKey: key });
    esms.mode = 'server_error';
    try {
      for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
        await deliver([CA_MAU]);
        const [row] = await messagesOf(key);
        assert.equal(row!.attempts, attempt);
        if (attempt < MAX_SEND_ATTEMPTS) {
          assert.equal(row!.status, 'queued');
          assert.equal(row!.nextAttemptAt.getTime() - clock.now().getTime(), attempt * attempt * 60_000, 'attempts² minutes later');
          await deliver([CA_MAU]);
          assert.equal((await messagesOf(key))[0]!.attempts, attempt, 'not before it is due');
          clock.set(row!.nextAttemptAt);
        } else {
          assert.equal(row!.status, 'failed');
          assert.match(row!.providerAnswer!, /HTTP 500/);
        }
      }
    } finally {
      esms.mode = 'ok';
    }
    const outbox = await caMau.request('GET', '/api/outbox?status=failed&channel=sms');
    assert.ok(outbox.json().items.some((item: { id: string; providerAnswer: string }) => item.providerAnswer.includes('HTTP 500')));

    // A provider that does not answer in time: retried (eSMS drops a repeated RequestId), never blocking the act.
    const slow = unique('slow');
    esms.mode = 'timeout';
    const started = Date.now();
    try {
      const requestsBefore = esms.requests.length;
      await send([{ producerId }], { dedupeKey: slow });
      assert.ok(Date.now() - started < 200, 'writing the notice does not wait for the provider');
      assert.equal(esms.requests.length, requestsBefore, 'writing the notice calls no provider: delivery does, later');
      await deliver([CA_MAU]);
    } finally {
      esms.mode = 'ok';
    }
    const [timedOut] = await messagesOf(slow);
    assert.equal(timedOut!.status, 'queued');
    assert.match(timedOut!.providerAnswer!, /timeout/);
    clock.set(timedOut!.nextAttemptAt);
    await deliver([CA_MAU]);
    const [delivered] = await messagesOf(slow);
    assert.equal(delivered!.status, 'sent');
    assert.equal(esms.accepted.filter((body) => body.RequestId === delivered!.idempotencyKey).length, 1);
    // A person may send a failed message again: a new idempotency key.
    const failed = (await messagesOf(key))[0]!;
    const resent = await caMau.request('POST', `/api/outbox/${failed.id}/resend`);
    assert.equal(resent.statusCode, 200, resent.body);
    assert.equal(resent.json().status, 'queued');
    await deliver([CA_MAU]);
    const after = (await messagesOf(key))[0]!;
    assert.equal(after.status, 'sent');
    assert.notEqual(after.idempotencyKey, failed.idempotencyKey);
    assert.equal((await caMau.request('POST', `/api/outbox/${failed.id}/resend`)).statusCode, 409, 'a sent message is not resent');
  });

  test('Zalo ZNS: the approved template is sent; a kind without one is held; no Zalo account is undeliverable; a timeout is uncertain', async () => {
    const producerId = await producerWith(CA_MAU, { phone: '0977123456' });
    const noZalo = await producerWith(CA_MAU, { phone: '0977120000' });
    const key = unique('zns');
    await send([{ producerId }, { producerId: noZalo }], {
      kind: 'certificate.re_evaluation_window_opens',
      dedupeKey: key,
      fields: { product: 'Mật ong U Minh', number: '3/2024/OCOP', expiresOn: '01/06/2027', closesOn: '01/02/2027' },
    });
    await deliver([CA_MAU]);
    const zalo = (await messagesOf(key)).filter((row) => row.channel === 'zalo');
    assert.deepEqual(zalo.map((row) => row.status).sort(), ['sent', 'undeliverable']);
    const request = zns.requests.find((r) => r.phone === '84977123456')!;
    assert.equal(request.headers.access_token, 'test-zalo-token');
    assert.equal(request.template_id, '312345');
    assert.equal((request.template_data as Record<string, string>).product, 'Mật ong U Minh');
    assert.equal(request.tracking_id, zalo.find((row) => row.status === 'sent')!.idempotencyKey);

    const other = unique('zns');
    await send([{ producerId }], { kind: 'inspection.recorded', dedupeKey: other });
    const held = (await messagesOf(other)).find((row) => row.channel === 'zalo')!;
    assert.equal(held.status, 'held');
    assert.match(held.statusReason!, /mẫu ZNS/);

    const slow = unique('zns');
    zns.mode = 'timeout';
    try {
      await send([{ producerId }], { kind: 'certificate.re_evaluation_window_opens', dedupeKey: slow, fields: { product: 'A', number: 'B', expiresOn: 'C', closesOn: 'D' } });
      await deliver([CA_MAU]);
    } finally {
      zns.mode = 'ok';
    }
    const uncertain = (await messagesOf(slow)).find((row) => row.channel === 'zalo')!;
    assert.equal(uncertain.status, 'uncertain', 'ZNS has no idempotency key: a lost answer is not resent by itself');
  });

  test('each channel keeps its per-minute budget', async () => {
    const office = await signInAs(t, { role: 'province_office', provinceCode: CAN_THO });
    await configure(office, CAN_THO, 'sms', { ...smsSettings(), perMinute: 3 });
    const key = unique('rate');
    const producers = await Promise.all(Array.from({ length: 5 }, (_, i) => producerWith(CAN_THO, { phone: `090555000${i}` })));
    await send(producers.map((producerId) => ({ producerId })), { dedupeKey: key });
    const count = async (status: string) => (await messagesOf(key)).filter((row) => row.status === status).length;
    await deliver([CAN_THO]);
    assert.equal(await count('sent'), 3);
    clock.advance(30_000);
    await deliver([CAN_THO]);
    assert.equal(await count('sent'), 3, 'still within the same minute');
    clock.advance(31_000);
    await deliver([CAN_THO]);
    assert.equal(await count('sent'), 5);
  });

  test('templates: an unknown placeholder is refused when saved; SMS segments are counted; the province’s wording is used', async () => {
    const path = `/api/provinces/${CA_MAU}/notice-templates/dossier.returned_for_supplement/vi`;
    const bad = await caMau.request('PUT', path, { subject: 'Bổ sung {{san_pham}}', body: '{{body}}', sms: 'OCOP: {{product}} {{khong_co}}' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().error.details.issues.map((issue: { path: string }) => issue.path).sort(), ['sms', 'subject']);
    assert.match(bad.body, /san_pham/);
    const saved = await caMau.request('PUT', path, { subject: 'Hồ sơ {{product}} cần bổ sung', body: 'Kính gửi {{recipient}}: {{reasons}} {{link}}', sms: 'OCOP Cà Mau: hồ sơ {{product}} cần bổ sung. {{link}}' });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().isDefault, false);
    assert.deepEqual(saved.json().sms.plain, { encoding: 'GSM-7', units: saved.json().sms.plain.units, segments: 1, perSegment: 160 });
    assert.equal(saved.json().sms.unicode.encoding, 'UCS-2', 'with diacritics an SMS is Unicode: 70 characters a segment');
    assert.equal(saved.json().sms.unicode.perSegment, 70);
    const list = await caMau.request('GET', `/api/provinces/${CA_MAU}/notice-templates`);
    assert.ok(list.json().items.some((item: { kind: string; locale: string; isDefault: boolean }) => item.kind === 'dossier.returned_for_supplement' && item.locale === 'vi' && !item.isDefault));
    const tooLong = await caMau.request('PUT', path, { subject: 'x', body: 'y', sms: 'OCOP '.repeat(95) });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /tối đa 3 tin/);

    const producerId = await producerWith(CA_MAU, { phone: '0966111222' });
    const key = unique('tpl');
    await send([{ producerId }], { kind: 'dossier.returned_for_supplement', dedupeKey: key, link: '/admin/dossiers/x', fields: { product: 'Tôm khô Rạch Gốc', reasons: '- Thiếu phiếu kiểm nghiệm' } });
    const [sms] = (await messagesOf(key)).filter((row) => row.channel === 'sms');
    const { rows } = await t.db.pool.query<{ sms: string }>('SELECT sms FROM notice_messages WHERE id = $1', [sms!.id]);
    assert.equal(rows[0]!.sms, `OCOP Ca Mau: ho so Tom kho Rach Goc can bo sung. ${t.config.publicBaseUrl}/admin/dossiers/x`, 'without diacritics unless the province sends Unicode');
    const reset = await caMau.request('DELETE', path);
    assert.equal(reset.json().isDefault, true);
  });

  test('a crash between sending and recording never sends twice: SMS resent with the same RequestId, e-mail left uncertain', async () => {
    const office = await signInAs(t, { role: 'province_office', provinceCode: AN_GIANG });
    await configure(office, AN_GIANG, 'sms', smsSettings());
    await configure(office, AN_GIANG, 'email', { settings: { host: '127.0.0.1', port: smtp.port, username: 'ocop96', from: 'ocop@angiang.gov.vn' }, secret: 'smtp-pass-96' });
    for (const channel of ['sms', 'email'] as const) {
      const producerId = await producerWith(AN_GIANG, channel === 'sms' ? { phone: '0944555666' } : { email: `crash.${unique()}@example.vn` });
      const key = unique('crash');
      await send([{ producerId }], { dedupeKey: key });
      const mailsBefore = smtp.messages.length;
      const acceptedBefore = esms.accepted.length;
      const code = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/deliver-outbox-child.ts', 'kill', AN_GIANG], { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
        child.on('exit', (exitCode, signal) => resolve(signal === 'SIGKILL' ? -9 : exitCode));
      });
      assert.equal(code, -9, 'the child died in the crash window');
      const [dead] = await messagesOf(key);
      assert.equal(dead!.status, 'sending', 'the answer was never recorded');
      if (channel === 'sms') assert.equal(esms.accepted.length, acceptedBefore + 1);
      else assert.equal((await smtp.waitFor(mailsBefore + 1)).length, mailsBefore + 1);

      // Another process, once the dead one's lease ran out (real time: the child used the system clock).
      const later: AppContext = { ...ctx, clock: createFixedClock(new Date(Date.now() + 3 * 60_000)) };
      await deliver([AN_GIANG], later);
      await deliver([AN_GIANG], later);
      const [row] = await messagesOf(key);
      if (channel === 'sms') {
        assert.equal(row!.status, 'sent');
        assert.match(row!.providerAnswer!, /124/);
        assert.equal(esms.accepted.filter((body) => body.RequestId === row!.idempotencyKey).length, 1, 'the provider accepted it once');
      } else {
        assert.equal(row!.status, 'uncertain');
        assert.equal(smtp.messages.length, mailsBefore + 1, 'one e-mail, not two');
      }
    }
  });

  test('two app processes draining one outbox send each message once', async () => {
    const office = await signInAs(t, { role: 'province_office', provinceCode: CAN_THO });
    await configure(office, CAN_THO, 'sms', { ...smsSettings(), perMinute: 1000 });
    const key = unique('pair');
    const producers = await Promise.all(Array.from({ length: 40 }, (_, i) => producerWith(CAN_THO, { phone: `0933${String(100000 + i)}` })));
    await send(producers.map((producerId) => ({ producerId })), { dedupeKey: key });
    const requestsBefore = esms.requests.length;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        let output = '';
        const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/deliver-outbox-child.ts', 'run', CAN_THO], { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('exit', (exitCode) => (exitCode === 0 ? resolve(output) : reject(new Error(`exit ${exitCode}: ${output}`))));
      });
    const outputs = await Promise.all([run(), run()]);
    const rows = (await messagesOf(key)).filter((row) => row.channel === 'sms');
    assert.equal(rows.length, 40);
    assert.deepEqual([...new Set(rows.map((row) => row.status))], ['sent']);
    assert.equal(esms.requests.length - requestsBefore, 40, `one request per message (${outputs.join(' | ')})`);
    assert.equal(new Set(esms.accepted.map((body) => body.RequestId)).size, esms.accepted.length);
  });
});

/**
 * What notices are delivered to in tests: a real SMTP server (smtp-server) on 127.0.0.1, and small HTTP
 * servers that speak the documented APIs of the providers outside this machine — eSMS.vn's brandname SMS
 * (SendMultipleMessage_V4_post_json, CodeResult codes, RequestId de-duplication) and Zalo ZNS
 * (/message/template, access_token header, error codes). The code under test is the real adapter.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  port: number;
  messages: ParsedMail[];
  /** The envelope recipients of each message, in order. */
  recipients: string[][];
  /** Waits until at least `count` messages arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpServer(options: { username?: string; password?: string } = {}): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const recipients: string[][] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.username ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.username,
    allowInsecureAuth: true,
    logger: false,
    // No reverse DNS of 127.0.0.1 on every connection (it costs ~100 ms a message here).
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      if (auth.username === options.username && auth.password === options.password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@invalid.test')) {
        const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      } else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push(parsed);
          recipients.push(session.envelope.rcptTo.map((r) => r.address));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    recipients,
    async waitFor(count, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export type ProviderMode = 'ok' | 'server_error' | 'timeout' | 'quota';

export interface StandIn {
  url: string;
  /** Every request received, in order. */
  requests: Array<Record<string, unknown> & { headers: Record<string, string | string[] | undefined> }>;
  /** Messages the provider accepted for sending (one per RequestId for eSMS). */
  accepted: Array<Record<string, unknown>>;
  mode: ProviderMode;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closer(server: Server) {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

/** eSMS.vn: API key "test-api-key", secret "test-secret". */
export async function startEsmsStandIn(): Promise<StandIn> {
  const seen = new Map<string, string>();
  const standIn: StandIn = { url: '', requests: [], accepted: [], mode: 'ok', close: async () => {} };
  const server = createServer(async (request, response) => {
    const body = await readJson(request);
    standIn.requests.push({ ...body, headers: request.headers });
    const send = (status: number, answer: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    if (request.method !== 'POST' || request.url !== '/MainService.svc/json/SendMultipleMessage_V4_post_json/') return send(404, { error: 'Invalid request' });
    if (standIn.mode === 'timeout') return; // never answers; the adapter's timeout fires
    if (standIn.mode === 'server_error') return send(500, { error: 'Internal error' });
    if (body.ApiKey !== 'test-api-key' || body.SecretKey !== 'test-secret') return send(200, { CodeResult: '101', CountRegenerate: 0, ErrorMessage: 'Authorize Failed' });
    if (body.Brandname !== 'OCOP96') return send(200, { CodeResult: '104', CountRegenerate: 0, ErrorMessage: 'Brand name code is not exist' });
    if (standIn.mode === 'quota') return send(200, { CodeResult: '103', CountRegenerate: 0, ErrorMessage: 'Balance not enough' });
    if (typeof body.Phone !== 'string' || !/^0\d{9}$/.test(body.Phone)) return send(200, { CodeResult: '108', CountRegenerate: 0, ErrorMessage: 'Phone number is not in correct format' });
    const requestId = String(body.RequestId ?? '');
    if (requestId && seen.has(requestId)) return send(200, { CodeResult: '124', CountRegenerate: 0, ErrorMessage: 'Request exist 1', SendStatus: '5' });
    const smsId = `sms-${standIn.accepted.length + 1}`;
    if (requestId) seen.set(requestId, smsId);
    standIn.accepted.push(body);
    send(200, { CodeResult: '100', CountRegenerate: 0, SMSID: smsId });
  });
  standIn.url = await listen(server);
  standIn.close = closer(server);
  return standIn;
}

/** Zalo ZNS: access token "test-zalo-token"; phone numbers of 84 + 9 digits; "849xxxxxxx0" has no Zalo account. */
export async function startZnsStandIn(): Promise<StandIn> {
  const standIn: StandIn = { url: '', requests: [], accepted: [], mode: 'ok', close: async () => {} };
  const server = createServer(async (request, response) => {
    const body = await readJson(request);
    standIn.requests.push({ ...body, headers: request.headers });
    const send = (status: number, answer: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    if (request.method !== 'POST' || request.url !== '/message/template') return send(404, { error: -1, message: 'Not found' });
    if (standIn.mode === 'timeout') return;
    if (standIn.mode === 'server_error') return send(502, { error: -1, message: 'Bad gateway' });
    if (request.headers.access_token !== 'test-zalo-token') return send(200, { error: -124, message: 'Access token is invalid' });
    if (standIn.mode === 'quota') return send(200, { error: -144, message: 'OA has exceeded the daily quota' });
    if (typeof body.phone !== 'string' || !/^84\d{9}$/.test(body.phone)) return send(200, { error: -108, message: 'Phone number is invalid' });
    if (body.phone.endsWith('0000')) return send(200, { error: -118, message: 'Zalo account not existed' });
    standIn.accepted.push(body);
    send(200, { error: 0, message: 'Success', data: { msg_id: `zns-${standIn.accepted.length}`, sent_time: String(Date.now()), quota: { dailyQuota: '500', remainingQuota: String(500 - standIn.accepted.length) } } });
  });
  standIn.url = await listen(server);
  standIn.close = closer(server);
  return standIn;
}

/**
 * Factories for dossier tests: a complete self-assessment, a filled-in draft, a passing Mẫu 03 and
 * multipart bodies for uploads. Everything goes through the real routes.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { findCriteriaSheet } from '../../src/features/rule-sets/index.ts';
import { extremeChoices } from './criteria.ts';
import { signIn, type Client, type TestApp } from './test-app.ts';
import type { FixedClock } from '../../src/core/clock/index.ts';

export async function createCompleteSelfAssessment(
  client: Client,
  producerId: string,
  options: { productName?: string; productSetNumber?: number; ruleSetId?: string } = {},
): Promise<{ id: string; productName: string; productSetNumber: number }> {
  const productSetNumber = options.productSetNumber ?? 3;
  const productName = options.productName ?? `Gạo Séng Cù ${randomBytes(3).toString('hex')}`;
  const sheet = findCriteriaSheet(options.ruleSetId ?? '26-2026', productSetNumber)!;
  const response = await client.request('POST', '/api/self-assessments', { producerId, productName, productSetNumber, choices: extremeChoices(sheet, 'best') });
  assert.equal(response.statusCode, 201, response.body);
  return { id: response.json().id, productName, productSetNumber };
}

/** The Mẫu 01 fields a complete registration form has. */
export const completeForm = {
  representativeName: 'Lò Thị Hoa',
  representativePosition: 'Giám đốc HTX',
  address: 'Bản Mường Than, xã Than Uyên, tỉnh Lai Châu',
  phone: '0912 345 678',
  sampleCount: 5,
  commitmentAccepted: true,
  productStory: 'Giống lúa Séng Cù trồng trên ruộng bậc thang Mường Than.',
};

/** A draft dossier ready to submit, for a new product (first time) of `producerId`. */
export async function createReadyDossier(
  producer: Client,
  producerId: string,
  options: { productSetNumber?: number; productName?: string } = {},
): Promise<{ id: string; version: number; productId: string; selfAssessmentId: string; body: Record<string, unknown> }> {
  const selfAssessment = await createCompleteSelfAssessment(producer, producerId, options);
  const response = await producer.request('POST', '/api/dossiers', { producerId, type: 'first', selfAssessmentId: selfAssessment.id, ...completeForm });
  assert.equal(response.statusCode, 201, response.body);
  const body = response.json();
  return { id: body.id, version: body.version, productId: body.productId, selfAssessmentId: selfAssessment.id, body };
}

export const passingCheck = {
  dossierComplete: true,
  origin: { assessment: 'Lúa trồng 100% tại xã, nguyên liệu địa phương.', passed: true },
  localLabour: { assessment: '18/20 lao động là người trong xã.', passed: true },
  ideaOrigin: { assessment: 'Ý tưởng từ giống lúa truyền thống của bản.', passed: true },
  localIdentity: { assessment: 'Gắn với văn hóa ruộng bậc thang Mường Than.', passed: true },
  conclusion: 'Đề nghị tỉnh đánh giá, phân hạng.',
};

/** Sends `body` and asserts the status; returns the parsed answer (loosely typed: tests read what they check). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function expectStatus(client: Client, method: string, url: string, body: unknown, status: number): Promise<Record<string, any>> {
  const response = await client.request(method, url, body);
  assert.equal(response.statusCode, status, `${method} ${url}: ${response.body}`);
  return response.body ? response.json() : {};
}

// ---------------------------------------------------------------------------------------------
// Uploads
// ---------------------------------------------------------------------------------------------

export interface UploadFile {
  field: string;
  name: string;
  content: Buffer;
  /** What the client claims; never trusted by the server. */
  contentType?: string;
}

export function multipartBody(files: readonly UploadFile[], fields: Record<string, string> = {}): { payload: Buffer; contentType: string } {
  const boundary = `----ocop${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(t: TestApp, client: Client | null, dossierId: string, files: readonly UploadFile[]): Promise<LightMyRequestResponse> {
  const { payload, contentType } = multipartBody(files);
  return t.app.inject({
    method: 'POST',
    url: `/api/dossiers/${dossierId}/files`,
    payload,
    headers: { 'content-type': contentType, ...(client ? { 'x-csrf-token': client.csrfToken } : {}) },
    cookies: client ? { ocop_session: client.sessionToken, ocop_csrf: client.csrfToken } : {},
  });
}

/** A real 1×1 PNG, with random trailing bytes so each call is a different content. */
export function pngBytes(): Buffer {
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f3d4ce0000000049454e44ae426082',
    'hex',
  );
  return Buffer.concat([png, randomBytes(16)]);
}

/** A minimal PDF, unique per call. */
export function pdfBytes(): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${randomBytes(8).toString('hex')}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
}

/** The start of a Windows executable (MZ header and PE signature). */
export function exeBytes(): Buffer {
  const header = Buffer.alloc(512);
  header.write('MZ', 0, 'latin1');
  header.writeUInt32LE(0x80, 0x3c);
  header.write('PE\0\0', 0x80, 'latin1');
  return header;
}

/**
 * Moves a test's fixed clock and signs its clients in again (sessions last 12 hours of the app's clock),
 * keeping the same Client objects.
 */
export async function moveClock(t: TestApp, clock: FixedClock, instant: string, clients: readonly Client[]): Promise<void> {
  clock.set(instant);
  for (const client of clients) Object.assign(client, await signIn(t.app, client.username));
}

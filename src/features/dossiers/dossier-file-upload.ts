import type { Readable } from 'node:stream';
import { fileTypeFromFile } from 'file-type';
import type { FileStore, StagedFile } from '../../core/files/file-store.ts';
import { collectLeafCriteria, findCriteriaSheet } from '../rule-sets/index.ts';
import { fileKinds, type FileKind } from './dossiers.schemas.ts';

/** Per upload request (the routes give these to @fastify/multipart as its limits). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILES_PER_REQUEST = 10;

/**
 * What a dossier accepts, recognised from the bytes themselves (file-type): the name's extension and the
 * Content-Type the browser sends are not trusted. Photos and scans of evidence, labels and packaging; PDFs.
 */
export const allowedMimeTypes: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
};
const allowedList = 'ảnh JPEG, PNG, WebP hoặc tệp PDF';

/** One part of a multipart body, as @fastify/multipart yields it. */
export type UploadPart =
  | { type: 'file'; fieldname: string; filename: string; file: Readable & { truncated: boolean } }
  | { type: 'field'; fieldname: string; value: unknown };

export interface StagedUpload extends StagedFile {
  kind: FileKind;
  criterionCode: string | null;
  originalName: string;
  mimeType: string;
}

export interface RejectedUpload {
  index: number;
  originalName: string;
  message: string;
  messageEn: string;
}

export interface StagedUploads {
  staged: StagedUpload[];
  rejected: RejectedUpload[];
}

/**
 * The form field of each file says what it is: `evidence:1.2` (evidence for criterion 1.2 of the score
 * sheet), `label`, `packaging`, `story`, `lab_report`, `other`, or `evidence` without a criterion.
 */
export function parseFileField(fieldname: string): { kind: FileKind; criterionCode: string | null } | null {
  const [kind, criterionCode, ...rest] = fieldname.split(':');
  if (rest.length || !(fileKinds as readonly string[]).includes(kind ?? '')) return null;
  if (criterionCode !== undefined && !/^\d+(\.\d+){0,3}$/.test(criterionCode)) return null;
  return { kind: kind as FileKind, criterionCode: criterionCode ?? null };
}

/** A criterion code of the product set's score sheet (a leaf, or a group of leaves such as "1"). */
export function criterionChecker(ruleSetId: string, productSetNumber: number): (code: string) => boolean {
  const sheet = findCriteriaSheet(ruleSetId, productSetNumber);
  const codes = sheet ? collectLeafCriteria(sheet).map((c) => c.code) : [];
  return (code) => codes.some((leaf) => leaf === code || leaf.startsWith(`${code}.`));
}

/** A display name safe to store and to send back in Content-Disposition. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim().slice(0, 255);
  return cleaned || 'tep';
}

/**
 * Streams every file of the request to the store's staging area (hashing it on the way), then checks each:
 * its field, its size, its real type. Every refused file is listed; nothing is stored yet.
 * If reading the request fails (too many files, a broken body), everything staged is removed.
 */
export async function stageUploads(
  parts: AsyncIterable<UploadPart>,
  store: FileStore,
  options: { maxFileBytes: number; isKnownCriterion: (code: string) => boolean; productSetNumber: number },
): Promise<StagedUploads> {
  const staged: StagedUpload[] = [];
  const rejected: RejectedUpload[] = [];
  const all: StagedFile[] = [];
  let index = 0;
  try {
    for await (const part of parts) {
      if (part.type !== 'file') continue;
      const originalName = cleanFileName(part.filename ?? '');
      const file = await store.stage(part.file);
      all.push(file);
      const at = index++;
      const reject = (message: string, messageEn: string) => {
        rejected.push({ index: at, originalName, message: `Tệp “${originalName}”: ${message}`, messageEn: `File "${originalName}": ${messageEn}` });
      };
      const field = parseFileField(part.fieldname);
      if (!field) {
        reject(`trường “${part.fieldname}” không hợp lệ; dùng một trong ${fileKinds.join(', ')} (bằng chứng có thể kèm mã tiêu chí, ví dụ evidence:1.2).`, `unknown field "${part.fieldname}".`);
        continue;
      }
      if (field.criterionCode && !options.isKnownCriterion(field.criterionCode)) {
        reject(`tiêu chí ${field.criterionCode} không có trong phiếu đánh giá của bộ sản phẩm ${options.productSetNumber}.`, `no criterion ${field.criterionCode} on this score sheet.`);
        continue;
      }
      if (part.file.truncated || file.sizeBytes > options.maxFileBytes) {
        reject(`lớn hơn ${Math.round(options.maxFileBytes / 1024 / 1024)} MB.`, 'too large.');
        continue;
      }
      if (file.sizeBytes === 0) {
        reject('tệp rỗng.', 'empty file.');
        continue;
      }
      const detected = await fileTypeFromFile(file.path);
      if (!detected) {
        reject(`không nhận ra loại nội dung; chỉ nhận ${allowedList}.`, 'unrecognised content; JPEG, PNG, WebP or PDF only.');
        continue;
      }
      if (!allowedMimeTypes[detected.mime]) {
        reject(`nội dung thực là ${detected.ext.toUpperCase()} (${detected.mime}); chỉ nhận ${allowedList}.`, `content is ${detected.mime}; JPEG, PNG, WebP or PDF only.`);
        continue;
      }
      staged.push({ ...file, ...field, originalName, mimeType: detected.mime });
    }
  } catch (error) {
    await Promise.all(all.map((file) => store.discard(file)));
    throw error;
  }
  // Refused files are removed now; the accepted ones wait for the caller's transaction.
  const kept = new Set(staged.map((s) => s.path));
  await Promise.all(all.filter((file) => !kept.has(file.path)).map((file) => store.discard(file)));
  return { staged, rejected };
}

/**
 * The import requests the shared typed client does not send: a file with its options as
 * multipart/form-data (POST /api/imports/preview and POST /api/imports). Sent with XMLHttpRequest so the
 * screen can show the upload's progress; same CSRF header and error format as app/api.ts.
 */
import { ApiError, type Schemas } from '../../app/api.ts';

export type ImportPreview = Schemas['ImportPreview'];
export type ImportBatch = Schemas['ImportBatch'];
export type ImportBatchDetail = Schemas['ImportBatchDetail'];
export type ImportKind = ImportBatch['kind'];
export type ImportField = ImportPreview['fields'][number]['field'];
export type ColumnMapping = Partial<Record<ImportField, number>>;
export type RowChoices = Record<string, { communeCode?: string; productSetNumber?: number }>;

export interface ImportOptions {
  kind: ImportKind;
  provinceCode?: string | undefined;
  mapping?: ColumnMapping | undefined;
  choices?: RowChoices | undefined;
}

export interface UploadProgress {
  /** 0–100 while the bytes go up; null once they are all sent and the server is reading. */
  percent: number | null;
}

function sendImport<T>(url: string, file: File, options: ImportOptions, csrfToken: string, onProgress?: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<{ status: number; body: T }> {
  const form = new FormData();
  // The options first: the server reads the parts in order and needs no buffering for them.
  form.append('options', JSON.stringify(options));
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ percent: event.loaded >= event.total ? null : Math.round((event.loaded / event.total) * 100) });
    };
    xhr.upload.onload = () => onProgress?.({ percent: null });
    xhr.onerror = () =>
      reject(new ApiError(0, { error: { code: 'NETWORK', message: 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.', messageEn: 'Cannot reach the server.' } }));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // Not JSON (a proxy's error page): the status alone describes the failure.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve({ status: xhr.status, body: parsed as T });
      else reject(new ApiError(xhr.status, parsed));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    onProgress?.({ percent: 0 });
    xhr.send(form);
  });
}

/** The dry run: reads, maps and checks the file; writes nothing. */
export async function previewImport(file: File, options: ImportOptions, csrfToken: string, onProgress?: (progress: UploadProgress) => void, signal?: AbortSignal): Promise<ImportPreview> {
  return (await sendImport<ImportPreview>('/api/imports/preview', file, options, csrfToken, onProgress, signal)).body;
}

/** The import itself, all or nothing: 201 a new batch, 200 the batch that already holds this file. */
export async function commitImport(file: File, options: ImportOptions, csrfToken: string): Promise<Schemas['ImportCommit']> {
  return (await sendImport<Schemas['ImportCommit']>('/api/imports', file, options, csrfToken)).body;
}

/** The national-register export (a download; the session cookie authorises it). */
export function nationalRegisterUrl(format: 'json' | 'csv', provinceCode: string | null): string {
  const search = new URLSearchParams({ format });
  if (provinceCode) search.set('provinceCode', provinceCode);
  return `/api/imports/national-register?${search.toString()}`;
}

import { queryOptions } from '@tanstack/react-query';
import { ApiError, api, type Schemas } from '../../app/api.ts';

export type Dossier = Schemas['Dossier'];
export type DossierSummary = Schemas['DossierSummary'];
export type DossierStatus = Dossier['status'];
export type DossierAction = Dossier['allowedActions'][number];
export type DossierFile = Schemas['DossierFile'];
export type FileKind = DossierFile['kind'];

export const fileKinds: readonly FileKind[] = ['evidence', 'label', 'packaging', 'lab_report', 'story', 'other'];
export const acceptedTypes = 'image/jpeg,image/png,image/webp,application/pdf';

export const dossierKey = (id: string) => ['dossiers', 'one', id] as const;

export const dossierQuery = (id: string) =>
  queryOptions({
    queryKey: dossierKey(id),
    queryFn: () => api.get('/api/dossiers/{id}', { path: { id } }),
  });

export const queueQuery = queryOptions({
  queryKey: ['dossiers', 'queue'],
  queryFn: () => api.get('/api/dossiers/queue'),
});

/** Where a file of a dossier is downloaded from (same origin; the session cookie authorises it). */
export const fileUrl = (dossierId: string, fileId: string) => `/api/dossiers/${encodeURIComponent(dossierId)}/files/${encodeURIComponent(fileId)}`;

async function sendRaw(method: string, url: string, csrfToken: string, body?: FormData): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { method, body, headers: { accept: 'application/json', 'x-csrf-token': csrfToken }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { error: { code: 'NETWORK', message: 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.', messageEn: 'Cannot reach the server.' } });
  }
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed;
}

/**
 * Uploads files as multipart/form-data: each file's field name is its kind, with the criterion for
 * evidence ("evidence:1.2"). The server checks every file's real type and size and stores all or none.
 */
export function uploadDossierFiles(dossierId: string, files: readonly File[], field: string, csrfToken: string) {
  const form = new FormData();
  for (const file of files) form.append(field, file, file.name);
  return sendRaw('POST', `/api/dossiers/${encodeURIComponent(dossierId)}/files`, csrfToken, form) as Promise<{ added: DossierFile[]; alreadyPresent: number }>;
}

export function removeDossierFile(dossierId: string, fileId: string, csrfToken: string): Promise<Dossier> {
  return sendRaw('DELETE', fileUrl(dossierId, fileId), csrfToken) as Promise<Dossier>;
}

/** The files the server refused, one line each, from the error of an upload. */
export function rejectedFiles(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const rejected = error.details.rejected;
  return Array.isArray(rejected) ? rejected.map((r: { reason?: string }) => String(r.reason ?? '')) : [];
}

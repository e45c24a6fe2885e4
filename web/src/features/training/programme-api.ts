/**
 * The two kinds of request the shared typed client does not send: a PUT (roll call) and a file as the
 * body (the participant spreadsheet). Same CSRF header and error format as app/api.ts.
 */
import { ApiError } from '../../app/api.ts';

export async function sendRaw<T>(method: 'PUT' | 'POST', url: string, csrfToken: string, body: Blob | object): Promise<T> {
  const isFile = body instanceof Blob;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        'content-type': isFile ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/json',
        'x-csrf-token': csrfToken,
      },
      body: isFile ? body : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, { error: { code: 'NETWORK', message: 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.', messageEn: 'Cannot reach the server.' } });
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): the status alone describes the failure.
    parsed = null;
  }
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed as T;
}

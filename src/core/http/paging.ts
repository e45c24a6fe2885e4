import { invalidInput } from '../errors.ts';

/**
 * Paging of lists: the API takes `page` (from 1) and `pageSize` (core/http/schemas.ts#pageQuery) and
 * answers `{ items, total, page, pageSize }`; repositories take a LIMIT/OFFSET window.
 */
export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface PageWindow {
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The LIMIT/OFFSET window of a requested page. */
export function pageWindow(request: PageRequest): PageWindow {
  return { limit: request.pageSize, offset: (request.page - 1) * request.pageSize };
}

/** The answer for a requested page from what the repository found. */
export function pageOfResult<T>(request: PageRequest, result: { items: T[]; total: number }): Page<T> {
  return { items: result.items, total: result.total, page: request.page, pageSize: request.pageSize };
}

/** A page of a keyset-paged list (core/db/query-builder.ts#selectKeysetPage). */
export interface CursorPage<T> extends Page<T> {
  /** false: more than `total` rows match (the count stopped at its cap). */
  totalExact: boolean;
  nextCursor: string | null;
}

/** The answer for a requested page from what a keyset-paged repository found. */
export function cursorPageOfResult<T>(
  request: PageRequest,
  result: { items: T[]; total: number; totalExact: boolean; nextCursor: string | null },
): CursorPage<T> {
  return { items: result.items, total: result.total, totalExact: result.totalExact, nextCursor: result.nextCursor, page: request.page, pageSize: request.pageSize };
}

/**
 * A cursor is the sort key of the last row shown, opaque to clients: base64url of a JSON array of
 * strings. A cursor of another list, edited by hand or cut short is refused (400), never guessed at.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, patterns: readonly RegExp[]): string[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  const valid = Array.isArray(key) && key.length === patterns.length && key.every((part, i) => typeof part === 'string' && patterns[i]!.test(part));
  if (!valid) {
    throw invalidInput([
      {
        path: 'querystring.after',
        message: 'Con trỏ trang (after) không hợp lệ: dùng đúng giá trị nextCursor của trang trước, hoặc bỏ after để xem từ trang đầu.',
        messageEn: 'Invalid cursor (after): pass the nextCursor of the previous page unchanged, or leave after out to start from the first page.',
      },
    ]);
  }
  return key as string[];
}

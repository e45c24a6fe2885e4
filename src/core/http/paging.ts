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

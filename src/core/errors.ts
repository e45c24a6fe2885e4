/**
 * One error type for everything the application refuses on purpose (DESIGN.md, "Errors").
 * Anything else that is thrown is a bug and is reported as INTERNAL without details.
 */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'INVALID_INPUT'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'DEADLINE_PASSED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL';

export const httpStatusOf: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  DEADLINE_PASSED: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
};

/** One problem with one field of the input; `path` is the field's location, e.g. "scope.communeCode". */
export interface FieldIssue {
  path: string;
  message: string;
  messageEn?: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { issues?: FieldIssue[]; [key: string]: unknown },
    readonly messageEn?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** "Not found" and "not yours" must look alike, so callers cannot probe for other people's records. */
export function notFound(what = 'Bản ghi'): AppError {
  return new AppError('NOT_FOUND', `${what} không tồn tại hoặc bạn không có quyền xem.`, undefined, 'Not found.');
}

export function forbidden(message = 'Bạn không có quyền thực hiện thao tác này.'): AppError {
  return new AppError('FORBIDDEN', message, undefined, 'You are not allowed to do this.');
}

export function invalidInput(issues: FieldIssue[]): AppError {
  return new AppError('INVALID_INPUT', 'Dữ liệu không hợp lệ.', { issues }, 'Invalid input.');
}

export function conflict(message: string, messageEn?: string): AppError {
  return new AppError('CONFLICT', message, undefined, messageEn);
}

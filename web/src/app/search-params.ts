/**
 * Search parameters: plain key=value pairs (no JSON), read back into typed values by each
 * feature's routes.ts.
 */

export const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;
export const positive = (value: unknown): number | undefined => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
};
export const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

export function parseSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search.startsWith('?') ? search.slice(1) : search));
}

export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const result = params.toString();
  return result ? `?${result}` : '';
}

/** Only same-app paths are followed after sign-in (no open redirect). */
export function safeRedirect(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

// Training, annual plans, fairs and the yearly report (issue 7) share one filter: year and unit.
export interface ProgrammeSearch {
  year?: number | undefined;
  province?: string | undefined;
  commune?: string | undefined;
}
export const programmeSearch = (search: Record<string, unknown>): ProgrammeSearch => ({
  year: positive(search.year),
  province: text(search.province),
  commune: text(search.commune),
});

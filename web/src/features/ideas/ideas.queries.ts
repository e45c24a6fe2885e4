/** Shared data of the ideas screens: the 26 product sets (QĐ 26/2026 Phụ lục I), for choosing and naming. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/** The rule set in force; its criteria sheets are one per product set. */
export const CURRENT_RULE_SET = '26-2026';

export function useProductSets() {
  return useQuery({
    queryKey: ['rule-sets', CURRENT_RULE_SET, 'product-sets'],
    queryFn: () => api.get('/api/rule-sets/{ruleSetId}/criteria-sheets', { path: { ruleSetId: CURRENT_RULE_SET } }),
    staleTime: Infinity,
  });
}

/** "9. Chè và các sản phẩm từ chè" when the names are loaded, "Bộ 9" otherwise. */
export function productSetLabel(number: number, sets: readonly { number: number; name: string }[] | undefined, fallback: string): string {
  const set = sets?.find((s) => s.number === number);
  return set ? `${number}. ${set.name}` : fallback;
}

/** This year and next: the years an idea may be registered for (register-idea.ts). */
export function registrationYears(now = new Date()): number[] {
  const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(now));
  return [year, year + 1];
}

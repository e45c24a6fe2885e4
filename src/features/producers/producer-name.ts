import { foldVietnamese } from '../../core/text.ts';

/**
 * Words that name a legal form rather than the producer: "Hợp tác xã Mường Than", "HTX Mường Than" and
 * "HTX. Mường Than" are the same cooperative. Folded (foldVietnamese), longest first, so that
 * "công ty tnhh" wins over "công ty". The SQL function producer_name_key() in
 * db/migrations/0003_producer_registry_ideas_plans.sql lists the same words in the same order.
 */
export const legalFormWords = [
  'lien hiep hop tac xa',
  'hop tac xa',
  'htx',
  'to hop tac',
  'tht',
  'cong ty trach nhiem huu han',
  'cong ty tnhh',
  'cong ty co phan',
  'cong ty',
  'cty',
  'ctcp',
  'tnhh',
  'co phan',
  'hai thanh vien tro len',
  'mot thanh vien',
  'mtv',
  'doanh nghiep tu nhan',
  'dntn',
  'ho kinh doanh',
  'hkd',
  'ho san xuat',
  'ho gia dinh',
  'co so san xuat',
  'co so',
  'trang trai',
] as const;

const legalFormPattern = new RegExp(` (${legalFormWords.join('|')})(?= )`, 'g');

/**
 * The key two producers of one commune share when they are probably the same: the name without tone
 * marks, punctuation or legal-form words. A name that is nothing but legal-form words keeps them.
 */
export function normalizeProducerName(name: string): string {
  const folded = foldVietnamese(name).replace(/[^a-z0-9]+/g, ' ').trim();
  const stripped = ` ${folded} `.replace(legalFormPattern, ' ').replace(/ +/g, ' ').trim();
  return stripped || folded;
}

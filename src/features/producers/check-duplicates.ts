import type { Sql } from '../../core/db/database.ts';
import { AppError, type FieldIssue } from '../../core/errors.ts';
import * as repository from './producers.repository.ts';
import { personalLegalForms, type LegalForm } from './producers.schemas.ts';
import { parseTaxCode } from './tax-code.ts';

/**
 * Refuses a registration or an edit that would create a probable duplicate (issue 4, "Duplicates").
 * - The same tax code: always refused (a tax code belongs to one producer; the column is unique).
 * - The same tax-code owner (a branch of a registered parent, or the reverse) or the same name key
 *   in the same commune: refused with the candidates named, unless the user confirms they differ.
 */
export async function assertNotDuplicate(
  tx: Sql,
  probe: { name: string; taxCode: string | null; communeCode: string; excludeId?: string },
  confirmNotDuplicate: boolean,
): Promise<void> {
  const candidates = await repository.findLikelyDuplicates(tx, probe);
  if (candidates.length === 0) return;
  const duplicates = candidates;
  const same = probe.taxCode === null ? undefined : candidates.find((c) => c.taxCode === probe.taxCode);
  if (same) {
    const holder = same.mergedIntoId ? await repository.findProducer(tx, same.mergedIntoId) : null;
    const owner = holder ? `"${same.name}" (đã gộp vào "${holder.name}")` : `"${same.name}"${same.communeName ? ` (${same.communeName})` : ''}`;
    throw new AppError(
      'CONFLICT',
      `Mã số thuế ${probe.taxCode} đã được đăng ký cho chủ thể ${owner}.`,
      { reason: 'tax_code_taken', confirmable: false, duplicates },
      'This tax code is already registered.',
    );
  }
  if (confirmNotDuplicate) return;
  const first = candidates[0]!;
  const why = first.reason === 'tax_code' ? 'cùng mã số thuế gốc' : 'cùng tên trong cùng xã/phường';
  throw new AppError(
    'CONFLICT',
    `Có thể trùng với chủ thể đã đăng ký "${first.name}"${first.communeName ? ` (${first.communeName})` : ''}: ${why}. ` +
      'Nếu đúng là chủ thể khác, hãy xác nhận "không trùng" rồi gửi lại.',
    { reason: 'likely_duplicate', confirmable: true, duplicates },
    'Probably a duplicate of a registered producer; confirm with confirmNotDuplicate: true if it is not.',
  );
}

/** A 12-digit personal ID stands in for the tax code only for a person's business (TT 86/2024/TT-BTC Điều 5.5). */
export function taxCodeIssueFor(taxCode: string | null, legalForm: LegalForm): FieldIssue | null {
  if (taxCode === null) return null;
  const parsed = parseTaxCode(taxCode);
  if (parsed.ok && parsed.kind === 'personal_id' && !personalLegalForms.includes(legalForm)) {
    return {
      path: 'taxCode',
      message: 'Số định danh cá nhân 12 chữ số chỉ dùng thay mã số thuế cho hộ sản xuất, hộ kinh doanh hoặc trang trại. Nhập mã số thuế 10 hoặc 13 chữ số.',
      messageEn: 'A 12-digit personal ID replaces the tax code only for households and farms.',
    };
  }
  return null;
}

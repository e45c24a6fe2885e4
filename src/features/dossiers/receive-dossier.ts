import type { Actor } from '../../core/auth/actor.ts';
import { localDateParts } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import type { AppContext } from '../../core/http/types.ts';
import { changeDossier } from './change-dossier.ts';
import { formatFormNumber, formatProductCode } from './dossier-numbers.ts';
import * as repository from './dossiers.repository.ts';
import type { DossierDetail, DossierRecord } from './dossiers.schemas.ts';

/**
 * The commune receives the dossier: it writes the form number NNN/PĐK-(Mã tỉnh)-(Mã xã)-(Năm) and the
 * date on Mẫu 01, and its 15 working days start (QĐ 26/2026 Đ.7.2; the day of receipt is not counted).
 * A product seen for the first time gets its code (T)-(X)-(STT)-YYYY from the commune's sequence.
 */
export async function receiveDossier(ctx: AppContext, actor: Actor, id: string, version: number, requestId?: string): Promise<DossierDetail> {
  return changeDossier(ctx, actor, id, version, { action: 'receive' }, requestId, async ({ tx, dossier, now, today }) => {
    const { year } = localDateParts(today);
    const place = { provinceCode: dossier.provinceCode, communeCode: dossier.communeCode, year };
    const formNumber = formatFormNumber({ ...place, number: await repository.nextFormNumber(tx, place) });
    const productCode = await assignProductCodeIfMissing(tx, dossier, year, now);
    return { state: { receivedAt: now, receivedOn: today, receivedBy: actor.userId, formNumber }, note: formNumber, audit: { formNumber, productCode } };
  });
}

async function assignProductCodeIfMissing(tx: Sql, dossier: DossierRecord, year: number, now: Date): Promise<string | null> {
  const product = (await repository.findProduct(tx, dossier.productId, { forUpdate: true }))!;
  if (product.productCode) return product.productCode;
  const key = { ruleSetId: product.ruleSetId, provinceCode: product.provinceCode, communeCode: product.communeCode, year };
  // Only rule sets whose code format is known hand out codes; older products keep the code they were given.
  if (!formatProductCode({ ...key, number: 1 })) return null;
  const number = await repository.nextProductCodeNumber(tx, key);
  const productCode = formatProductCode({ ...key, number })!;
  await repository.assignProductCode(tx, product.id, { productCode, year, number }, now);
  return productCode;
}

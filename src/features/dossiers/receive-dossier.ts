import type { Actor } from '../../core/auth/actor.ts';
import { localDateParts } from '../../core/clock/index.ts';
import type { AppContext } from '../../core/http/types.ts';
import { changeDossier } from './change-dossier.ts';
import { assignProductCodeIfMissing } from '../products/index.ts';
import { formatFormNumber } from './dossier-numbers.ts';
import * as repository from './dossiers.repository.ts';
import type { DossierDetail } from './dossiers.schemas.ts';

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
    const productCode = await assignProductCodeIfMissing(tx, dossier.productId, year, now);
    return { state: { receivedAt: now, receivedOn: today, receivedBy: actor.userId, formNumber }, note: formNumber, audit: { formNumber, productCode } };
  });
}

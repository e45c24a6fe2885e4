import type { Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/http/types.ts';
import { changeDossier } from './change-dossier.ts';
import { isCheckableByCommune } from './dossier-status.ts';
import * as repository from './dossiers.repository.ts';
import type { CommuneCheckInput, DossierDetail } from './dossiers.schemas.ts';

/**
 * The commune's evaluation report (Mẫu 03, QĐ 26/2026 Đ.7.2): completeness, then product origin and local
 * raw materials, local labour, origin of the idea, local identity — each in words, passed or not.
 * Saved again as often as needed until the dossier is forwarded; the audit log keeps every version.
 */
export async function recordCommuneCheck(ctx: AppContext, actor: Actor, id: string, input: CommuneCheckInput, requestId?: string): Promise<DossierDetail> {
  const { version, ...check } = input;
  return changeDossier(
    ctx,
    actor,
    id,
    version,
    { edit: 'commune_check_recorded', side: 'commune', allowedIn: isCheckableByCommune, refusal: 'Chỉ lập báo cáo Mẫu 03 khi xã đang kiểm tra hồ sơ', bumpsVersion: true },
    requestId,
    async ({ tx, now }) => {
      await repository.saveCommuneCheck(tx, id, check, actor.userId, now);
    },
  );
}

import type { Actor } from '../../core/auth/actor.ts';
import { toLocalDate } from '../../core/clock/index.ts';
import { AppError } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { joinOpenRound } from '../evaluations/index.ts';
import { changeDossier } from './change-dossier.ts';
import * as repository from './dossiers.repository.ts';
import type { DossierDetail } from './dossiers.schemas.ts';

/**
 * The commune sends the dossier to the province with its Mẫu 03 report (QĐ 26/2026 Đ.6.2, Đ.7.2). It
 * proposes only a complete dossier whose four commune items all passed; otherwise it returns the dossier.
 */
export async function forwardDossierToProvince(ctx: AppContext, actor: Actor, id: string, version: number, requestId?: string): Promise<DossierDetail> {
  return changeDossier(ctx, actor, id, version, { action: 'forward' }, requestId, async ({ tx, now, dossier }) => {
    const check = await repository.findCommuneCheck(tx, id);
    if (!check) {
      throw new AppError('INVALID_TRANSITION', 'Cần lập báo cáo đánh giá của xã (Mẫu 03) trước khi gửi lên tỉnh.', { missing: 'communeCheck' }, 'Record the commune check (Mẫu 03) first.');
    }
    const failed = (
      [
        [check.dossierComplete, 'hồ sơ đầy đủ'],
        [check.origin.passed, 'nguồn gốc sản phẩm, nguyên liệu địa phương'],
        [check.localLabour.passed, 'lao động địa phương'],
        [check.ideaOrigin.passed, 'nguồn gốc ý tưởng'],
        [check.localIdentity.passed, 'bản sắc, trí tuệ địa phương'],
      ] as const
    ).filter(([passed]) => !passed);
    if (failed.length) {
      throw new AppError(
        'INVALID_TRANSITION',
        `Báo cáo Mẫu 03 có nội dung chưa đạt (${failed.map(([, label]) => label).join('; ')}): trả lại hồ sơ để bổ sung thay vì gửi lên tỉnh.`,
        { failed: failed.map(([, label]) => label) },
        'The commune check has items that did not pass.',
      );
    }
    return {
      state: { forwardedAt: now, forwardedBy: actor.userId },
      // The dossier joins the province's open evaluation round at once, or the next one opened.
      afterStateChange: async () => void (await joinOpenRound(tx, { id, provinceCode: dossier.provinceCode, type: dossier.type }, toLocalDate(now), now, actor.userId)),
    };
  });
}

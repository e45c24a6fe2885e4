import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, forbidden } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { getProvinceSettings } from './get-province-settings.ts';
import { canEditProvinceSettings } from './province-settings.policy.ts';
import { findProvinceSettingsRow, saveProvinceSettings } from './province-settings.repository.ts';
import type { ProvinceSettings, UpdateProvinceSettingsInput } from './province-settings.schemas.ts';

/**
 * The provincial OCOP office sets its rules. Plans already received keep the deadline computed at
 * receipt (business_plans stores the rule it was received under).
 */
export async function updateProvinceSettings(
  ctx: AppContext,
  actor: Actor,
  provinceCode: string,
  input: UpdateProvinceSettingsInput,
  requestId?: string,
): Promise<ProvinceSettings> {
  return withTransaction(ctx.db, async (tx) => {
    await findProvinceSettingsRow(tx, provinceCode, { forUpdate: true });
    const before = await getProvinceSettings(tx, actor, provinceCode);
    if (!canEditProvinceSettings(actor, provinceCode)) throw forbidden('Chỉ cơ quan tham mưu OCOP của tỉnh sửa được cấu hình của tỉnh.');
    const stale = () => conflict('Cấu hình vừa được người khác sửa. Hãy tải lại để xem bản mới nhất.', 'Edited by someone else.');
    if (before.version !== input.version) throw stale();
    const now = ctx.clock.now();
    if (!(await saveProvinceSettings(tx, provinceCode, input.version, { planForwarding: input.planForwarding, updatedBy: actor.userId, now }))) throw stale();
    const after = await getProvinceSettings(tx, actor, provinceCode);
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'province_settings.updated',
      entityType: 'province_settings',
      entityId: provinceCode,
      before,
      after,
      requestId,
      occurredAt: now,
    });
    return after;
  });
}

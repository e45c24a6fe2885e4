import type { Actor } from '../../core/auth/actor.ts';
import type { Sql } from '../../core/db/database.ts';
import { notFound } from '../../core/errors.ts';
import { CURRENT_UNITS_VERSION, findUnit } from '../admin-units/index.ts';
import { canViewProvinceSettings } from './province-settings.policy.ts';
import { findProvinceSettingsRow } from './province-settings.repository.ts';
import type { PlanForwardingRule, ProvinceSettings } from './province-settings.schemas.ts';

/** A province's settings as the actor may see them; the defaults (no rules) when none were saved. */
export async function getProvinceSettings(sql: Sql, actor: Actor, provinceCode: string): Promise<ProvinceSettings> {
  const province = await findUnit(sql, CURRENT_UNITS_VERSION, 'province', provinceCode);
  if (!province || !canViewProvinceSettings(actor, provinceCode)) throw notFound('Tỉnh/thành phố');
  const stored = await findProvinceSettingsRow(sql, provinceCode);
  return {
    provinceCode,
    provinceName: province.fullName,
    planForwarding: stored?.planForwarding ?? null,
    version: stored?.version ?? 0,
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
  };
}

/** The forwarding rule in force for a province's business plans (null: no deadline). */
export async function findPlanForwardingRule(sql: Sql, provinceCode: string): Promise<PlanForwardingRule | null> {
  return (await findProvinceSettingsRow(sql, provinceCode))?.planForwarding ?? null;
}

import type { Sql } from '../../core/db/database.ts';
import type { PlanForwardingRule, ProvinceSettings } from './province-settings.schemas.ts';

interface Row {
  provinceCode: string;
  days: number | null;
  dayKind: PlanForwardingRule['dayKind'] | null;
  consequence: PlanForwardingRule['consequence'] | null;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

/** The stored settings of a province, or null when it never saved any. */
export async function findProvinceSettingsRow(
  sql: Sql,
  provinceCode: string,
  options: { forUpdate?: boolean } = {},
): Promise<Omit<ProvinceSettings, 'provinceName'> | null> {
  const { rows } = await sql.query<Row>(
    `SELECT province_code AS "provinceCode", plan_forwarding_days AS days, plan_forwarding_day_kind AS "dayKind",
            plan_forwarding_consequence AS consequence, version, updated_at AS "updatedAt", updated_by AS "updatedBy"
       FROM province_settings WHERE province_code = $1 ${options.forUpdate ? 'FOR UPDATE' : ''}`,
    [provinceCode],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    provinceCode: row.provinceCode,
    planForwarding: row.days !== null && row.dayKind && row.consequence ? { days: row.days, dayKind: row.dayKind, consequence: row.consequence } : null,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** Saves the settings if the stored version is still `expectedVersion` (0: none stored). Returns false otherwise. */
export async function saveProvinceSettings(
  sql: Sql,
  provinceCode: string,
  expectedVersion: number,
  settings: { planForwarding: PlanForwardingRule | null; updatedBy: string; now: Date },
): Promise<boolean> {
  const rule = settings.planForwarding;
  const values = [provinceCode, rule?.days ?? null, rule?.dayKind ?? null, rule?.consequence ?? null, settings.now, settings.updatedBy, expectedVersion];
  const { rowCount } =
    expectedVersion === 0
      ? await sql.query(
          `INSERT INTO province_settings (province_code, plan_forwarding_days, plan_forwarding_day_kind, plan_forwarding_consequence, updated_at, updated_by)
           SELECT $1, $2, $3, $4, $5, $6 WHERE $7::int = 0
           ON CONFLICT (province_code) DO NOTHING`,
          values,
        )
      : await sql.query(
          `UPDATE province_settings SET plan_forwarding_days = $2, plan_forwarding_day_kind = $3, plan_forwarding_consequence = $4,
                  updated_at = $5, updated_by = $6, version = version + 1
            WHERE province_code = $1 AND version = $7`,
          values,
        );
  return (rowCount ?? 0) === 1;
}

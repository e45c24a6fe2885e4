import type { Actor } from '../../core/auth/actor.ts';
import type { Sql } from '../../core/db/database.ts';
import { importReadProvinceOf } from './imports.policy.ts';
import * as repository from './imports.repository.ts';
import { registerCsv, toRegisterRecord } from './national-register.ts';

/**
 * The province's products in the national register's shape (docs/national-register.md), to send there.
 * Only the officers who may import may export, so the manufacturer's personal data (representative,
 * phone, e-mail) is included; the open data never carries it.
 */
export async function exportNationalRegister(sql: Sql, actor: Actor, input: { provinceCode: string | null; format: 'json' | 'csv'; origin: string }): Promise<{ body: string; contentType: string; fileName: string; count: number }> {
  const provinceCode = importReadProvinceOf(actor, input.provinceCode);
  const products = await repository.listRegisterProducts(sql, provinceCode);
  const records = products.map((p) => toRegisterRecord({ ...p, images: p.photoIds.map((id) => `${input.origin}/anh/${id}`) }, true));
  const fileName = `ocop-${provinceCode}-dang-ky-quoc-gia.${input.format}`;
  if (input.format === 'csv') return { body: registerCsv(records), contentType: 'text/csv; charset=utf-8', fileName, count: records.length };
  return { body: JSON.stringify(records, null, 2), contentType: 'application/json; charset=utf-8', fileName, count: records.length };
}

import type { FieldIssue } from '../../core/errors.ts';
import type { Sql } from '../../core/db/database.ts';
import { resolveUnit } from '../admin-units/index.ts';
import { findProducer } from '../producers/index.ts';
import type { Assignment } from './users.schemas.ts';

/**
 * Checks that a role comes with the scope it needs (src/core/auth/roles.ts) and that the units and
 * the producer exist. Returns every problem at once, in Vietnamese.
 */
export async function validateAssignment(sql: Sql, assignment: Assignment): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const { role, provinceCode, communeCode, producerId } = assignment;
  if (role === 'system_admin' || role === 'ministry_officer') {
    if (provinceCode) issues.push({ path: 'provinceCode', message: 'Vai trò này làm việc trên cả nước, không gắn với tỉnh.' });
    if (communeCode) issues.push({ path: 'communeCode', message: 'Vai trò này không gắn với xã.' });
  }
  if (role === 'province_office' || role === 'commune_officer') {
    if (!provinceCode) issues.push({ path: 'provinceCode', message: 'Chọn tỉnh/thành phố phụ trách.' });
  }
  if (role === 'commune_officer' && !communeCode) issues.push({ path: 'communeCode', message: 'Chọn xã/phường phụ trách.' });
  if (role !== 'commune_officer' && role !== 'producer' && communeCode) {
    issues.push({ path: 'communeCode', message: 'Chỉ cán bộ cấp xã được gắn với một xã.' });
  }
  if (role === 'producer' && !producerId) issues.push({ path: 'producerId', message: 'Chọn chủ thể mà tài khoản này đại diện.' });
  if (role !== 'producer' && producerId) issues.push({ path: 'producerId', message: 'Chỉ tài khoản chủ thể được gắn với một chủ thể.' });

  // Only a commune officer is tied to a commune; a producer's commune comes from its producer.
  if (provinceCode) issues.push(...(await resolveUnit(sql, provinceCode, role === 'commune_officer' ? communeCode : null)).issues);
  if (producerId && role === 'producer') {
    const producer = await findProducer(sql, producerId);
    if (!producer) issues.push({ path: 'producerId', message: 'Không tìm thấy chủ thể này.' });
  }
  return issues;
}

/** A producer's account takes its province and commune from the producer, so scope checks work alike. */
export async function normaliseAssignment(sql: Sql, assignment: Assignment): Promise<Assignment> {
  if (assignment.role !== 'producer' || !assignment.producerId) return assignment;
  const producer = await findProducer(sql, assignment.producerId);
  return producer ? { ...assignment, provinceCode: producer.provinceCode, communeCode: producer.communeCode } : assignment;
}

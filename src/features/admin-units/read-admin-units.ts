import type { Sql } from '../../core/db/database.ts';
import { notFound } from '../../core/errors.ts';
import { pageOfResult, pageWindow, type Page, type PageRequest } from '../../core/http/paging.ts';
import * as repository from './admin-units.repository.ts';

/** Administrative units are public reference data: anyone may read them, so no actor is asked for. */

export function listUnitVersions(sql: Sql): Promise<repository.AdminUnitVersion[]> {
  return repository.listVersions(sql);
}

export interface ListUnitsInput extends PageRequest {
  version: string;
  level?: repository.UnitLevel;
  parent?: string;
  province?: string;
  /** Searched without diacritics; empty means no search. */
  q?: string;
}

export async function listUnits(sql: Sql, input: ListUnitsInput): Promise<Page<repository.UnitWithContext>> {
  const result = await repository.listUnits(sql, {
    versionId: input.version,
    level: input.level,
    parentCode: input.parent,
    provinceCode: input.province,
    text: input.q || undefined,
    ...pageWindow(input),
  });
  return pageOfResult(input, result);
}

/** One unit, the units of the earlier version it was formed from, and what its communes became (old units only). */
export async function getUnit(sql: Sql, key: { version: string; level: repository.UnitLevel; code: string }) {
  const { version, level, code } = key;
  const unit = await repository.findUnit(sql, version, level, code);
  if (!unit) throw notFound('Đơn vị hành chính');
  const [formedFrom, successions] = await Promise.all([
    repository.listPredecessors(sql, version, level, code),
    (await repository.hasSuccessorVersion(sql, version)) ? repository.listSuccessions(sql, version, level, code) : [],
  ]);
  return { unit, formedFrom, successions };
}

import type { Actor } from '../../core/auth/actor.ts';
import type { Sql } from '../../core/db/database.ts';
import { importReadProvinceOf } from './imports.policy.ts';
import * as repository from './imports.repository.ts';

export async function listImportMappings(sql: Sql, actor: Actor, requestedProvince: string | null): Promise<repository.SavedMapping[]> {
  return repository.listMappings(sql, importReadProvinceOf(actor, requestedProvince));
}

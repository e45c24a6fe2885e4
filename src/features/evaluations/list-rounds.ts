import type { Actor } from '../../core/auth/actor.ts';
import type { Sql } from '../../core/db/database.ts';
import { forbidden } from '../../core/errors.ts';
import { pageOfResult, pageWindow } from '../../core/http/paging.ts';
import { roundVisibility } from './evaluations.policy.ts';
import * as repository from './evaluations.repository.ts';
import type { ListRoundsQuery } from './evaluations.schemas.ts';

/** The rounds the actor may see, newest first, a page at a time (producers and communes follow their dossiers instead). */
export async function listRounds(sql: Sql, actor: Actor, query: ListRoundsQuery) {
  if (actor.role === 'producer' || actor.role === 'commune_officer') throw forbidden();
  const result = await repository.listRounds(sql, roundVisibility(actor), { status: query.status, year: query.year, ...pageWindow(query) });
  return pageOfResult(query, result);
}

import type { Actor } from '../../core/auth/actor.ts';
import { forbidden } from '../../core/errors.ts';
import { pageOfResult, pageWindow, type Page } from '../../core/http/paging.ts';
import type { AppContext } from '../../core/http/types.ts';
import { buildParticipantTemplate } from './participant-spreadsheet.ts';
import { trainingVisibility } from './training.policy.ts';
import * as repository from './training.repository.ts';
import type { ListTrainingsQuery, Topic, Training } from './training.schemas.ts';
import { checkUnitInScope } from '../admin-units/index.ts';

/** The topics a training may cover (reference data, for any signed-in user). */
export function listTrainingTopics(ctx: AppContext): Promise<Topic[]> {
  return repository.listTopics(ctx.db.pool);
}

/** The trainings of the reader's unit. */
export async function listTrainings(ctx: AppContext, actor: Actor, query: ListTrainingsQuery): Promise<Page<Training>> {
  const visibility = trainingVisibility(actor);
  if (!visibility) throw forbidden();
  await checkUnitInScope(ctx.db.pool, actor, { provinceCode: query.province, communeCode: query.commune });
  const result = await repository.listTrainings(ctx.db.pool, visibility, { provinceCode: query.province, communeCode: query.commune, year: query.year, ...pageWindow(query) });
  return pageOfResult(query, result);
}

/** The empty participant spreadsheet, for those who keep trainings' lists. */
export async function getParticipantTemplate(actor: Actor): Promise<Buffer> {
  if (!trainingVisibility(actor)) throw forbidden();
  return buildParticipantTemplate();
}

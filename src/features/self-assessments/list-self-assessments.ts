import type { Actor } from '../../core/auth/actor.ts';
import { forbidden } from '../../core/errors.ts';
import { pageOfResult, pageWindow, type Page } from '../../core/http/paging.ts';
import type { AppContext } from '../../core/http/types.ts';
import { selfAssessmentVisibility } from './self-assessments.policy.ts';
import * as repository from './self-assessments.repository.ts';
import type { ListSelfAssessmentsQuery, SelfAssessment } from './self-assessments.schemas.ts';

/** The self-assessments in the reader's scope (a producer: its own). */
export async function listSelfAssessments(ctx: AppContext, actor: Actor, query: ListSelfAssessmentsQuery): Promise<Page<SelfAssessment>> {
  const visibility = selfAssessmentVisibility(actor);
  if (!visibility) throw forbidden();
  const result = await repository.listSelfAssessments(ctx.db.pool, visibility, { producerId: query.producer, ...pageWindow(query) });
  return pageOfResult(query, result);
}

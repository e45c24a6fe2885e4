import type { Actor } from '../../core/auth/actor.ts';
import { toLocalDate, vietnamCalendar, type LocalDate } from '../../core/clock/index.ts';
import { forbidden } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { dueSoonLimit } from './dossier-deadline.ts';
import { atCommuneStatuses, type DossierStatus } from './dossier-status.ts';
import { dossierVisibility } from './dossiers.policy.ts';
import * as repository from './dossiers.repository.ts';
import type { DossierSummary, QueueItem } from './dossiers.schemas.ts';

/** The statuses in which a dossier waits for the caller's move. */
function waitingStatuses(actor: Actor): readonly DossierStatus[] {
  switch (actor.role) {
    case 'producer':
      return ['draft', 'returned_for_supplement'];
    case 'commune_officer':
      return ['submitted', 'commune_reviewing', 'resubmitted'];
    case 'province_office':
      // Issue 5 gives the province its own statuses; until then a forwarded dossier waits on it.
      return ['forwarded_to_province'];
    case 'system_admin':
      return ['submitted', 'commune_reviewing', 'resubmitted'];
    default:
      return [];
  }
}

export interface DossierQueue {
  today: LocalDate;
  dueSoonUntil: Date;
  waitingOnMe: QueueItem[];
  dueSoon: QueueItem[];
  overdue: QueueItem[];
}

/**
 * The caller's dashboard: what waits on them, what is due within 3 working days, what is overdue
 * (QĐ 26/2026 Đ.7.2 deadlines at the commune; a paused clock has no due_at and so is neither).
 */
export async function listDossierQueue(ctx: AppContext, actor: Actor): Promise<DossierQueue> {
  const visibility = dossierVisibility(actor);
  if (!visibility) throw forbidden();
  const now = ctx.clock.now();
  const today = toLocalDate(now);
  const dueSoonUntil = dueSoonLimit(today, vietnamCalendar);
  const [waiting, dueSoon, overdue] = await Promise.all([
    repository.listDossiersInStatuses(ctx.db.pool, visibility, waitingStatuses(actor)),
    repository.listDossiersDueBetween(ctx.db.pool, visibility, atCommuneStatuses, { dueAfter: now, dueUntil: dueSoonUntil }),
    repository.listDossiersDueBetween(ctx.db.pool, visibility, atCommuneStatuses, { dueBefore: now }),
  ]);
  const withOverdue = (d: DossierSummary): QueueItem => ({ ...d, overdue: d.dueAt !== null && d.dueAt.getTime() < now.getTime() && d.forwardedAt === null });
  return { today, dueSoonUntil, waitingOnMe: waiting.map(withOverdue), dueSoon: dueSoon.map(withOverdue), overdue: overdue.map(withOverdue) };
}

import type { Actor } from '../../core/auth/actor.ts';
import { toLocalDate, vietnamCalendar, type LocalDate } from '../../core/clock/index.ts';
import { forbidden } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { dueSoonLimit } from './dossier-deadline.ts';
import { atCommuneStatuses, type DossierStatus } from './dossier-status.ts';
import { dossierVisibility } from './dossiers.policy.ts';
import * as repository from './dossiers.repository.ts';
import type { DossierSummary, QueueItem, QueueQuery } from './dossiers.schemas.ts';

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

export const queueSections = ['waitingOnMe', 'dueSoon', 'overdue'] as const;
export type QueueSection = (typeof queueSections)[number];

export interface DossierQueue {
  today: LocalDate;
  dueSoonUntil: Date;
  waitingOnMe: QueueItem[];
  dueSoon: QueueItem[];
  overdue: QueueItem[];
  /** How many dossiers each section holds in all (the arrays hold one page of `limit`). */
  totals: Record<QueueSection, number>;
  limit: number;
  page: number;
  section: QueueSection | null;
}

/**
 * The caller's dashboard: what waits on them, what is due within 3 working days, what is overdue
 * (QĐ 26/2026 Đ.7.2 deadlines at the commune; a paused clock has no due_at and so is neither).
 * Each section is paged (`limit`, default 50; issue 13: a province's 200 items were 144 KB): the first
 * page of each, or with `section` that section's `page` alone (the other sections then come empty);
 * `totals` always counts every section.
 */
export async function listDossierQueue(ctx: AppContext, actor: Actor, query: QueueQuery): Promise<DossierQueue> {
  const visibility = dossierVisibility(actor);
  if (!visibility) throw forbidden();
  const now = ctx.clock.now();
  const today = toLocalDate(now);
  const dueSoonUntil = dueSoonLimit(today, vietnamCalendar);
  const limit = query.limit ?? 50;
  const page = query.section ? (query.page ?? 1) : 1;
  const windowOf = (section: QueueSection) => ({ limit: query.section && query.section !== section ? 0 : limit, offset: (page - 1) * limit });
  const [waiting, dueSoon, overdue] = await Promise.all([
    repository.pageDossiersInStatuses(ctx.db.pool, visibility, waitingStatuses(actor), windowOf('waitingOnMe')),
    repository.pageDossiersDueBetween(ctx.db.pool, visibility, atCommuneStatuses, { dueAfter: now, dueUntil: dueSoonUntil }, windowOf('dueSoon')),
    repository.pageDossiersDueBetween(ctx.db.pool, visibility, atCommuneStatuses, { dueBefore: now }, windowOf('overdue')),
  ]);
  const withOverdue = (d: DossierSummary): QueueItem => ({ ...d, overdue: d.dueAt !== null && d.dueAt.getTime() < now.getTime() && d.forwardedAt === null });
  return {
    today,
    dueSoonUntil,
    waitingOnMe: waiting.items.map(withOverdue),
    dueSoon: dueSoon.items.map(withOverdue),
    overdue: overdue.items.map(withOverdue),
    totals: { waitingOnMe: waiting.total, dueSoon: dueSoon.total, overdue: overdue.total },
    limit,
    page,
    section: query.section ?? null,
  };
}

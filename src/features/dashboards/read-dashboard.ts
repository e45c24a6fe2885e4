import type { Actor } from '../../core/auth/actor.ts';
import { localDateParts, toLocalDate, type LocalDate } from '../../core/clock/index.ts';
import { invalidInput } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { computeDashboardFigures } from './dashboard-figures.ts';
import { dashboardScope } from './dashboards.policy.ts';
import type { Dashboard, DashboardQuery } from './dashboards.schemas.ts';
import { readProducerOverview } from './producer-overview.ts';
import { listWaitingItems } from './waiting-items.ts';

/** The programme's first recognitions under the national OCOP programme date from 2019. */
export const FIRST_DASHBOARD_YEAR = 2019;

/**
 * The home of a signed-in user (issue 13): what waits for them, the key figures of their scope for a
 * year, and for a producer its own products, certificates and dossiers. What waits is always of today;
 * the figures are taken on `asOf`, today for this year and 31/12 for a past one.
 */
export async function readDashboard(ctx: AppContext, actor: Actor, query: DashboardQuery): Promise<Dashboard> {
  const now = ctx.clock.now();
  const today = toLocalDate(now);
  const thisYear = localDateParts(today).year;
  const year = query.year ?? thisYear;
  if (year < FIRST_DASHBOARD_YEAR || year > thisYear) {
    throw invalidInput([
      {
        path: 'querystring.year',
        message: `Năm phải từ ${FIRST_DASHBOARD_YEAR} đến ${thisYear} (chương trình OCOP có số liệu từ năm ${FIRST_DASHBOARD_YEAR}; chưa có số liệu của năm sau).`,
        messageEn: `The year must be between ${FIRST_DASHBOARD_YEAR} and ${thisYear}.`,
      },
    ]);
  }
  const asOf: LocalDate = year === thisYear ? today : `${year}-12-31`;
  const scope = dashboardScope(actor);
  const [figures, officialWaiting] = await Promise.all([computeDashboardFigures(ctx, actor, scope, year, asOf), listWaitingItems(ctx.db.pool, actor, scope, now)]);
  let waiting = officialWaiting;
  let producer: Dashboard['producer'] = null;
  if (actor.role === 'producer') {
    const own = await readProducerOverview(ctx.db.pool, actor, now);
    producer = own.overview;
    waiting = own.next;
  }
  return {
    year,
    asOf,
    today,
    role: actor.role,
    scope: { level: scope.level, provinceCode: scope.provinceCode, communeCode: scope.communeCode, producerId: scope.producerId },
    waiting,
    figures,
    producer,
  };
}

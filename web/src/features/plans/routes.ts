/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute, requireSignedIn } from '../../app/root-route.tsx';
import { oneOf, programmeSearch, text, type ProgrammeSearch } from '../../app/search-params.ts';

export const reportPeriodKinds = ['calendar_year', 'reporting_year', 'half_year', 'range'] as const;
export type ReportPeriodKind = (typeof reportPeriodKinds)[number];
export interface ReportSearch extends ProgrammeSearch {
  period?: ReportPeriodKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
}
const day = (value: unknown) => {
  const raw = text(value);
  return raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined;
};
// The programme report: the unit, and a named period with its year or a range of days.
const reportSearch = (search: Record<string, unknown>): ReportSearch => ({
  ...programmeSearch(search),
  period: oneOf(reportPeriodKinds, search.period),
  from: day(search.from),
  to: day(search.to),
});

const annualPlansRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/annual-plans',
  validateSearch: programmeSearch,
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('./plans-page.tsx'), 'PlansPage'),
});

const newAnnualPlanRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/annual-plans/new',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'manageProgramme'),
  component: lazyRouteComponent(() => import('./new-plan-page.tsx'), 'NewPlanPage'),
});

const annualPlanRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/annual-plans/$planId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('./plan-page.tsx'), 'PlanPage'),
});

const programmeReportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programme-report',
  validateSearch: reportSearch,
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('./report-page.tsx'), 'ReportPage'),
});

export const plansRoutes = [annualPlansRoute, newAnnualPlanRoute, annualPlanRoute, programmeReportRoute] as const;

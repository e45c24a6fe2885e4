/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute, requireSignedIn } from '../../app/root-route.tsx';
import { programmeSearch } from '../../app/search-params.ts';

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
  validateSearch: programmeSearch,
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('./report-page.tsx'), 'ReportPage'),
});

export const plansRoutes = [annualPlansRoute, newAnnualPlanRoute, annualPlanRoute, programmeReportRoute] as const;

/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute, requireSignedIn } from '../../app/root-route.tsx';
import { oneOf, positive, text } from '../../app/search-params.ts';

const planStatuses = ['submitted', 'forwarding_overdue', 'forwarded', 'returned', 'approved'] as const;

export interface PlansSearch {
  status?: (typeof planStatuses)[number] | undefined;
  year?: number | undefined;
  page?: number | undefined;
}

const plansRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/business-plans',
  validateSearch: (search: Record<string, unknown>): PlansSearch => ({
    status: oneOf(planStatuses, search.status),
    year: positive(search.year),
    page: positive(search.page),
  }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'businessPlans'),
  component: lazyRouteComponent(() => import('./plans-page.tsx'), 'PlansPage'),
});

const newPlanRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/business-plans/new',
  validateSearch: (search: Record<string, unknown>): { ideaId?: string | undefined } => ({ ideaId: text(search.ideaId) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'registerIdea'),
  component: lazyRouteComponent(() => import('./new-plan-page.tsx'), 'NewPlanPage'),
});

const duePlansRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/business-plans/due',
  validateSearch: (search: Record<string, unknown>): { state?: 'due' | 'overdue' | undefined; page?: number | undefined } => ({
    state: oneOf(['due', 'overdue'] as const, search.state),
    page: positive(search.page),
  }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'planDeadlines'),
  component: lazyRouteComponent(() => import('./due-page.tsx'), 'DuePage'),
});

const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/business-plans/$planId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'businessPlans'),
  component: lazyRouteComponent(() => import('./plan-page.tsx'), 'PlanPage'),
});

export const businessPlansRoutes = [plansRoute, newPlanRoute, duePlansRoute, planRoute] as const;

/**
 * Every screen of the back office, assembled from the features' routes.ts (each says who may open
 * its screens). Screens are loaded on demand (one small chunk each), so a producer on a slow phone
 * downloads the sign-in and home screens only.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { authRoutes } from '../features/auth/routes.ts';
import { homeRoutes } from '../features/home/routes.ts';
import { usersRoutes } from '../features/users/routes.ts';
import { producersRoutes } from '../features/producers/routes.ts';
import { ideasRoutes } from '../features/ideas/routes.ts';
import { businessPlansRoutes } from '../features/business-plans/routes.ts';
import { provinceSettingsRoutes } from '../features/province-settings/routes.ts';
import { auditRoutes } from '../features/audit/routes.ts';
import { adminUnitsRoutes } from '../features/admin-units/routes.ts';
import { ruleSetsRoutes } from '../features/rule-sets/routes.ts';
import { selfAssessmentsRoutes } from '../features/self-assessments/routes.ts';
import { dossiersRoutes } from '../features/dossiers/routes.ts';
import { evaluationsRoutes } from '../features/evaluations/routes.ts';
import { certificatesRoutes } from '../features/certificates/routes.ts';
import { importsRoutes } from '../features/imports/routes.ts';
import { trainingRoutes } from '../features/training/routes.ts';
import { plansRoutes } from '../features/plans/routes.ts';
import { fairsRoutes } from '../features/fairs/routes.ts';
import { notificationsRoutes } from '../features/notifications/routes.ts';
import { rootRoute } from './root-route.tsx';
import { parseSearch, stringifySearch } from './search-params.ts';
import { Loading } from './ui.tsx';

export type { RouterContext } from './root-route.tsx';

const routeTree = rootRoute.addChildren([
  ...authRoutes,
  ...homeRoutes,
  ...usersRoutes,
  ...producersRoutes,
  ...ideasRoutes,
  ...businessPlansRoutes,
  ...provinceSettingsRoutes,
  ...auditRoutes,
  ...adminUnitsRoutes,
  ...ruleSetsRoutes,
  ...selfAssessmentsRoutes,
  ...dossiersRoutes,
  ...evaluationsRoutes,
  ...certificatesRoutes,
  ...importsRoutes,
  ...trainingRoutes,
  ...plansRoutes,
  ...fairsRoutes,
  ...notificationsRoutes,
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    basepath: '/admin',
    context: { queryClient },
    parseSearch,
    stringifySearch,
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: () => <Loading />,
    defaultPendingMs: 300,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}

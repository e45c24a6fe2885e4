/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute, requireSignedIn } from '../../app/root-route.tsx';
import { oneOf, positive } from '../../app/search-params.ts';

// Imports of a province's existing lists (issue 12): the provincial office, the ministry, admin.
const importsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/imports',
  validateSearch: (search: Record<string, unknown>): { page?: number | undefined } => ({ page: positive(search.page) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'imports'),
  component: lazyRouteComponent(() => import('./imports-page.tsx'), 'ImportsPage'),
});

const newImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/imports/new',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'imports'),
  component: lazyRouteComponent(() => import('./new-import-page.tsx'), 'NewImportPage'),
});

// `done` says the batch was just committed ('new') or the file had been imported before ('already').
const importBatchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/imports/$batchId',
  validateSearch: (search: Record<string, unknown>): { done?: 'new' | 'already' | undefined } => ({ done: oneOf(['new', 'already'] as const, search.done) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'imports'),
  component: lazyRouteComponent(() => import('./import-batch-page.tsx'), 'ImportBatchPage'),
});

export const importsRoutes = [importsRoute, newImportRoute, importBatchRoute] as const;

/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute, requireSignedIn } from '../../app/root-route.tsx';
import { programmeSearch } from '../../app/search-params.ts';

const fairsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/fairs',
  validateSearch: programmeSearch,
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('./fairs-page.tsx'), 'FairsPage'),
});

const fairRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/fairs/$fairId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('./fair-page.tsx'), 'FairPage'),
});

const salesPointsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sales-points',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('./sales-points-page.tsx'), 'SalesPointsPage'),
});

const listingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ecommerce-listings',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'listings'),
  component: lazyRouteComponent(() => import('./listings-page.tsx'), 'ListingsPage'),
});

export const fairsRoutes = [fairsRoute, fairRoute, salesPointsRoute, listingsRoute] as const;

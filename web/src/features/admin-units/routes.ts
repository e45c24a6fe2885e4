/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route.tsx';
import { positive, text } from '../../app/search-params.ts';

export interface UnitsSearch {
  version?: string | undefined;
  parent?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
}

// Administrative units and the old-address tool are public reference data: no sign-in needed.
const unitsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin-units',
  validateSearch: (search: Record<string, unknown>): UnitsSearch => ({
    version: text(search.version),
    parent: text(search.parent),
    q: text(search.q),
    page: positive(search.page),
  }),
  component: lazyRouteComponent(() => import('./units-page.tsx'), 'UnitsPage'),
});

const unitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin-units/$version/$level/$code',
  component: lazyRouteComponent(() => import('./unit-page.tsx'), 'UnitPage'),
});

const oldAddressRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/old-address',
  validateSearch: (search: Record<string, unknown>): { q?: string | undefined } => ({ q: text(search.q) }),
  component: lazyRouteComponent(() => import('./old-address-page.tsx'), 'OldAddressPage'),
});

export const adminUnitsRoutes = [unitsRoute, unitRoute, oldAddressRoute] as const;

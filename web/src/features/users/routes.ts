/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { Role } from '../../app/api.ts';
import { rootRoute, requireSignedIn } from '../../app/root-route.tsx';
import { oneOf, positive, text } from '../../app/search-params.ts';

const roles: readonly Role[] = ['producer', 'commune_officer', 'province_office', 'council_member', 'advisory_member', 'ministry_officer', 'system_admin'];

export interface UsersSearch {
  q?: string | undefined;
  role?: Role | undefined;
  province?: string | undefined;
  active?: 'true' | 'false' | undefined;
  page?: number | undefined;
}

const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/users',
  validateSearch: (search: Record<string, unknown>): UsersSearch => ({
    q: text(search.q),
    role: oneOf(roles, search.role),
    province: text(search.province),
    active: oneOf(['true', 'false'] as const, search.active),
    page: positive(search.page),
  }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'users'),
  component: lazyRouteComponent(() => import('./users-page.tsx'), 'UsersPage'),
});

const newUserRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/users/new',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'users'),
  component: lazyRouteComponent(() => import('./new-user-page.tsx'), 'NewUserPage'),
});

const userRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/users/$userId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'users'),
  component: lazyRouteComponent(() => import('./user-page.tsx'), 'UserPage'),
});

export const usersRoutes = [usersRoute, newUserRoute, userRoute] as const;

/**
 * Every screen of the back office and who may open it. Screens are loaded on demand (one small
 * chunk each), so a producer on a slow phone downloads the sign-in and home screens only.
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  type ParsedLocation,
} from '@tanstack/react-router';
import { can, type Capability } from './access.ts';
import type { Role } from './api.ts';
import { Layout, NotFoundPage, RouteError } from './layout.tsx';
import { sessionQuery } from './session.ts';
import { Loading } from './ui.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

// ---------------------------------------------------------------------------------------------
// Search parameters: plain key=value pairs (no JSON), read back into typed values.

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;
const positive = (value: unknown): number | undefined => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
};
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

function parseSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search.startsWith('?') ? search.slice(1) : search));
}

function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const result = params.toString();
  return result ? `?${result}` : '';
}

/** Only same-app paths are followed after sign-in (no open redirect). */
export function safeRedirect(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

// ---------------------------------------------------------------------------------------------
// Guards

async function requireSignedIn(context: RouterContext, location: ParsedLocation, capability?: Capability) {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (!session) throw redirect({ to: '/login', search: { redirect: location.href } });
  // A temporary password must be replaced before anything else (users.schemas.ts mustChangePassword).
  if (session.user.mustChangePassword && location.pathname !== '/password') throw redirect({ to: '/password' });
  if (capability && !can(session.user, capability)) throw redirect({ to: '/' });
  return { user: session.user };
}

// ---------------------------------------------------------------------------------------------
// Routes

const rootRoute = createRootRouteWithContext<RouterContext>()({
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(sessionQuery);
  },
  component: Layout,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>) => ({ redirect: text(search.redirect) }),
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: lazyRouteComponent(() => import('../features/auth/login-page.tsx'), 'LoginPage'),
});

const passwordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/password',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location),
  component: lazyRouteComponent(() => import('../features/auth/change-password-page.tsx'), 'ChangePasswordPage'),
});

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location),
  component: lazyRouteComponent(() => import('../features/home/home-page.tsx'), 'HomePage'),
});

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
  component: lazyRouteComponent(() => import('../features/users/users-page.tsx'), 'UsersPage'),
});

const newUserRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/users/new',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'users'),
  component: lazyRouteComponent(() => import('../features/users/new-user-page.tsx'), 'NewUserPage'),
});

const userRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/users/$userId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'users'),
  component: lazyRouteComponent(() => import('../features/users/user-page.tsx'), 'UserPage'),
});

export interface ProducersSearch {
  q?: string | undefined;
  page?: number | undefined;
}

const producersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/producers',
  validateSearch: (search: Record<string, unknown>): ProducersSearch => ({ q: text(search.q), page: positive(search.page) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'producers'),
  component: lazyRouteComponent(() => import('../features/producers/producers-page.tsx'), 'ProducersPage'),
});

const newProducerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/producers/new',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'registerProducer'),
  component: lazyRouteComponent(() => import('../features/producers/new-producer-page.tsx'), 'NewProducerPage'),
});

const producerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/producers/$producerId',
  // Producers open their own record; officers those in their scope (the server checks which).
  beforeLoad: ({ context, location }) => requireSignedIn(context, location),
  component: lazyRouteComponent(() => import('../features/producers/producer-page.tsx'), 'ProducerPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'audit'),
  component: lazyRouteComponent(() => import('../features/audit/audit-page.tsx'), 'AuditPage'),
});

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
  component: lazyRouteComponent(() => import('../features/admin-units/units-page.tsx'), 'UnitsPage'),
});

const unitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin-units/$version/$level/$code',
  component: lazyRouteComponent(() => import('../features/admin-units/unit-page.tsx'), 'UnitPage'),
});

const oldAddressRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/old-address',
  validateSearch: (search: Record<string, unknown>): { q?: string | undefined } => ({ q: text(search.q) }),
  component: lazyRouteComponent(() => import('../features/admin-units/old-address-page.tsx'), 'OldAddressPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  passwordRoute,
  homeRoute,
  usersRoute,
  newUserRoute,
  userRoute,
  producersRoute,
  newProducerRoute,
  producerRoute,
  auditRoute,
  unitsRoute,
  unitRoute,
  oldAddressRoute,
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

/**
 * The root of the screen tree and the guard every signed-in screen uses; each feature's routes.ts
 * hangs its screens under `rootRoute`.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, redirect, type ParsedLocation } from '@tanstack/react-router';
import { can, type Capability } from './access.ts';
import { Layout, NotFoundPage, RouteError } from './layout.tsx';
import { sessionQuery } from './session.ts';

export interface RouterContext {
  queryClient: QueryClient;
}

export async function requireSignedIn(context: RouterContext, location: ParsedLocation, capability?: Capability) {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (!session) throw redirect({ to: '/login', search: { redirect: location.href } });
  // A temporary password must be replaced before anything else (users.schemas.ts mustChangePassword).
  if (session.user.mustChangePassword && location.pathname !== '/password') throw redirect({ to: '/password' });
  if (capability && !can(session.user, capability)) throw redirect({ to: '/' });
  return { user: session.user };
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(sessionQuery);
  },
  component: Layout,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});

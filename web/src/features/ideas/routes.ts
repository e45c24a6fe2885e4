/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute, requireSignedIn } from '../../app/root-route.tsx';
import { oneOf, positive, text } from '../../app/search-params.ts';

const ideaStatuses = ['submitted', 'returned', 'passed', 'rejected'] as const;

export interface IdeasSearch {
  q?: string | undefined;
  year?: number | undefined;
  status?: (typeof ideaStatuses)[number] | undefined;
  producerId?: string | undefined;
  page?: number | undefined;
}

const ideasRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ideas',
  validateSearch: (search: Record<string, unknown>): IdeasSearch => ({
    q: text(search.q),
    year: positive(search.year),
    status: oneOf(ideaStatuses, search.status),
    producerId: text(search.producerId),
    page: positive(search.page),
  }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'ideas'),
  component: lazyRouteComponent(() => import('./ideas-page.tsx'), 'IdeasPage'),
});

const newIdeaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ideas/new',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'registerIdea'),
  component: lazyRouteComponent(() => import('./new-idea-page.tsx'), 'NewIdeaPage'),
});

const ideaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ideas/$ideaId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'ideas'),
  component: lazyRouteComponent(() => import('./idea-page.tsx'), 'IdeaPage'),
});

export const ideasRoutes = [ideasRoute, newIdeaRoute, ideaRoute] as const;

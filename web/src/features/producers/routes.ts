/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute, requireSignedIn } from '../../app/root-route.tsx';
import { positive, text } from '../../app/search-params.ts';

export interface ProducersSearch {
  q?: string | undefined;
  page?: number | undefined;
}

const producersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/producers',
  validateSearch: (search: Record<string, unknown>): ProducersSearch => ({ q: text(search.q), page: positive(search.page) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'producers'),
  component: lazyRouteComponent(() => import('./producers-page.tsx'), 'ProducersPage'),
});

const newProducerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/producers/new',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'registerProducer'),
  component: lazyRouteComponent(() => import('./new-producer-page.tsx'), 'NewProducerPage'),
});

const producerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/producers/$producerId',
  // Producers open their own record; officers those in their scope (the server checks which).
  beforeLoad: ({ context, location }) => requireSignedIn(context, location),
  component: lazyRouteComponent(() => import('./producer-page.tsx'), 'ProducerPage'),
});

const duplicatesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/producers/duplicates',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'duplicates'),
  component: lazyRouteComponent(() => import('./duplicates-page.tsx'), 'DuplicatesPage'),
});

export const producersRoutes = [producersRoute, newProducerRoute, producerRoute, duplicatesRoute] as const;

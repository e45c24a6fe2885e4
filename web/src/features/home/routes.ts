/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute, requireSignedIn } from '../../app/root-route.tsx';

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location),
  component: lazyRouteComponent(() => import('./home-page.tsx'), 'HomePage'),
});

const myProductsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/my-products',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'ownProducer'),
  component: lazyRouteComponent(() => import('./my-products-page.tsx'), 'MyProductsPage'),
});

export const homeRoutes = [homeRoute, myProductsRoute] as const;

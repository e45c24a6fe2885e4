/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute, requireSignedIn } from '../../app/root-route.tsx';
import { oneOf, positive, text } from '../../app/search-params.ts';

const myNoticesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/my-notices',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location),
  component: lazyRouteComponent(() => import('./my-notices-page.tsx'), 'MyNoticesPage'),
});

const outboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/outbox',
  validateSearch: (search: Record<string, unknown>) => ({
    status: oneOf(['queued', 'sending', 'sent', 'failed', 'uncertain', 'held', 'undeliverable'] as const, search.status),
    channel: oneOf(['email', 'zalo', 'sms'] as const, search.channel),
    q: text(search.q),
    province: text(search.province),
    page: positive(search.page),
  }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'noticeChannels'),
  component: lazyRouteComponent(() => import('./outbox-page.tsx'), 'OutboxPage'),
});

const noticeChannelsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/notice-channels',
  validateSearch: (search: Record<string, unknown>): { province?: string | undefined } => ({ province: text(search.province) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'noticeChannels'),
  component: lazyRouteComponent(() => import('./notice-channels-page.tsx'), 'NoticeChannelsPage'),
});

const unreachableRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/unreachable-producers',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'noticeReach'),
  component: lazyRouteComponent(() => import('./unreachable-page.tsx'), 'UnreachableProducersPage'),
});

export const notificationsRoutes = [myNoticesRoute, outboxRoute, noticeChannelsRoute, unreachableRoute] as const;

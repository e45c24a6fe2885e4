/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute, requireSignedIn } from '../../app/root-route.tsx';
import { text } from '../../app/search-params.ts';

const provinceSettingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/province-settings',
  validateSearch: (search: Record<string, unknown>): { province?: string | undefined } => ({ province: text(search.province) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'provinceSettings'),
  component: lazyRouteComponent(() => import('./settings-page.tsx'), 'ProvinceSettingsPage'),
});

export const provinceSettingsRoutes = [provinceSettingsRoute] as const;

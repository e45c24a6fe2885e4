/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute, requireSignedIn } from '../../app/root-route.tsx';
import { oneOf, positive, text } from '../../app/search-params.ts';

// Certificates (issue 5, QĐ 26/2026 Đ.4, 8, 9): in one's scope; revocation and inspections by the authorities.
const certificateStatuses = ['valid', 'expiring', 'extended', 'expired', 'superseded', 'revoked'] as const;
const certificateStatusFilters = ['in_force', ...certificateStatuses] as const;

export interface CertificatesSearch {
  status?: (typeof certificateStatusFilters)[number] | undefined;
  star?: number | undefined;
  province?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
}

const certificatesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/certificates',
  validateSearch: (search: Record<string, unknown>): CertificatesSearch => ({
    status: oneOf(certificateStatusFilters, search.status),
    star: oneOf(['3', '4', '5'], text(search.star)) ? Number(search.star) : undefined,
    province: text(search.province),
    q: text(search.q),
    page: positive(search.page),
  }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'certificates'),
  component: lazyRouteComponent(() => import('./certificates-page.tsx'), 'CertificatesPage'),
});

// `revoke` opens the revocation form: '1', or the id of the inspection whose finding it follows.
const certificateDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/certificates/$certificateId',
  validateSearch: (search: Record<string, unknown>): { revoke?: string | undefined } => ({ revoke: text(search.revoke) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'certificates'),
  component: lazyRouteComponent(() => import('./certificate-page.tsx'), 'CertificatePage'),
});

export const certificatesRoutes = [certificatesRoute, certificateDetailRoute] as const;

/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute, requireSignedIn } from '../../app/root-route.tsx';
import { oneOf, positive } from '../../app/search-params.ts';

// Product dossiers (QĐ 26/2026 Đ.6–7): the queue and list, a new dossier (producers), one dossier.
const dossierStatuses = ['draft', 'submitted', 'commune_reviewing', 'returned_for_supplement', 'resubmitted', 'forwarded_to_province', 'withdrawn'] as const;

export interface DossiersSearch {
  status?: (typeof dossierStatuses)[number] | undefined;
  page?: number | undefined;
}

const dossiersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dossiers',
  validateSearch: (search: Record<string, unknown>): DossiersSearch => ({ status: oneOf(dossierStatuses, search.status), page: positive(search.page) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'dossiers'),
  component: lazyRouteComponent(() => import('./dossiers-page.tsx'), 'DossiersPage'),
});

const newDossierRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dossiers/new',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'fileDossier'),
  component: lazyRouteComponent(() => import('./new-dossier-page.tsx'), 'NewDossierPage'),
});

const dossierRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dossiers/$dossierId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'readDossier'),
  component: lazyRouteComponent(() => import('./dossier-page.tsx'), 'DossierPage'),
});

export const dossiersRoutes = [dossiersRoute, newDossierRoute, dossierRoute] as const;

/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute, requireSignedIn } from '../../app/root-route.tsx';
import { oneOf, positive } from '../../app/search-params.ts';

// Evaluation rounds (issue 5, QĐ 26/2026 Đ.5–7): the office and the ministry, council and advisory members.
const roundStatuses = ['open', 'closed', 'decided'] as const;

export interface EvaluationsSearch {
  status?: (typeof roundStatuses)[number] | undefined;
  year?: number | undefined;
  page?: number | undefined;
}

const evaluationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/evaluations',
  validateSearch: (search: Record<string, unknown>): EvaluationsSearch => ({
    status: oneOf(roundStatuses, search.status),
    year: positive(search.year),
    page: positive(search.page),
  }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'evaluations'),
  component: lazyRouteComponent(() => import('./rounds-page.tsx'), 'RoundsPage'),
});

const evaluationRoundRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/evaluations/$roundId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'evaluations'),
  component: lazyRouteComponent(() => import('./round-page.tsx'), 'RoundPage'),
});

// The link of the scoring and re-score notifications (save-my-score.ts, open-scoring.ts).
const roundEntryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/evaluations/entries/$entryId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'evaluations'),
  component: lazyRouteComponent(() => import('./entry-page.tsx'), 'EntryPage'),
});

export const evaluationsRoutes = [evaluationsRoute, evaluationRoundRoute, roundEntryRoute] as const;

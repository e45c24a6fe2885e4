/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute, requireSignedIn } from '../../app/root-route.tsx';
import { positive, text } from '../../app/search-params.ts';

export interface SelfAssessmentsSearch {
  producer?: string | undefined;
  page?: number | undefined;
}

const selfAssessmentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/self-assessments',
  validateSearch: (search: Record<string, unknown>): SelfAssessmentsSearch => ({ producer: text(search.producer), page: positive(search.page) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'selfAssessments'),
  component: lazyRouteComponent(() => import('./self-assessments-page.tsx'), 'SelfAssessmentsPage'),
});

const newSelfAssessmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/self-assessments/new',
  validateSearch: (search: Record<string, unknown>): { productSet?: number | undefined } => ({ productSet: positive(search.productSet) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'writeSelfAssessment'),
  component: lazyRouteComponent(() => import('./new-self-assessment-page.tsx'), 'NewSelfAssessmentPage'),
});

const selfAssessmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/self-assessments/$selfAssessmentId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'selfAssessments'),
  component: lazyRouteComponent(() => import('./self-assessment-page.tsx'), 'SelfAssessmentPage'),
});

export const selfAssessmentsRoutes = [selfAssessmentsRoute, newSelfAssessmentRoute, selfAssessmentRoute] as const;

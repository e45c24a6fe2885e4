/** The screens of this feature, mounted by app/router.tsx. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute, requireSignedIn } from '../../app/root-route.tsx';
import { programmeSearch } from '../../app/search-params.ts';

const trainingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trainings',
  validateSearch: programmeSearch,
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('./trainings-page.tsx'), 'TrainingsPage'),
});

const newTrainingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trainings/new',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'manageProgramme'),
  component: lazyRouteComponent(() => import('./new-training-page.tsx'), 'NewTrainingPage'),
});

const trainingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trainings/$trainingId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('./training-page.tsx'), 'TrainingPage'),
});

const checkInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trainings/$trainingId/sessions/$sessionId/check-in',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'manageProgramme'),
  component: lazyRouteComponent(() => import('./check-in-page.tsx'), 'CheckInPage'),
});

// A producer opens its own people's certificates too; the server decides who sees which.
const certificateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trainings/$trainingId/participants/$participantId/certificate',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location),
  component: lazyRouteComponent(() => import('./certificate-page.tsx'), 'CertificatePage'),
});

export const trainingRoutes = [trainingsRoute, newTrainingRoute, trainingRoute, checkInRoute, certificateRoute] as const;

/**
 * Every screen of the back office and who may open it. Screens are loaded on demand (one small
 * chunk each), so a producer on a slow phone downloads the sign-in and home screens only.
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  type ParsedLocation,
} from '@tanstack/react-router';
import { can, type Capability } from './access.ts';
import type { Role } from './api.ts';
import { Layout, NotFoundPage, RouteError } from './layout.tsx';
import { sessionQuery } from './session.ts';
import { Loading } from './ui.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

// ---------------------------------------------------------------------------------------------
// Search parameters: plain key=value pairs (no JSON), read back into typed values.

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;
const positive = (value: unknown): number | undefined => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
};
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

function parseSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search.startsWith('?') ? search.slice(1) : search));
}

function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const result = params.toString();
  return result ? `?${result}` : '';
}

/** Only same-app paths are followed after sign-in (no open redirect). */
export function safeRedirect(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

// ---------------------------------------------------------------------------------------------
// Guards

async function requireSignedIn(context: RouterContext, location: ParsedLocation, capability?: Capability) {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (!session) throw redirect({ to: '/login', search: { redirect: location.href } });
  // A temporary password must be replaced before anything else (users.schemas.ts mustChangePassword).
  if (session.user.mustChangePassword && location.pathname !== '/password') throw redirect({ to: '/password' });
  if (capability && !can(session.user, capability)) throw redirect({ to: '/' });
  return { user: session.user };
}

// ---------------------------------------------------------------------------------------------
// Routes

const rootRoute = createRootRouteWithContext<RouterContext>()({
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(sessionQuery);
  },
  component: Layout,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>) => ({ redirect: text(search.redirect) }),
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: lazyRouteComponent(() => import('../features/auth/login-page.tsx'), 'LoginPage'),
});

const passwordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/password',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location),
  component: lazyRouteComponent(() => import('../features/auth/change-password-page.tsx'), 'ChangePasswordPage'),
});

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location),
  component: lazyRouteComponent(() => import('../features/home/home-page.tsx'), 'HomePage'),
});

const roles: readonly Role[] = ['producer', 'commune_officer', 'province_office', 'council_member', 'advisory_member', 'ministry_officer', 'system_admin'];

export interface UsersSearch {
  q?: string | undefined;
  role?: Role | undefined;
  province?: string | undefined;
  active?: 'true' | 'false' | undefined;
  page?: number | undefined;
}

const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/users',
  validateSearch: (search: Record<string, unknown>): UsersSearch => ({
    q: text(search.q),
    role: oneOf(roles, search.role),
    province: text(search.province),
    active: oneOf(['true', 'false'] as const, search.active),
    page: positive(search.page),
  }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'users'),
  component: lazyRouteComponent(() => import('../features/users/users-page.tsx'), 'UsersPage'),
});

const newUserRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/users/new',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'users'),
  component: lazyRouteComponent(() => import('../features/users/new-user-page.tsx'), 'NewUserPage'),
});

const userRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/users/$userId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'users'),
  component: lazyRouteComponent(() => import('../features/users/user-page.tsx'), 'UserPage'),
});

export interface ProducersSearch {
  q?: string | undefined;
  page?: number | undefined;
}

const producersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/producers',
  validateSearch: (search: Record<string, unknown>): ProducersSearch => ({ q: text(search.q), page: positive(search.page) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'producers'),
  component: lazyRouteComponent(() => import('../features/producers/producers-page.tsx'), 'ProducersPage'),
});

const newProducerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/producers/new',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'registerProducer'),
  component: lazyRouteComponent(() => import('../features/producers/new-producer-page.tsx'), 'NewProducerPage'),
});

const producerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/producers/$producerId',
  // Producers open their own record; officers those in their scope (the server checks which).
  beforeLoad: ({ context, location }) => requireSignedIn(context, location),
  component: lazyRouteComponent(() => import('../features/producers/producer-page.tsx'), 'ProducerPage'),
});

const duplicatesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/producers/duplicates',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'duplicates'),
  component: lazyRouteComponent(() => import('../features/producers/duplicates-page.tsx'), 'DuplicatesPage'),
});

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
  component: lazyRouteComponent(() => import('../features/ideas/ideas-page.tsx'), 'IdeasPage'),
});

const newIdeaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ideas/new',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'registerIdea'),
  component: lazyRouteComponent(() => import('../features/ideas/new-idea-page.tsx'), 'NewIdeaPage'),
});

const ideaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ideas/$ideaId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'ideas'),
  component: lazyRouteComponent(() => import('../features/ideas/idea-page.tsx'), 'IdeaPage'),
});

const planStatuses = ['submitted', 'forwarding_overdue', 'forwarded', 'returned', 'approved'] as const;

export interface PlansSearch {
  status?: (typeof planStatuses)[number] | undefined;
  year?: number | undefined;
  page?: number | undefined;
}

const plansRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/business-plans',
  validateSearch: (search: Record<string, unknown>): PlansSearch => ({
    status: oneOf(planStatuses, search.status),
    year: positive(search.year),
    page: positive(search.page),
  }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'businessPlans'),
  component: lazyRouteComponent(() => import('../features/business-plans/plans-page.tsx'), 'PlansPage'),
});

const newPlanRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/business-plans/new',
  validateSearch: (search: Record<string, unknown>): { ideaId?: string | undefined } => ({ ideaId: text(search.ideaId) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'registerIdea'),
  component: lazyRouteComponent(() => import('../features/business-plans/new-plan-page.tsx'), 'NewPlanPage'),
});

const duePlansRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/business-plans/due',
  validateSearch: (search: Record<string, unknown>): { state?: 'due' | 'overdue' | undefined; page?: number | undefined } => ({
    state: oneOf(['due', 'overdue'] as const, search.state),
    page: positive(search.page),
  }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'planDeadlines'),
  component: lazyRouteComponent(() => import('../features/business-plans/due-page.tsx'), 'DuePage'),
});

const planRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/business-plans/$planId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'businessPlans'),
  component: lazyRouteComponent(() => import('../features/business-plans/plan-page.tsx'), 'PlanPage'),
});

const provinceSettingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/province-settings',
  validateSearch: (search: Record<string, unknown>): { province?: string | undefined } => ({ province: text(search.province) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'provinceSettings'),
  component: lazyRouteComponent(() => import('../features/province-settings/settings-page.tsx'), 'ProvinceSettingsPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'audit'),
  component: lazyRouteComponent(() => import('../features/audit/audit-page.tsx'), 'AuditPage'),
});

export interface UnitsSearch {
  version?: string | undefined;
  parent?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
}

// Administrative units and the old-address tool are public reference data: no sign-in needed.
const unitsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin-units',
  validateSearch: (search: Record<string, unknown>): UnitsSearch => ({
    version: text(search.version),
    parent: text(search.parent),
    q: text(search.q),
    page: positive(search.page),
  }),
  component: lazyRouteComponent(() => import('../features/admin-units/units-page.tsx'), 'UnitsPage'),
});

const unitRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin-units/$version/$level/$code',
  component: lazyRouteComponent(() => import('../features/admin-units/unit-page.tsx'), 'UnitPage'),
});

const oldAddressRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/old-address',
  validateSearch: (search: Record<string, unknown>): { q?: string | undefined } => ({ q: text(search.q) }),
  component: lazyRouteComponent(() => import('../features/admin-units/old-address-page.tsx'), 'OldAddressPage'),
});

// Rule sets and criteria sheets are published law: no sign-in needed (issue 3).
const ruleSetsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rule-sets',
  component: lazyRouteComponent(() => import('../features/rule-sets/rule-sets-page.tsx'), 'RuleSetsPage'),
});

const compareRuleSetsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rule-sets/compare',
  validateSearch: (search: Record<string, unknown>): { left?: string | undefined; right?: string | undefined } => ({
    left: text(search.left),
    right: text(search.right),
  }),
  component: lazyRouteComponent(() => import('../features/rule-sets/compare-page.tsx'), 'CompareRuleSetsPage'),
});

const ruleSetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rule-sets/$ruleSetId',
  component: lazyRouteComponent(() => import('../features/rule-sets/rule-set-page.tsx'), 'RuleSetPage'),
});

const criteriaSheetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rule-sets/$ruleSetId/sheets/$productSet',
  component: lazyRouteComponent(() => import('../features/rule-sets/criteria-sheet-page.tsx'), 'CriteriaSheetPage'),
});

export interface SelfAssessmentsSearch {
  producer?: string | undefined;
  page?: number | undefined;
}

const selfAssessmentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/self-assessments',
  validateSearch: (search: Record<string, unknown>): SelfAssessmentsSearch => ({ producer: text(search.producer), page: positive(search.page) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'selfAssessments'),
  component: lazyRouteComponent(() => import('../features/self-assessments/self-assessments-page.tsx'), 'SelfAssessmentsPage'),
});

const newSelfAssessmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/self-assessments/new',
  validateSearch: (search: Record<string, unknown>): { productSet?: number | undefined } => ({ productSet: positive(search.productSet) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'writeSelfAssessment'),
  component: lazyRouteComponent(() => import('../features/self-assessments/new-self-assessment-page.tsx'), 'NewSelfAssessmentPage'),
});

const selfAssessmentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/self-assessments/$selfAssessmentId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'selfAssessments'),
  component: lazyRouteComponent(() => import('../features/self-assessments/self-assessment-page.tsx'), 'SelfAssessmentPage'),
});

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
  component: lazyRouteComponent(() => import('../features/dossiers/dossiers-page.tsx'), 'DossiersPage'),
});

const newDossierRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dossiers/new',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'fileDossier'),
  component: lazyRouteComponent(() => import('../features/dossiers/new-dossier-page.tsx'), 'NewDossierPage'),
});

const dossierRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dossiers/$dossierId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'readDossier'),
  component: lazyRouteComponent(() => import('../features/dossiers/dossier-page.tsx'), 'DossierPage'),
});

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
  component: lazyRouteComponent(() => import('../features/evaluations/rounds-page.tsx'), 'RoundsPage'),
});

const evaluationRoundRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/evaluations/$roundId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'evaluations'),
  component: lazyRouteComponent(() => import('../features/evaluations/round-page.tsx'), 'RoundPage'),
});

// The link of the scoring and re-score notifications (save-my-score.ts, open-scoring.ts).
const roundEntryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/evaluations/entries/$entryId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'evaluations'),
  component: lazyRouteComponent(() => import('../features/evaluations/entry-page.tsx'), 'EntryPage'),
});

// Certificates (issue 5, QĐ 26/2026 Đ.4, 8, 9): in one's scope; revocation and inspections by the authorities.
const certificateStatuses = ['valid', 'expiring', 'extended', 'expired', 'superseded', 'revoked'] as const;

export interface CertificatesSearch {
  status?: (typeof certificateStatuses)[number] | undefined;
  star?: number | undefined;
  province?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
}

const certificatesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/certificates',
  validateSearch: (search: Record<string, unknown>): CertificatesSearch => ({
    status: oneOf(certificateStatuses, search.status),
    star: oneOf(['3', '4', '5'], text(search.star)) ? Number(search.star) : undefined,
    province: text(search.province),
    q: text(search.q),
    page: positive(search.page),
  }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'certificates'),
  component: lazyRouteComponent(() => import('../features/certificates/certificates-page.tsx'), 'CertificatesPage'),
});

// `revoke` opens the revocation form: '1', or the id of the inspection whose finding it follows.
const certificateDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/certificates/$certificateId',
  validateSearch: (search: Record<string, unknown>): { revoke?: string | undefined } => ({ revoke: text(search.revoke) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'certificates'),
  component: lazyRouteComponent(() => import('../features/certificates/certificate-page.tsx'), 'CertificatePage'),
});

// Imports of a province's existing lists (issue 12): the provincial office, the ministry, admin.
const importsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/imports',
  validateSearch: (search: Record<string, unknown>): { page?: number | undefined } => ({ page: positive(search.page) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'imports'),
  component: lazyRouteComponent(() => import('../features/imports/imports-page.tsx'), 'ImportsPage'),
});

const newImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/imports/new',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'imports'),
  component: lazyRouteComponent(() => import('../features/imports/new-import-page.tsx'), 'NewImportPage'),
});

// `done` says the batch was just committed ('new') or the file had been imported before ('already').
const importBatchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/imports/$batchId',
  validateSearch: (search: Record<string, unknown>): { done?: 'new' | 'already' | undefined } => ({ done: oneOf(['new', 'already'] as const, search.done) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'imports'),
  component: lazyRouteComponent(() => import('../features/imports/import-batch-page.tsx'), 'ImportBatchPage'),
});

// Training, annual plans, fairs and the yearly report (issue 7): officers of a unit, the ministry reads.
export interface ProgrammeSearch {
  year?: number | undefined;
  province?: string | undefined;
  commune?: string | undefined;
}
const programmeSearch = (search: Record<string, unknown>): ProgrammeSearch => ({
  year: positive(search.year),
  province: text(search.province),
  commune: text(search.commune),
});

const trainingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trainings',
  validateSearch: programmeSearch,
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('../features/training/trainings-page.tsx'), 'TrainingsPage'),
});

const newTrainingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trainings/new',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'manageProgramme'),
  component: lazyRouteComponent(() => import('../features/training/new-training-page.tsx'), 'NewTrainingPage'),
});

const trainingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trainings/$trainingId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('../features/training/training-page.tsx'), 'TrainingPage'),
});

const annualPlansRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/annual-plans',
  validateSearch: programmeSearch,
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('../features/plans/plans-page.tsx'), 'PlansPage'),
});

const newAnnualPlanRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/annual-plans/new',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'manageProgramme'),
  component: lazyRouteComponent(() => import('../features/plans/new-plan-page.tsx'), 'NewPlanPage'),
});

const annualPlanRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/annual-plans/$planId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('../features/plans/plan-page.tsx'), 'PlanPage'),
});

const programmeReportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programme-report',
  validateSearch: programmeSearch,
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('../features/plans/report-page.tsx'), 'ReportPage'),
});

const fairsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/fairs',
  validateSearch: programmeSearch,
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('../features/fairs/fairs-page.tsx'), 'FairsPage'),
});

const fairRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/fairs/$fairId',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('../features/fairs/fair-page.tsx'), 'FairPage'),
});

const salesPointsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sales-points',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'programme'),
  component: lazyRouteComponent(() => import('../features/fairs/sales-points-page.tsx'), 'SalesPointsPage'),
});

const listingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ecommerce-listings',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'listings'),
  component: lazyRouteComponent(() => import('../features/fairs/listings-page.tsx'), 'ListingsPage'),
});

const checkInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trainings/$trainingId/sessions/$sessionId/check-in',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location, 'manageProgramme'),
  component: lazyRouteComponent(() => import('../features/training/check-in-page.tsx'), 'CheckInPage'),
});

// A producer opens its own people's certificates too; the server decides who sees which.
const certificateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/trainings/$trainingId/participants/$participantId/certificate',
  beforeLoad: ({ context, location }) => requireSignedIn(context, location),
  component: lazyRouteComponent(() => import('../features/training/certificate-page.tsx'), 'CertificatePage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  passwordRoute,
  homeRoute,
  usersRoute,
  newUserRoute,
  userRoute,
  producersRoute,
  newProducerRoute,
  producerRoute,
  duplicatesRoute,
  ideasRoute,
  newIdeaRoute,
  ideaRoute,
  plansRoute,
  newPlanRoute,
  duePlansRoute,
  planRoute,
  provinceSettingsRoute,
  auditRoute,
  unitsRoute,
  unitRoute,
  oldAddressRoute,
  ruleSetsRoute,
  compareRuleSetsRoute,
  ruleSetRoute,
  criteriaSheetRoute,
  selfAssessmentsRoute,
  newSelfAssessmentRoute,
  selfAssessmentRoute,
  dossiersRoute,
  newDossierRoute,
  dossierRoute,
  evaluationsRoute,
  evaluationRoundRoute,
  roundEntryRoute,
  certificatesRoute,
  certificateDetailRoute,
  importsRoute,
  newImportRoute,
  importBatchRoute,
  trainingsRoute,
  newTrainingRoute,
  trainingRoute,
  annualPlansRoute,
  newAnnualPlanRoute,
  annualPlanRoute,
  programmeReportRoute,
  fairsRoute,
  fairRoute,
  salesPointsRoute,
  listingsRoute,
  checkInRoute,
  certificateRoute,
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    basepath: '/admin',
    context: { queryClient },
    parseSearch,
    stringifySearch,
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: () => <Loading />,
    defaultPendingMs: 300,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}

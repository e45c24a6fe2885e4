/**
 * What each role may use in the back office, mirroring the server's policies
 * (src/features/<feature>/<feature>.policy.ts). The server still decides; this only keeps the menus honest.
 */
import type { Role, User } from './api.ts';

export type Capability =
  | 'users' // manage accounts (users.policy.ts: admin, provincial office, ministry)
  | 'producers' // see producers in one's scope
  | 'registerProducer' // register a producer (producers.policy.ts canRegisterProducerIn)
  | 'editProducer'
  | 'ownProducer' // a producer's own record
  | 'audit'
  | 'ideas' // product ideas in one's scope (ideas.policy.ts)
  | 'registerIdea' // register and resubmit ideas, submit business plans (a producer, its commune officer)
  | 'ideaFunnel' // funnel counts (everyone but producers)
  | 'businessPlans' // business plans in one's scope
  | 'planDeadlines' // plans due / overdue for forwarding (the officers)
  | 'duplicates' // probable duplicate producers, and merging them
  | 'provinceSettings' // a province's rules, e.g. the plan forwarding deadline (provincial office, admin)
  | 'selfAssessments' // read self-assessments in one's scope (self-assessments.policy.ts readers)
  | 'writeSelfAssessment' // start and fill in a self-assessment (its writers: the producer, its commune officer, admin)
  | 'dossiers' // product dossiers in one's scope (dossiers.policy.ts dossierVisibility)
  | 'readDossier' // open one dossier: those with 'dossiers', 'readDossier', and council/advisory members seated on its round (canReadDossierOrSeat)
  | 'fileDossier' // file a dossier for one's own product (dossiers.policy.ts canFileDossierFor)
  | 'programme' // trainings, annual plans, fairs and the yearly report of one's unit (training/plans/fairs policies: readers)
  | 'manageProgramme' // organise trainings, keep plans, record fairs (the officers of the unit, admin)
  | 'listings' // e-commerce listings (fairs.routes.ts: the unit's readers, a producer its own)
  | 'evaluations' // evaluation rounds (evaluations.policy.ts: the office, the ministry, council and advisory members)
  | 'certificates' // OCOP certificates in one's scope (certificates.policy.ts certificateVisibility)
  | 'imports' // import a province's existing lists, undo an import, export for the national register (imports.policy.ts)
  | 'noticeChannels' // e-mail, Zalo and SMS channels, templates and the outbox (notifications.policy.ts: admin, provincial office)
  | 'noticeReach'; // the producers notices cannot reach (notifications.policy.ts reachScope: commune officer, provincial office)

const capabilities: Record<Role, readonly Capability[]> = {
  system_admin: ['users', 'producers', 'registerProducer', 'editProducer', 'audit', 'ideas', 'registerIdea', 'ideaFunnel', 'businessPlans', 'planDeadlines', 'duplicates', 'provinceSettings', 'selfAssessments', 'writeSelfAssessment', 'dossiers', 'readDossier', 'programme', 'manageProgramme', 'listings', 'evaluations', 'certificates', 'imports', 'noticeChannels'],
  ministry_officer: ['users', 'producers', 'ideas', 'ideaFunnel', 'businessPlans', 'planDeadlines', 'duplicates', 'selfAssessments', 'dossiers', 'readDossier', 'programme', 'listings', 'evaluations', 'certificates', 'imports'],
  province_office: ['users', 'producers', 'registerProducer', 'editProducer', 'ideas', 'ideaFunnel', 'businessPlans', 'planDeadlines', 'duplicates', 'provinceSettings', 'selfAssessments', 'dossiers', 'readDossier', 'programme', 'manageProgramme', 'listings', 'evaluations', 'certificates', 'imports', 'noticeChannels', 'noticeReach'],
  commune_officer: ['producers', 'registerProducer', 'editProducer', 'ideas', 'registerIdea', 'ideaFunnel', 'businessPlans', 'planDeadlines', 'duplicates', 'selfAssessments', 'writeSelfAssessment', 'dossiers', 'readDossier', 'programme', 'manageProgramme', 'listings', 'certificates', 'noticeReach'],
  council_member: ['producers', 'ideas', 'ideaFunnel', 'businessPlans', 'readDossier', 'evaluations'],
  advisory_member: ['producers', 'ideas', 'ideaFunnel', 'businessPlans', 'readDossier', 'evaluations'],
  producer: ['ownProducer', 'editProducer', 'ideas', 'registerIdea', 'businessPlans', 'selfAssessments', 'writeSelfAssessment', 'dossiers', 'readDossier', 'fileDossier', 'listings', 'certificates'],
};

export function can(user: Pick<User, 'role'> | null | undefined, capability: Capability): boolean {
  return !!user && capabilities[user.role].includes(capability);
}

/** Roles an actor may give when creating or editing an account (users.policy.ts). */
export function manageableRoles(actor: Pick<User, 'role'>): Role[] {
  switch (actor.role) {
    case 'system_admin':
      return ['producer', 'commune_officer', 'province_office', 'council_member', 'advisory_member', 'ministry_officer', 'system_admin'];
    case 'province_office':
      return ['commune_officer', 'producer', 'council_member', 'advisory_member'];
    case 'ministry_officer':
      return ['council_member', 'advisory_member'];
    default:
      return [];
  }
}

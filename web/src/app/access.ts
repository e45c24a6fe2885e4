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
  | 'audit';

const capabilities: Record<Role, readonly Capability[]> = {
  system_admin: ['users', 'producers', 'registerProducer', 'editProducer', 'audit'],
  ministry_officer: ['users', 'producers'],
  province_office: ['users', 'producers', 'registerProducer', 'editProducer'],
  commune_officer: ['producers', 'registerProducer', 'editProducer'],
  council_member: ['producers'],
  advisory_member: ['producers'],
  producer: ['ownProducer', 'editProducer'],
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

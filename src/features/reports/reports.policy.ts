import type { Actor } from '../../core/auth/actor.ts';
import type { Role } from '../../core/auth/roles.ts';

/**
 * Who reads the programme report: the ministry and an administrator for the nation and any unit; a
 * province's office for its province and its communes; a commune officer for its commune (the unit
 * checks themselves are training's resolveReportUnit, which answers 404 outside the scope). A producer,
 * a council or advisory member reads no report.
 */
const nationalReaders: readonly Role[] = ['ministry_officer', 'system_admin'];

export const canReadNationalReport = (actor: Actor): boolean => nationalReaders.includes(actor.role);

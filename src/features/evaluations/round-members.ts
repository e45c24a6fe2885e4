/** A round's seats with their holders' names, which the users feature keeps. */
import type { Sql } from '../../core/db/database.ts';
import { findAccounts } from '../users/index.ts';
import * as repository from './evaluations.repository.ts';
import type { RoundMember } from './evaluations.repository.ts';

const seatOrder: Record<RoundMember['role'], number> = { chair: 0, member: 1, advisory: 2 };

/** The chair, then the council members, then the advisory team, each by name. */
export async function listRoundMembers(sql: Sql, roundId: string): Promise<RoundMember[]> {
  const seats = await repository.listSeats(sql, roundId);
  const seatOf = new Map(seats.map((seat) => [seat.userId, seat]));
  const accounts = await findAccounts(sql, seats.map((seat) => seat.userId));
  const members = accounts.flatMap((account) => {
    const seat = seatOf.get(account.id);
    return seat ? [{ userId: account.id, displayName: account.displayName, username: account.username, role: seat.role, agency: seat.agency }] : [];
  });
  return members.sort((a, b) => seatOrder[a.role] - seatOrder[b.role]); // stable: by name within a role
}

/** The display names of these accounts (those that exist). */
export async function displayNamesOf(sql: Sql, userIds: readonly string[]): Promise<Map<string, string>> {
  const accounts = await findAccounts(sql, [...new Set(userIds)]);
  return new Map(accounts.map((account) => [account.id, account.displayName]));
}

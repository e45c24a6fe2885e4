import type { Sql } from '../../core/db/database.ts';
import { scheduleEntryDeadlines } from './entry-deadline-reminders.ts';
import * as repository from './evaluations.repository.ts';

/**
 * A dossier the commune just forwarded joins its province's open round, if there is one (called in the
 * forwarding transaction); otherwise it waits and joins the next round opened.
 */
export async function joinOpenRound(tx: Sql, dossier: { id: string; provinceCode: string; type: string }, on: string, now: Date, actorUserId: string | null): Promise<string | null> {
  const roundId = await repository.findOpenRoundFor(tx, 'province', dossier.provinceCode, on, dossier.type);
  if (!roundId) return null;
  const round = (await repository.findRound(tx, roundId))!;
  const [entryId] = await repository.addWaitingEntries(tx, round, now, dossier.id);
  if (!entryId) return null;
  await repository.insertEntryEvent(tx, { entryId, action: 'joined', actorUserId, at: now });
  await scheduleEntryDeadlines(tx, [entryId], now);
  return entryId;
}

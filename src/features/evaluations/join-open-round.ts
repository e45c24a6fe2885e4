import type { Sql } from '../../core/db/database.ts';
import { latestIssuedOnOfProducts } from '../certificates/index.ts';
import { scheduleEntryDeadlines } from './entry-deadline-reminders.ts';
import * as repository from './evaluations.repository.ts';
import type { Round } from './evaluations.repository.ts';

/** What waits for an open round: a dossier the commune just forwarded, or the products provinces proposed for 5★. */
export type WaitingForRound = { id: string; provinceCode: string; type: string } | 'proposed_to_central';

/**
 * A dossier the commune just forwarded joins its province's open round, if there is one (called in the
 * forwarding transaction); otherwise it waits and joins the next round opened. After a province's
 * decision, the products it proposed for 5★ (90 points or more) join the ministry's open round the same
 * way (QĐ 26/2026 Đ.7.4). Returns the new entries.
 */
export async function joinOpenRound(tx: Sql, waiting: WaitingForRound, on: string, now: Date, actorUserId: string | null): Promise<string[]> {
  const roundId =
    waiting === 'proposed_to_central'
      ? await repository.findOpenRoundFor(tx, 'central', null, on)
      : await repository.findOpenRoundFor(tx, 'province', waiting.provinceCode, on, waiting.type);
  if (!roundId) return [];
  const round = (await repository.findRound(tx, roundId))!;
  return admitWaitingEntries(tx, round, now, actorUserId, waiting === 'proposed_to_central' ? null : waiting.id);
}

/** The dossiers waiting for a round (or the one named) join it: an entry each, its event, its deadline reminder. */
export async function admitWaitingEntries(tx: Sql, round: Round, now: Date, actorUserId: string | null, dossierId: string | null = null): Promise<string[]> {
  const dossierIds = round.level === 'province' ? await uncertifiedWaitingDossiers(tx, round, dossierId) : dossierId ? [dossierId] : null;
  const joined = await repository.addWaitingEntries(tx, round, now, dossierIds);
  for (const entryId of joined) await repository.insertEntryEvent(tx, { entryId, action: 'joined', actorUserId, at: now });
  await scheduleEntryDeadlines(tx, joined, now);
  return joined;
}

/** A dossier that already led to a certificate (e.g. decided before this system, imported) is done: it joins no round. */
async function uncertifiedWaitingDossiers(tx: Sql, round: Round, dossierId: string | null): Promise<string[]> {
  const waiting = await repository.listWaitingDossiers(tx, round, dossierId);
  const issuedOn = await latestIssuedOnOfProducts(tx, waiting.map((w) => w.productId));
  return waiting
    .filter((w) => {
      const issued = issuedOn.get(w.productId);
      return !(issued !== undefined && w.forwardedOn !== null && issued >= w.forwardedOn);
    })
    .map((w) => w.dossierId);
}

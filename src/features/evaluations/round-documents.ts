/** What the documents of a closed round read (round-minutes-pdf.ts, round-decision-draft-pdf.ts). */
import type { Actor } from '../../core/auth/actor.ts';
import type { Sql } from '../../core/db/database.ts';
import { CURRENT_UNITS_VERSION, findUnit } from '../admin-units/index.ts';
import type { EvaluationScore } from '../rule-sets/index.ts';
import * as repository from './evaluations.repository.ts';
import { loadRound, seesAllEntriesOf } from './round-access.ts';
import { hasCouncilResult, invalidTransition, isSessionClosed } from './round-status.ts';

/** "85.333" → "85,33": the engine's display value with a Vietnamese decimal comma. */
export const vn = (display: string): string => display.replace('.', ',');

export async function closedRound(sql: Sql, actor: Actor, roundId: string) {
  const access = await loadRound(sql, actor, roundId);
  if (!isSessionClosed(access.round.status)) throw invalidTransition('Biên bản có sau khi hội đồng kết thúc phiên họp.', 'The session is not closed yet.');
  seesAllEntriesOf(actor, access);
  const entries = (await repository.listEntries(sql, roundId)).filter((e) => hasCouncilResult(e.status));
  const results = new Map<string, EvaluationScore | null>();
  for (const entry of entries) results.set(entry.id, await repository.findEntryResult(sql, entry.id));
  const provinceNames = new Map<string, string>();
  for (const code of new Set(entries.map((e) => e.provinceCode))) {
    provinceNames.set(code, (await findUnit(sql, CURRENT_UNITS_VERSION, 'province', code))?.fullName ?? code);
  }
  return { ...access, entries, results, provinceNames };
}

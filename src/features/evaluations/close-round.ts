import { recordAuditEvent } from '../../core/audit.ts';
import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, forbidden } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import type { EvaluationScore } from '../rule-sets/index.ts';
import { councilScoreOf, councilSheetsOf } from './council-score.ts';
import { canCloseRound } from './evaluations.policy.ts';
import * as repository from './evaluations.repository.ts';
import type { CloseInput, RoundDetail } from './evaluations.schemas.ts';
import { getRoundDetail } from './read-round.ts';
import { loadRound } from './round-access.ts';
import { listRoundMembers } from './round-members.ts';
import { outcomeLabels, outcomeOf } from './round-rules.ts';
import { entryAllows, entryTransitions, invalidTransition, roundAllows, roundTransitions } from './round-status.ts';

/**
 * The council closes its session (biên bản): every dossier being scored gets its result from the scoring
 * engine under the round's rule set (council averages, star band and markers, disqualification, quorum),
 * frozen in the entry (too few sheets: no quorum, no result); dossiers not yet ready or not scored by
 * anyone leave the round for the next one. Refused while a dossier waits for a re-score. From here on
 * the scores are immutable.
 */
export async function closeRound(ctx: AppContext, actor: Actor, roundId: string, input: CloseInput, requestId?: string): Promise<RoundDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const { round, membership } = await loadRound(tx, actor, roundId, { forUpdate: true });
    if (!canCloseRound(actor, round, membership)) throw forbidden('Chỉ Chủ tịch hội đồng hoặc cơ quan tổ chức kết thúc phiên họp.');
    if (round.version !== input.version) throw conflict('Đợt đánh giá vừa được người khác cập nhật. Hãy tải lại.', 'Changed by someone else.');
    if (!roundAllows(round.status, 'close')) throw invalidTransition('Phiên họp của đợt đánh giá đã kết thúc.', 'Already closed.');
    const members = await listRoundMembers(tx, roundId);
    const entries = await repository.listEntries(tx, roundId, { forUpdate: true });
    const scoring = entries.filter((e) => entryAllows(e.status, 'close'));
    const conflicts = await repository.listConflicts(tx, scoring.map((e) => e.id));
    const scores = await repository.listScores(tx, scoring.map((e) => e.id), { submittedOnly: true });
    const now = ctx.clock.now();
    const problems: string[] = [];
    const results: Array<{ entry: (typeof scoring)[number]; score: EvaluationScore }> = [];
    const unscored: typeof scoring = [];
    for (const entry of scoring) {
      const council = councilSheetsOf(entry, members, new Set(conflicts.filter((c) => c.entryId === entry.id).map((c) => c.userId)), scores);
      if (council.sheets.length === 0) {
        unscored.push(entry); // nobody has scored it yet: it waits for the next round, like a dossier still under review
        continue;
      }
      const result = councilScoreOf(round, entry, members, council);
      if (!result.ok) throw new Error(`scoring ${entry.id}: ${result.errors.map((e) => e.message).join('; ')}`);
      if (result.value.status === 'needs-rescore') problems.push(`${entry.productName}: điểm các thành viên chênh quá mức, cần chấm lại.`);
      results.push({ entry, score: result.value });
    }
    if (results.length === 0) throw invalidTransition('Chưa có hồ sơ nào được chấm điểm trong đợt này.', 'Nothing was scored.');
    if (problems.length) {
      throw invalidTransition(`Chưa kết thúc được phiên họp: ${problems.join(' ')}`, 'Some dossiers are not ready to close.', { products: problems });
    }
    for (const { entry, score } of results) {
      const outcome = outcomeOf(score, round.level);
      // A province cannot recognise 5★ (Đ.3.2 QĐ 26/2026): 90 points or more is a result it approves and
      // proposes to the ministry, never a star of its own — no 5★ shows for it anywhere.
      const stars = outcome === 'proposed_to_central' ? null : score.stars;
      await repository.updateEntry(tx, entry.id, { status: entryTransitions.close.to, result: score, averageTotal: score.average.total.value, stars, outcome }, now);
      await repository.insertEntryEvent(tx, {
        entryId: entry.id,
        action: 'closed',
        note: `${score.average.total.display.replace('.', ',')} điểm${stars ? `, ${stars} sao` : ''}: ${outcomeLabels[outcome].vi}.`,
        details: { total: score.average.total.display, stars, outcome },
        actorUserId: actor.userId,
        at: now,
      });
    }
    // Every other entry still under way leaves the round for the next one.
    const notReady = entries.filter((e) => !scoring.includes(e) && entryAllows(e.status, 'withdraw'));
    for (const entry of [...notReady, ...unscored]) {
      await repository.updateEntry(tx, entry.id, { status: entryTransitions.withdraw.to }, now);
      await repository.insertEntryEvent(tx, { entryId: entry.id, action: 'withdrawn', note: 'Chưa đủ điều kiện chấm điểm trong đợt này: chuyển sang đợt sau.', actorUserId: actor.userId, at: now });
    }
    await repository.updateRound(tx, roundId, { status: roundTransitions.close.to, sessionHeldOn: input.sessionHeldOn, sessionPlace: input.sessionPlace, closedAt: now, closedBy: actor.userId }, now);
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'evaluation_round.closed',
      entityType: 'evaluation_round',
      entityId: roundId,
      after: { sessionHeldOn: input.sessionHeldOn, sessionPlace: input.sessionPlace, results: results.map((r) => ({ entryId: r.entry.id, total: r.score.average.total.display, stars: outcomeOf(r.score, round.level) === 'proposed_to_central' ? null : r.score.stars })) },
      requestId,
      occurredAt: now,
    });
    return getRoundDetail(tx, actor, roundId);
  });
}

import type { Actor } from '../../core/auth/actor.ts';
import type { Sql } from '../../core/db/database.ts';
import { issuingBodyOf } from '../certificates/index.ts';
import { renderMinutesPdf } from '../documents/index.ts';
import { isCouncilRole } from './evaluations.policy.ts';
import * as repository from './evaluations.repository.ts';
import { closedRound, vn } from './round-documents.ts';
import { displayNamesOf, listRoundMembers } from './round-members.ts';
import { outcomeLabels } from './round-rules.ts';

/** Who closed the round's session, as the minutes name them. */
async function closerName(sql: Sql, roundId: string): Promise<string> {
  const closedBy = await repository.findRoundCloser(sql, roundId);
  return closedBy ? ((await displayNamesOf(sql, [closedBy])).get(closedBy) ?? '') : '';
}

/** The council's minutes (biên bản họp hội đồng) of a closed round, as PDF. */
export async function roundMinutesPdf(sql: Sql, actor: Actor, roundId: string): Promise<Buffer> {
  const { round, entries, results } = await closedRound(sql, actor, roundId);
  const members = await listRoundMembers(sql, roundId);
  const scores = await repository.listScores(sql, entries.map((e) => e.id), { submittedOnly: true });
  return renderMinutesPdf({
    level: round.level,
    issuingBody: await issuingBodyOf(sql, round.level, round.provinceCode ?? ''),
    roundTitle: round.title,
    ruleSetId: round.ruleSetId,
    sessionHeldOn: round.sessionHeldOn!,
    sessionPlace: round.sessionPlace ?? '',
    members: members
      .filter((m) => isCouncilRole(m.role))
      .map((m) => ({ name: m.displayName, role: m.role as 'chair' | 'member', agency: m.agency, present: scores.some((s) => s.memberUserId === m.userId) })),
    entries: entries.map((entry) => {
      const result = results.get(entry.id);
      const notes: string[] = [];
      if (entry.attempt > 1) notes.push(`Chấm lại ${entry.attempt - 1} lần do điểm các thành viên chênh quá mức cho phép (${round.maxSpread.toLocaleString('vi-VN')} điểm).`);
      for (const capped of result?.starOutcome.cappedBy ?? []) notes.push(`Tiêu chí ${capped.criterion} chưa đạt yêu cầu tối thiểu ${capped.marker} sao.`);
      for (const reason of result?.disqualification?.reasons ?? []) notes.push(`Hồ sơ bị loại: ${reason.text}`);
      return {
        productName: entry.productName,
        producerName: entry.producerName,
        communeName: entry.communeName ?? entry.communeCode,
        productSetNumber: entry.productSetNumber,
        parts: {
          A: vn(result?.average.parts.A.display ?? '—'),
          B: vn(result?.average.parts.B.display ?? '—'),
          C: vn(result?.average.parts.C.display ?? '—'),
        },
        total: vn(result?.average.total.display ?? '—'),
        stars: entry.stars,
        outcome: entry.outcome ? outcomeLabels[entry.outcome].vi : '',
        notes,
      };
    }),
    closedBy: await closerName(sql, roundId),
  });
}

import type { Actor } from '../../core/auth/actor.ts';
import { today, type Clock } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import { AppError } from '../../core/errors.ts';
import { CURRENT_UNITS_VERSION, findUnit } from '../admin-units/index.ts';
import { issuingBodyOf } from '../certificates/index.ts';
import { renderDecisionDraftPdf, renderMinutesPdf } from '../documents/index.ts';
import type { EvaluationScore } from '../rule-sets/index.ts';
import * as repository from './evaluations.repository.ts';
import { isCouncilRole } from './evaluations.policy.ts';
import { loadRound, seesAllEntriesOf } from './read-evaluations.ts';
import { outcomeLabels } from './round-rules.ts';

/** "85.333" → "85,33": the engine's display value with a Vietnamese decimal comma. */
const vn = (display: string): string => display.replace('.', ',');

async function closedRound(sql: Sql, actor: Actor, roundId: string) {
  const access = await loadRound(sql, actor, roundId);
  if (access.round.status === 'open') throw new AppError('INVALID_TRANSITION', 'Biên bản có sau khi hội đồng kết thúc phiên họp.', undefined, 'The session is not closed yet.');
  seesAllEntriesOf(actor, access);
  const entries = (await repository.listEntries(sql, roundId)).filter((e) => e.status === 'closed' || e.status === 'decided');
  const results = new Map<string, EvaluationScore | null>();
  for (const entry of entries) results.set(entry.id, await repository.findEntryResult(sql, entry.id));
  const provinceNames = new Map<string, string>();
  for (const code of new Set(entries.map((e) => e.provinceCode))) {
    provinceNames.set(code, (await findUnit(sql, CURRENT_UNITS_VERSION, 'province', code))?.fullName ?? code);
  }
  return { ...access, entries, results, provinceNames };
}

/** The council's minutes (biên bản họp hội đồng) of a closed round, as PDF. */
export async function roundMinutesPdf(sql: Sql, actor: Actor, roundId: string): Promise<Buffer> {
  const { round, entries, results } = await closedRound(sql, actor, roundId);
  const members = await repository.listMembers(sql, roundId);
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
    closedBy: (await repository.findRoundCloserName(sql, roundId)) ?? '',
  });
}

/** The draft recognition decision (dự thảo quyết định công nhận) listing the products to recognise. */
export async function roundDecisionDraftPdf(sql: Sql, actor: Actor, roundId: string, clock: Clock): Promise<Buffer> {
  const { round, entries, results, provinceNames } = await closedRound(sql, actor, roundId);
  const recognised = entries.filter((e) => (e.outcome === 'recognised' || e.outcome === 'recognised_from_central') && e.stars && e.stars >= 3);
  return renderDecisionDraftPdf({
    level: round.level,
    issuingBody: await issuingBodyOf(sql, round.level, round.provinceCode ?? ''),
    roundTitle: round.title,
    ruleSetId: round.ruleSetId,
    draftedOn: today(clock),
    sessionHeldOn: round.sessionHeldOn,
    proposedBy: round.level === 'central' ? 'Văn phòng Điều phối nông thôn mới Trung ương' : 'Sở Nông nghiệp và Môi trường',
    entries: recognised.map((entry) => ({
      productName: entry.productName,
      producerName: entry.producerName,
      address: `${entry.communeName ?? entry.communeCode}, ${provinceNames.get(entry.provinceCode) ?? ''}`,
      productSetNumber: entry.productSetNumber,
      total: vn(results.get(entry.id)?.average.total.display ?? '—'),
      stars: entry.stars as 3 | 4 | 5,
    })),
  });
}

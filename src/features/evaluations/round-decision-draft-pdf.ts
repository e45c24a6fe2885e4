import type { Actor } from '../../core/auth/actor.ts';
import { today, type Clock } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import { issuingBodyOf } from '../certificates/index.ts';
import { renderDecisionDraftPdf } from '../documents/index.ts';
import { closedRound, vn } from './round-documents.ts';

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

import { recordAuditEvent } from '../../core/audit.ts';
import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { today } from '../../core/clock/index.ts';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { conflict, forbidden, invalidInput } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { clearReEvaluationFiled, issueCertificate, issuingBodyOf } from '../certificates/index.ts';
import { formatVietnameseDate } from '../documents/index.ts';
import { notify } from '../notifications/index.ts';
import { canManageRound } from './evaluations.policy.ts';
import * as repository from './evaluations.repository.ts';
import type { Entry } from './evaluations.repository.ts';
import type { DecisionInput, RoundDetail } from './evaluations.schemas.ts';
import { joinOpenRound } from './join-open-round.ts';
import { getRoundDetail } from './read-round.ts';
import { loadRound } from './round-access.ts';
import { outcomeLabels } from './round-rules.ts';
import { entryAllows, entryTransitions, invalidTransition, roundAllows, roundTransitions } from './round-status.ts';

async function tellProducerAndCommune(tx: Sql, entry: Entry, title: string, body: string, now: Date) {
  await notify(
    tx,
    [{ producerId: entry.producerId }, { communeOf: { provinceCode: entry.provinceCode, communeCode: entry.communeCode } }],
    { kind: 'evaluation.result', title, body, link: `/admin/dossiers/${entry.dossierId}`, dedupeKey: `evaluation.result:${entry.id}` },
    now,
  );
}

/** A re-evaluation that ends without a new certificate ends the old one's Đ.12.3 extension. */
async function endExtension(tx: Sql, entry: Entry, now: Date) {
  if (entry.dossierType === 're_evaluation') await clearReEvaluationFiled(tx, entry.productId, now);
}

/**
 * Records the competent authority's decision on a closed round (QĐ 26/2026 Đ.4, Đ.7.3.d–e, Đ.7.4.c): the
 * provincial chair recognises 3★/4★ and products of 90 points or more go to the ministry's next round;
 * the minister recognises 5★. Each recognised product gets its certificate (36 months); the producer and
 * the commune are notified of every result.
 */
export async function decideRound(ctx: AppContext, actor: Actor, roundId: string, input: DecisionInput, requestId?: string): Promise<RoundDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const { round } = await loadRound(tx, actor, roundId, { forUpdate: true });
    if (!canManageRound(actor, round)) {
      throw forbidden(round.level === 'central' ? 'Quyết định công nhận 5 sao do Bộ Nông nghiệp và Môi trường ghi nhận.' : 'Quyết định công nhận do cơ quan OCOP cấp tỉnh ghi nhận.');
    }
    if (round.version !== input.version) throw conflict('Đợt đánh giá vừa được người khác cập nhật. Hãy tải lại.', 'Changed by someone else.');
    if (!roundAllows(round.status, 'decide')) throw invalidTransition(round.status === 'open' ? 'Hội đồng chưa kết thúc phiên họp.' : 'Đợt đánh giá đã có quyết định.', 'The round is not closed.');
    if (input.signedOn > today(ctx.clock)) throw invalidInput([{ path: 'signedOn', message: 'Ngày ký không được sau ngày hôm nay.', messageEn: 'Cannot be in the future.' }]);
    if (round.sessionHeldOn && input.signedOn < round.sessionHeldOn) {
      throw invalidInput([{ path: 'signedOn', message: 'Ngày ký quyết định không được trước ngày họp hội đồng.', messageEn: 'Cannot precede the council session.' }]);
    }
    const now = ctx.clock.now();
    const issuingBody = await issuingBodyOf(tx, round.level, round.provinceCode ?? '');
    const decisionId = await repository.insertDecision(tx, { roundId, number: input.number, signedOn: input.signedOn, signerName: input.signerName, signerTitle: input.signerTitle, issuingBody, recordedBy: actor.userId }, now);
    const entries = (await repository.listEntries(tx, roundId, { forUpdate: true })).filter((e) => entryAllows(e.status, 'decide'));
    const issued: string[] = [];
    for (const entry of entries) {
      let body = outcomeLabels[entry.outcome!].vi;
      if (entry.outcome === 'recognised' && entry.stars && entry.stars >= 3) {
        const certificate = await issueCertificate(
          tx,
          { productId: entry.productId, stars: entry.stars as 3 | 4 | 5, level: round.level, ruleSetId: round.ruleSetId, issuedOn: input.signedOn, decisionNumber: input.number, decisionId, entryId: entry.id },
          auditActorOf(actor),
          now,
        );
        issued.push(certificate.number);
        body = `Sản phẩm được công nhận ${entry.stars} sao theo Quyết định số ${input.number}; giấy chứng nhận số ${certificate.number}, có giá trị 36 tháng.`;
      } else if (entry.outcome !== 'proposed_to_central') {
        await endExtension(tx, entry, now);
      }
      await repository.updateEntry(tx, entry.id, { status: entryTransitions.decide.to }, now);
      await repository.insertEntryEvent(tx, { entryId: entry.id, action: 'decided', note: `Quyết định số ${input.number} ngày ${formatVietnameseDate(input.signedOn)}`, actorUserId: actor.userId, at: now });
      await tellProducerAndCommune(tx, entry, `Kết quả đánh giá, phân hạng: ${entry.productName}`, body, now);
    }
    await repository.updateRound(tx, roundId, { status: roundTransitions.decide.to }, now);
    // Products of 90 points or more join the ministry's open round, if one is open (else the next one).
    if (round.level === 'province') await joinOpenRound(tx, 'proposed_to_central', today(ctx.clock), now, actor.userId);
    if (round.level === 'province' && entries.some((e) => e.outcome === 'proposed_to_central')) {
      await notify(tx, [{ ministry: true }], { kind: 'evaluation.proposed_to_central', title: `${issuingBody} đề nghị đánh giá 5 sao`, link: '/admin/evaluations', dedupeKey: `evaluation.proposed_to_central:${roundId}` }, now);
    }
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'evaluation_round.decided', entityType: 'evaluation_round', entityId: roundId, after: { ...input, decisionId, certificates: issued }, requestId, occurredAt: now });
    return getRoundDetail(tx, actor, roundId);
  });
}

import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { today } from '../../core/clock/index.ts';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { AppError, conflict, forbidden, invalidInput, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { clearReEvaluationFiled, issueCertificate, issuingBodyOf } from '../certificates/index.ts';
import { notify } from '../notifications/index.ts';
import * as repository from './evaluations.repository.ts';
import type { Entry, Round } from './evaluations.repository.ts';
import { canManageRound } from './evaluations.policy.ts';
import type { DecisionInput, EntryDetail, RecogniseFromCentralInput, RoundDetail } from './evaluations.schemas.ts';
import { getEntryDetail, getRoundDetail, loadEntry, loadRound } from './read-evaluations.ts';
import { scheduleEntryDeadlines } from './entry-deadline-reminders.ts';
import { outcomeLabels } from './round-rules.ts';

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
    if (round.status !== 'closed') throw new AppError('INVALID_TRANSITION', round.status === 'open' ? 'Hội đồng chưa kết thúc phiên họp.' : 'Đợt đánh giá đã có quyết định.', undefined, 'The round is not closed.');
    if (input.signedOn > today(ctx.clock)) throw invalidInput([{ path: 'signedOn', message: 'Ngày ký không được sau ngày hôm nay.', messageEn: 'Cannot be in the future.' }]);
    if (round.sessionHeldOn && input.signedOn < round.sessionHeldOn) {
      throw invalidInput([{ path: 'signedOn', message: 'Ngày ký quyết định không được trước ngày họp hội đồng.', messageEn: 'Cannot precede the council session.' }]);
    }
    const now = ctx.clock.now();
    const issuingBody = await issuingBodyOf(tx, round.level, round.provinceCode ?? '');
    const decisionId = await repository.insertDecision(tx, { roundId, number: input.number, signedOn: input.signedOn, signerName: input.signerName, signerTitle: input.signerTitle, issuingBody, recordedBy: actor.userId }, now);
    const entries = (await repository.listEntries(tx, roundId, { forUpdate: true })).filter((e) => e.status === 'closed');
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
      await repository.updateEntry(tx, entry.id, { status: 'decided' }, now);
      await repository.insertEntryEvent(tx, { entryId: entry.id, action: 'decided', note: `Quyết định số ${input.number} ngày ${input.signedOn}`, actorUserId: actor.userId, at: now });
      await tellProducerAndCommune(tx, entry, `Kết quả đánh giá, phân hạng: ${entry.productName}`, body, now);
    }
    await repository.updateRound(tx, roundId, { status: 'decided' }, now);
    // Products of 90 points or more join the ministry's open round, if one is open (else the next one).
    const centralRoundId = round.level === 'province' ? await repository.findOpenRoundFor(tx, 'central', null, today(ctx.clock)) : null;
    const centralRound = centralRoundId ? await repository.findRound(tx, centralRoundId) : null;
    if (centralRound) {
      const joined = await repository.addWaitingEntries(tx, centralRound, now);
      for (const entryId of joined) await repository.insertEntryEvent(tx, { entryId, action: 'joined', actorUserId: actor.userId, at: now });
      await scheduleEntryDeadlines(tx, joined, now);
    }
    if (round.level === 'province' && entries.some((e) => e.outcome === 'proposed_to_central')) {
      await notify(tx, [{ ministry: true }], { kind: 'evaluation.proposed_to_central', title: `${issuingBody} đề nghị đánh giá 5 sao`, link: '/admin/evaluations', dedupeKey: `evaluation.proposed_to_central:${roundId}` }, now);
    }
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'evaluation_round.decided', entityType: 'evaluation_round', entityId: roundId, after: { ...input, decisionId, certificates: issued }, requestId, occurredAt: now });
    return getRoundDetail(tx, actor, roundId);
  });
}

/**
 * Below 90 points at central level, the provincial chair may recognise the product as 3★ or 4★ from the
 * central result (Đ.7.4.d). Acts on the province's entry that proposed it.
 */
export async function recogniseFromCentral(ctx: AppContext, actor: Actor, entryId: string, input: RecogniseFromCentralInput, requestId?: string): Promise<EntryDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const { round, entry } = await loadEntry(tx, actor, entryId, { forUpdate: true });
    if (!canManageRound(actor, round)) throw forbidden('Chỉ cơ quan OCOP cấp tỉnh ghi nhận quyết định của tỉnh.');
    if (entry.version !== input.version) throw conflict('Hồ sơ vừa được người khác cập nhật. Hãy tải lại.', 'Changed by someone else.');
    if (entry.outcome !== 'proposed_to_central') throw new AppError('INVALID_TRANSITION', 'Sản phẩm này không được tỉnh đề nghị đánh giá 5 sao.', undefined, 'Not proposed to the ministry.');
    const central = await repository.findDecidedCentralEntry(tx, entryId);
    if (!central) throw new AppError('INVALID_TRANSITION', 'Chưa có kết quả đánh giá của Trung ương.', undefined, 'No central result yet.');
    if (central.stars === 5) throw new AppError('INVALID_TRANSITION', 'Sản phẩm đã được Trung ương công nhận 5 sao.', undefined, 'Recognised 5★ centrally.');
    if (!central.stars || central.stars < 3) throw new AppError('INVALID_TRANSITION', 'Kết quả của Trung ương dưới 3 sao: không công nhận được.', undefined, 'Below 3★.');
    if (input.signedOn > today(ctx.clock)) throw invalidInput([{ path: 'signedOn', message: 'Ngày ký không được sau ngày hôm nay.', messageEn: 'Cannot be in the future.' }]);
    const now = ctx.clock.now();
    const centralRound = await repository.findRound(tx, central.roundId);
    if (!centralRound) throw notFound('Đợt đánh giá');
    const certificate = await issueCertificate(
      tx,
      { productId: entry.productId, stars: central.stars as 3 | 4, level: 'province', ruleSetId: centralRound.ruleSetId, issuedOn: input.signedOn, decisionNumber: input.decisionNumber, entryId },
      auditActorOf(actor),
      now,
    );
    await repository.updateEntry(tx, entryId, { outcome: 'recognised_from_central', stars: central.stars }, now);
    await repository.insertEntryEvent(tx, { entryId, action: 'decided', note: `Tỉnh công nhận ${central.stars} sao theo kết quả của Trung ương (Quyết định số ${input.decisionNumber}).`, actorUserId: actor.userId, at: now });
    await notify(
      tx,
      [{ producerId: entry.producerId }, { communeOf: { provinceCode: entry.provinceCode, communeCode: entry.communeCode } }],
      { kind: 'evaluation.result', title: `Kết quả đánh giá, phân hạng: ${entry.productName}`, body: `Được công nhận ${central.stars} sao; giấy chứng nhận số ${certificate.number}.`, link: `/admin/dossiers/${entry.dossierId}`, dedupeKey: `evaluation.result:${entryId}:from-central` },
      now,
    );
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'round_entry.recognised_from_central', entityType: 'round_entry', entityId: entryId, after: { stars: central.stars, certificate: certificate.number, decisionNumber: input.decisionNumber }, requestId, occurredAt: now });
    return getEntryDetail(tx, actor, entryId);
  });
}

export type { Round };

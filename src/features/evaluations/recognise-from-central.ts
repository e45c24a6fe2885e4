import { recordAuditEvent } from '../../core/audit.ts';
import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { today } from '../../core/clock/index.ts';
import { withTransaction } from '../../core/db/database.ts';
import { AppError, conflict, forbidden, invalidInput, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { issueCertificate } from '../certificates/index.ts';
import { notify } from '../notifications/index.ts';
import { canManageRound } from './evaluations.policy.ts';
import * as repository from './evaluations.repository.ts';
import type { EntryDetail, RecogniseFromCentralInput } from './evaluations.schemas.ts';
import { getEntryDetail } from './read-entry.ts';
import { loadEntry } from './round-access.ts';

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

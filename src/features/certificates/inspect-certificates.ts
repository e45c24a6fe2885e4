import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { today } from '../../core/clock/index.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, forbidden, invalidInput, notFound, type FieldIssue } from '../../core/errors.ts';
import { pageOfResult, pageWindow } from '../../core/http/paging.ts';
import type { AppContext } from '../../core/http/types.ts';
import { notify } from '../notifications/index.ts';
import { formatVietnameseDate } from '../documents/index.ts';
import { canInspectCertificate, canReadCertificate, certificateVisibility } from './certificates.policy.ts';
import * as repository from './certificates.repository.ts';
import type { Inspection, InspectionsQuery, PlanInspectionInput, RecordInspectionInput } from './certificates.schemas.ts';
import { checkUnitInScope } from '../admin-units/index.ts';

const outcomeWords = { compliant: 'đạt yêu cầu', remedy_required: 'phải khắc phục', violation: 'có vi phạm' } as const;

/**
 * Plans a post-recognition inspection (hậu kiểm, QĐ 26/2026 Đ.9): periodic ('planned') or ad hoc, of a
 * certificate in force, by the province for its products or the ministry.
 */
export async function planInspection(ctx: AppContext, actor: Actor, certificateId: string, input: PlanInspectionInput, requestId?: string): Promise<Inspection> {
  return withTransaction(ctx.db, async (tx) => {
    const onDay = today(ctx.clock);
    const certificate = await repository.findCertificate(tx, certificateId, onDay, { forUpdate: true });
    if (!certificate || !canReadCertificate(actor, certificate)) throw notFound('Giấy chứng nhận');
    if (!canInspectCertificate(actor, certificate)) throw forbidden('Việc kiểm tra sau công nhận do tỉnh (sản phẩm của tỉnh) hoặc Bộ Nông nghiệp và Môi trường thực hiện (Điều 9).');
    if (certificate.revokedOn || certificate.supersededOn) {
      throw conflict('Giấy chứng nhận không còn hiệu lực (đã thu hồi hoặc đã được thay thế); không lập kế hoạch kiểm tra.', 'The certificate is no longer in force.');
    }
    if (input.plannedOn < certificate.issuedOn) {
      throw invalidInput([{ path: 'plannedOn', message: `Ngày kiểm tra không được trước ngày cấp giấy chứng nhận (${formatVietnameseDate(certificate.issuedOn)}).`, messageEn: 'Before the certificate was issued.' }]);
    }
    const now = ctx.clock.now();
    const id = await repository.insertInspection(tx, certificate, input, actor.userId, now);
    const saved = (await repository.findInspection(tx, id, onDay))!;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'inspection.planned', entityType: 'inspection', entityId: id, after: saved, requestId, occurredAt: now });
    await notify(
      tx,
      [{ producerId: certificate.producerId }, { communeOf: { provinceCode: certificate.provinceCode, communeCode: certificate.communeCode } }],
      {
        kind: 'inspection.planned',
        title: `Kiểm tra sau công nhận sản phẩm “${certificate.productName}”`,
        body: `${input.kind === 'planned' ? 'Kiểm tra định kỳ' : 'Kiểm tra đột xuất'} dự kiến ngày ${formatVietnameseDate(input.plannedOn)}, do ${input.inspectingBody} thực hiện.`,
        link: `/admin/certificates/${certificate.id}`,
        dedupeKey: `inspection.planned:${id}`,
      },
      now,
    );
    return saved;
  });
}

/**
 * Records what the inspection found (Đ.9.2: the criteria maintained, the OCOP mark used properly) and its
 * outcome. A 'violation' opens the way to revocation (the revoke form takes the inspection's id); the
 * revocation itself is the competent authority's separate decision.
 */
export async function recordInspection(ctx: AppContext, actor: Actor, id: string, input: RecordInspectionInput, requestId?: string): Promise<Inspection> {
  return withTransaction(ctx.db, async (tx) => {
    const onDay = today(ctx.clock);
    const before = await repository.findInspection(tx, id, onDay, { forUpdate: true });
    if (!before || !canReadCertificate(actor, { ...before })) throw notFound('Đợt kiểm tra');
    if (!canInspectCertificate(actor, before)) throw forbidden();
    if (before.version !== input.version) throw conflict('Đợt kiểm tra vừa được người khác cập nhật. Hãy tải lại để xem bản mới nhất.', 'Edited by someone else.');
    if (before.revokedByThis) throw conflict('Kết quả kiểm tra này đã là căn cứ thu hồi giấy chứng nhận; không sửa được nữa.', 'The inspection led to a revocation and is final.');
    const certificate = (await repository.findCertificate(tx, before.certificateId, onDay))!;
    const issues: FieldIssue[] = [];
    if (input.inspectedOn > onDay) issues.push({ path: 'inspectedOn', message: 'Ngày kiểm tra không được sau ngày hôm nay.', messageEn: 'In the future.' });
    if (input.inspectedOn < certificate.issuedOn) issues.push({ path: 'inspectedOn', message: `Ngày kiểm tra không được trước ngày cấp giấy chứng nhận (${formatVietnameseDate(certificate.issuedOn)}).`, messageEn: 'Before the certificate was issued.' });
    // A 'compliant' outcome with a criterion not kept would contradict itself.
    if (input.outcome === 'compliant' && (!input.criteriaMaintained || !input.markUsedProperly)) {
      issues.push({ path: 'outcome', message: 'Kết luận “đạt yêu cầu” chỉ khi sản phẩm duy trì tiêu chí và sử dụng nhãn hiệu OCOP đúng quy định.', messageEn: 'Compliant requires both checks to pass.' });
    }
    if (input.outcome !== 'compliant' && input.findings.length < 3) {
      issues.push({ path: 'findings', message: 'Hãy ghi rõ nội dung phát hiện khi kết luận phải khắc phục hoặc có vi phạm.', messageEn: 'Describe the findings.' });
    }
    if (issues.length > 0) throw invalidInput(issues);
    const now = ctx.clock.now();
    await repository.updateInspectionResult(
      tx,
      id,
      {
        inspectedOn: input.inspectedOn,
        criteriaMaintained: input.criteriaMaintained,
        markUsedProperly: input.markUsedProperly,
        findings: input.findings,
        outcome: input.outcome,
        inspectingBody: input.inspectingBody ?? before.inspectingBody,
      },
      now,
    );
    const after = (await repository.findInspection(tx, id, onDay))!;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'inspection.recorded', entityType: 'inspection', entityId: id, before, after, requestId, occurredAt: now });
    await notify(
      tx,
      [{ producerId: certificate.producerId }, { communeOf: { provinceCode: certificate.provinceCode, communeCode: certificate.communeCode } }, { provinceOffice: certificate.provinceCode }],
      {
        kind: 'inspection.recorded',
        title: `Kết quả kiểm tra sản phẩm “${certificate.productName}”: ${outcomeWords[input.outcome]}`,
        body: `Kiểm tra ngày ${formatVietnameseDate(input.inspectedOn)} (giấy chứng nhận ${certificate.number}).${input.findings ? ` ${input.findings}` : ''}`,
        link: `/admin/certificates/${certificate.id}`,
        dedupeKey: `inspection.recorded:${id}:${after.version}`,
      },
      now,
    );
    return after;
  });
}

export async function getInspection(ctx: AppContext, actor: Actor, id: string): Promise<Inspection> {
  const inspection = await repository.findInspection(ctx.db.pool, id, today(ctx.clock));
  if (!inspection || !canReadCertificate(actor, inspection)) throw notFound('Đợt kiểm tra');
  return inspection;
}

export async function listInspectionsFor(ctx: AppContext, actor: Actor, query: InspectionsQuery) {
  const visibility = certificateVisibility(actor);
  if (!visibility) throw forbidden();
  await checkUnitInScope(ctx.db.pool, actor, { provinceCode: query.province });
  const result = await repository.listInspections(ctx.db.pool, visibility, today(ctx.clock), {
    due: query.due,
    outcome: query.outcome,
    certificateId: query.certificate,
    provinceCode: query.province,
    ...pageWindow(query),
  });
  return pageOfResult(query, result);
}

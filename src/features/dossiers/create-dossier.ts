import { auditActorOf, isWithinScope, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { toLocalDate } from '../../core/clock/index.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, forbidden, invalidInput, notFound, type FieldIssue } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { findProducer } from '../producers/index.ts';
import { findProduct, registerProduct, type Product } from '../products/index.ts';
import { findRuleSetInForce } from '../rule-sets/index.ts';
import { communeCheckWorkingDays } from './dossier-deadline.ts';
import { loadDossierDetail, selfAssessmentIssues } from './dossier-details.ts';
import { canFileDossierFor } from './dossiers.policy.ts';
import * as repository from './dossiers.repository.ts';
import type { CreateDossierInput, DossierDetail } from './dossiers.schemas.ts';

const openDossierConflict = () =>
  conflict('Sản phẩm này đang có một hồ sơ chưa gửi lên tỉnh. Hãy tiếp tục hồ sơ đó hoặc rút nó trước.', 'This product already has a dossier in progress.');

/**
 * A producer starts a dossier (hồ sơ sản phẩm, QĐ 26/2026 Đ.6.1) as a draft: for a new product (first
 * time) or for one it already has (upgrade, re-evaluation). The Mẫu 01 fields start from the producer's
 * registry record; nothing is checked for completeness until it is submitted.
 */
export async function createDossier(ctx: AppContext, actor: Actor, input: CreateDossierInput, requestId?: string): Promise<DossierDetail> {
  const producerId = input.producerId ?? actor.producerId;
  if (!producerId) throw invalidInput([{ path: 'producerId', message: 'Chọn chủ thể nộp hồ sơ.', messageEn: 'Choose the producer.' }]);
  const producer = await findProducer(ctx.db.pool, producerId);
  if (!producer || !isWithinScope(actor, { ...producer, producerId: producer.id })) throw notFound('Chủ thể');
  if (!canFileDossierFor(actor, producer)) throw forbidden();

  const now = ctx.clock.now();
  // A dossier is filed under the rules in force on the day it is started.
  const ruleSet = findRuleSetInForce(toLocalDate(now));
  if (!ruleSet || communeCheckWorkingDays(ruleSet.id) === null) {
    throw invalidInput([{ path: 'type', message: 'Chưa có bộ quy định đang có hiệu lực cho việc nộp hồ sơ.', messageEn: 'No rule set in force for dossiers.' }]);
  }

  return withTransaction(ctx.db, async (tx) => {
    const issues: FieldIssue[] = [];
    let existing: Product | null = null;
    if (input.productId) {
      existing = await findProduct(tx, input.productId, { forUpdate: true });
      if (!existing || existing.producerId !== producer.id) {
        issues.push({ path: 'productId', message: 'Không có sản phẩm này của chủ thể.', messageEn: 'No such product of this producer.' });
        existing = null;
      }
    } else if (input.type !== 'first') {
      issues.push({ path: 'productId', message: 'Hồ sơ nâng hạng hoặc đánh giá lại cần chọn một sản phẩm đã có.', messageEn: 'Choose the existing product.' });
    }

    const sa = input.selfAssessmentId
      ? await selfAssessmentIssues(tx, input.selfAssessmentId, {
          id: null,
          producerId: producer.id,
          productSetNumber: existing?.productSetNumber ?? input.productSetNumber ?? null,
          ruleSetId: ruleSet.id,
        })
      : { issues: [], selfAssessment: null };
    issues.push(...sa.issues);

    const productName = input.productName ?? sa.selfAssessment?.productName;
    const productSetNumber = input.productSetNumber ?? sa.selfAssessment?.productSetNumber;
    if (!input.productId && input.type === 'first') {
      if (!productName) issues.push({ path: 'productName', message: 'Nhập tên sản phẩm (hoặc chọn bản tự đánh giá).', messageEn: 'Enter the product name.' });
      if (!productSetNumber) issues.push({ path: 'productSetNumber', message: 'Chọn bộ sản phẩm (hoặc chọn bản tự đánh giá).', messageEn: 'Choose the product set.' });
    }
    if (issues.length) throw invalidInput(issues);

    let productId: string;
    if (existing) {
      if (await repository.findOpenDossierOfProduct(tx, existing.id)) throw openDossierConflict();
      productId = existing.id;
    } else {
      productId = await registerProduct(tx, {
        producerId: producer.id,
        provinceCode: producer.provinceCode,
        communeCode: producer.communeCode,
        name: productName!,
        productSetNumber: productSetNumber!,
        ruleSetId: ruleSet.id,
        createdBy: actor.userId,
        now,
      });
    }

    const id = await repository.insertDossier(tx, {
      productId,
      producerId: producer.id,
      provinceCode: producer.provinceCode,
      communeCode: producer.communeCode,
      type: input.type,
      ruleSetId: ruleSet.id,
      form: {
        applicantName: input.applicantName ?? producer.name,
        representativeName: input.representativeName ?? producer.representativeName ?? '',
        representativePosition: input.representativePosition ?? producer.representativePosition ?? '',
        address: input.address ?? producer.address ?? '',
        phone: input.phone ?? producer.phone ?? '',
        email: input.email !== undefined ? input.email : producer.email,
        sampleCount: input.sampleCount ?? null,
        commitmentAccepted: input.commitmentAccepted ?? false,
        productStory: input.productStory ?? '',
        selfAssessmentId: input.selfAssessmentId ?? null,
      },
      createdBy: actor.userId,
      now,
    }).catch((error: unknown) => {
      // Two requests racing to open a dossier for the same product: the partial unique index decides.
      if ((error as { constraint?: string }).constraint === 'dossiers_one_open_per_product') throw openDossierConflict();
      throw error;
    });
    await repository.insertDossierEvent(tx, { dossierId: id, action: 'created', fromStatus: null, toStatus: 'draft', note: null, actorUserId: actor.userId, occurredAt: now });
    const created = (await loadDossierDetail(tx, actor, id, now))!;
    const { files: _files, events: _events, allowedActions: _allowed, canEdit: _canEdit, canCheck: _canCheck, ...forAudit } = created;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'dossier.created', entityType: 'dossier', entityId: id, after: forAudit, requestId, occurredAt: now });
    return created;
  });
}

import { createHash } from 'node:crypto';
import { recordAuditEvent } from '../../core/audit.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { Clock } from '../../core/clock/index.ts';
import { withTransaction, type Database } from '../../core/db/database.ts';
import { AppError } from '../../core/errors.ts';
import { recordImportedCertificate } from '../certificates/index.ts';
import { recordImportedSalesPoint } from '../fairs/index.ts';
import { insertProducer } from '../producers/index.ts';
import { registerProduct } from '../products/index.ts';
import type { ImportRow } from './import-row.ts';
import * as repository from './imports.repository.ts';
import { planImport, type RowChoices, type ImportPlan } from './plan-import.ts';

export interface ImportFile {
  kind: repository.ImportBatch['kind'];
  fileName: string;
  bytes: Buffer;
  /** What the rows were read with (the column mapping), kept on the batch. */
  mapping: unknown;
}

export interface CommitResult {
  batch: repository.ImportBatch;
  /** The same file was committed before: nothing was added. */
  alreadyImported: boolean;
  plan: ImportPlan | null;
}

const uniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * Commits an import (issue 12): the plan is made again inside one transaction and, only if no row has an
 * error, every producer, product and certificate it creates is written with its audit event, and the
 * batch (who, file, SHA-256, counts) records what it created and linked. All or nothing: a failure or a
 * kill -9 leaves the database as it was. The same file again adds nothing and answers with its batch.
 */
export async function commitImport(
  db: Database,
  clock: Clock,
  actor: Actor,
  input: { provinceCode: string; file: ImportFile; rows: readonly ImportRow[]; choices: RowChoices },
): Promise<CommitResult> {
  const sha256 = createHash('sha256').update(input.file.bytes).digest('hex');
  const now = clock.now();
  const audit = { userId: actor.userId, label: actor.displayName };
  try {
    return await withTransaction(db, async (tx) => {
      const earlier = await repository.findCommittedBatchOfFile(tx, input.provinceCode, sha256);
      if (earlier) return { batch: earlier, alreadyImported: true, plan: null };
      const plan = await planImport(tx, clock, { provinceCode: input.provinceCode, rows: input.rows, choices: input.choices });
      if (!plan.canCommit) {
        throw new AppError(
          'INVALID_INPUT',
          `Chưa nhập được: ${plan.counts.rowsWithErrors} dòng có lỗi. Sửa tệp hoặc chọn lại rồi gửi lại; chưa có gì được ghi.`,
          { issues: plan.issues.filter((i) => i.severity === 'error').map((i) => ({ path: `row.${i.rowNumber}${i.column ? `.${i.column}` : ''}`, message: i.message, messageEn: i.messageEn })), counts: plan.counts },
          'The import has rows with errors; nothing was written.',
        );
      }
      const records: repository.BatchRecord[] = [];
      const producerIds = new Map<string, string>();
      for (const producer of plan.producers) {
        let id = producer.existingId;
        if (!id) {
          id = await insertProducer(tx, {
            name: producer.name, legalForm: producer.legalForm, taxCode: producer.taxCode, provinceCode: producer.provinceCode,
            communeCode: producer.communeCode, address: producer.address, phone: producer.phone, email: producer.email,
            representativeName: producer.representativeName, now,
          });
          await recordAuditEvent(tx, { actor: audit, action: 'producer.imported', entityType: 'producer', entityId: id,
            after: { name: producer.name, legalForm: producer.legalForm, taxCode: producer.taxCode, communeCode: producer.communeCode, address: producer.address, row: producer.firstRow }, occurredAt: now });
        }
        producerIds.set(producer.key, id);
        records.push({ entityType: 'producer', entityId: id, action: producer.existingId ? 'linked' : 'created', rowNumber: producer.firstRow });
      }
      const productIds = new Map<string, string>();
      for (const product of plan.products) {
        const producer = plan.producers.find((p) => p.key === product.producerKey)!;
        let id = product.existingId;
        if (!id) {
          id = await registerProduct(tx, {
            producerId: producerIds.get(product.producerKey)!, provinceCode: producer.provinceCode, communeCode: producer.communeCode,
            name: product.name, productSetNumber: product.productSetNumber, ruleSetId: '26-2026', createdBy: actor.userId,
            printedCode: product.printedCode, now,
          });
          await recordAuditEvent(tx, { actor: audit, action: 'product.imported', entityType: 'product', entityId: id,
            after: { name: product.name, productSetNumber: product.productSetNumber, printedCode: product.printedCode, row: product.firstRow }, occurredAt: now });
        }
        productIds.set(product.key, id);
        records.push({ entityType: 'product', entityId: id, action: product.existingId ? 'linked' : 'created', rowNumber: product.firstRow });
      }
      for (const certificate of plan.certificates) {
        if (certificate.action === 'known') {
          records.push({ entityType: 'certificate', entityId: certificate.existingId!, action: 'linked', rowNumber: certificate.rowNumber });
          continue;
        }
        const { id } = await recordImportedCertificate(tx, {
          productId: productIds.get(certificate.productKey)!, stars: certificate.stars, ruleSetId: certificate.ruleSetId,
          decisionNumber: certificate.decisionNumber, issuedOn: certificate.issuedOn, number: certificate.number,
          issuingBody: certificate.issuingBody, expiresOn: certificate.expiresOn,
        }, audit, now);
        records.push({ entityType: 'certificate', entityId: id, action: 'created', rowNumber: certificate.rowNumber });
      }
      for (const point of plan.salesPoints) {
        const id = point.existingId ?? (await recordImportedSalesPoint(tx, {
          provinceCode: point.provinceCode, communeCode: point.communeCode, name: point.name, streetAddress: point.streetAddress,
          operatorName: point.operatorName, phone: point.phone,
        }, audit, now));
        records.push({ entityType: 'sales_point', entityId: id, action: point.existingId ? 'linked' : 'created', rowNumber: point.firstRow });
      }
      const batchId = await repository.insertBatch(tx, {
        provinceCode: input.provinceCode, kind: input.file.kind, fileName: input.file.fileName, fileSha256: sha256,
        fileBytes: input.file.bytes.length, mapping: input.file.mapping, counts: plan.counts, createdBy: actor.userId,
      }, now);
      await repository.insertBatchRecords(tx, batchId, records);
      await recordAuditEvent(tx, { actor: audit, action: 'import.committed', entityType: 'import_batch', entityId: batchId,
        after: { provinceCode: input.provinceCode, kind: input.file.kind, fileName: input.file.fileName, sha256, counts: plan.counts }, occurredAt: now });
      return { batch: (await repository.findBatch(tx, batchId))!, alreadyImported: false, plan };
    });
  } catch (error) {
    // Two commits of one file at once: the second meets the first's batch.
    if (uniqueViolation(error) && (error as { constraint?: string }).constraint === 'import_batches_file_key') {
      const batch = await repository.findCommittedBatchOfFile(db.pool, input.provinceCode, sha256);
      if (batch) return { batch, alreadyImported: true, plan: null };
    }
    throw error;
  }
}

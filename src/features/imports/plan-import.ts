import { today as todayOf, type Clock, type LocalDate } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import { foldVietnamese } from '../../core/text.ts';
import { createPlaceResolver, findUnit, CURRENT_UNITS_VERSION, type PlaceCandidate, type PlaceResolution } from '../admin-units/index.ts';
import { listKnownCertificates } from '../certificates/index.ts';
import { listKnownSalesPoints } from '../fairs/index.ts';
import { listKnownProducers, normalizeProducerName, parseTaxCode, type LegalForm } from '../producers/index.ts';
import { listProductsOfProducers } from '../products/index.ts';
import { findRuleSetInForce } from '../rule-sets/index.ts';
import type { ImportRow, RowIssue } from './import-row.ts';
import type { ImportCounts } from './imports.repository.ts';

/**
 * What the user settled for a row, by its row number: today's commune where the address was ambiguous or
 * unknown, the product set where the list gives none (the national register's files never do).
 */
export type RowChoices = Readonly<Record<string, { communeCode?: string; productSetNumber?: number }>>;

export interface PlannedProducer {
  key: string;
  firstRow: number;
  action: 'create' | 'link';
  existingId: string | null;
  name: string;
  legalForm: LegalForm;
  taxCode: string | null;
  provinceCode: string;
  communeCode: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  representativeName: string | null;
}

export interface PlannedProduct {
  key: string;
  firstRow: number;
  action: 'create' | 'link';
  existingId: string | null;
  producerKey: string;
  name: string;
  productSetNumber: number;
  printedCode: string | null;
}

export interface PlannedCertificate {
  rowNumber: number;
  productKey: string;
  action: 'create' | 'known';
  existingId: string | null;
  stars: 3 | 4 | 5;
  ruleSetId: string;
  decisionNumber: string;
  issuedOn: LocalDate;
  number: string | null;
  issuingBody: string | null;
  expiresOn: LocalDate | null;
}

export interface PlannedSalesPoint {
  key: string;
  firstRow: number;
  action: 'create' | 'link';
  existingId: string | null;
  provinceCode: string;
  communeCode: string;
  name: string;
  streetAddress: string;
  operatorName: string | null;
  phone: string | null;
}

export interface PlannedRow {
  rowNumber: number;
  producerName: string;
  productName: string | null;
  stars: number | null;
  /** As written: "Xã Mường Kim, Huyện Than Uyên". */
  placeWritten: string | null;
  place: PlaceResolution | null;
  communeCode: string | null;
  communeName: string | null;
  producerAction: 'create' | 'link' | null;
  productAction: 'create' | 'link' | null;
  certificateAction: 'create' | 'known' | 'skip' | null;
  issues: RowIssue[];
  producerKey: string | null;
  productKey: string | null;
  certificateKey: string | null;
}

export interface ImportPlan {
  provinceCode: string;
  rows: PlannedRow[];
  producers: PlannedProducer[];
  products: PlannedProduct[];
  certificates: PlannedCertificate[];
  salesPoints: PlannedSalesPoint[];
  /** Every problem of every row, in row order. */
  issues: RowIssue[];
  counts: ImportCounts;
  canCommit: boolean;
}

function issue(row: ImportRow, fields: Pick<RowIssue, 'column' | 'field' | 'severity' | 'code' | 'message' | 'messageEn'>): RowIssue {
  return { rowNumber: row.rowNumber, ...fields };
}

const placeName = (c: PlaceCandidate) => `${c.fullName}${c.via ? ` (trước đây ${c.via})` : ''}`;

/**
 * The dry run of an import (issue 12): for rows already read, today's commune of each address, which
 * producers, products and certificates the registry already holds (to link, not create), duplicates within
 * the file, and the domain rules a form would apply, every problem of every row at once. Nothing is
 * written; commitImport runs the same plan in its transaction.
 */
export async function planImport(
  sql: Sql,
  clock: Clock,
  input: { provinceCode: string; rows: readonly ImportRow[]; choices: RowChoices },
): Promise<ImportPlan> {
  const today = todayOf(clock);
  const resolvePlace = createPlaceResolver(sql, input.provinceCode);
  const chosenUnits = new Map<string, { code: string; fullName: string } | null>();
  const producers = new Map<string, PlannedProducer>();
  const products = new Map<string, PlannedProduct>();
  const certificates = new Map<string, PlannedCertificate>();
  const salesPoints = new Map<string, PlannedSalesPoint>();
  const planned: PlannedRow[] = [];

  for (const row of input.rows) {
    const issues = [...row.issues];
    const hasError = (field: RowIssue['field']) => issues.some((i) => i.field === field && i.severity === 'error');
    const placeWritten = [row.place.commune, row.place.district].filter(Boolean).join(', ') || null;
    const plannedRow: PlannedRow = {
      rowNumber: row.rowNumber, producerName: row.producer.name, productName: row.product?.name ?? null, stars: row.certificate?.stars ?? null,
      placeWritten, place: null, communeCode: null, communeName: null, producerAction: null, productAction: null, certificateAction: null, issues,
      producerKey: null, productKey: null, certificateKey: null,
    };
    planned.push(plannedRow);

    // Where: the user's pick wins; otherwise the address is resolved through the succession table.
    const communeColumn = row.place.columns.commune ?? row.place.columns.district;
    const choice = input.choices[String(row.rowNumber)]?.communeCode;
    if (choice) {
      if (!chosenUnits.has(choice)) {
        const unit = await findUnit(sql, CURRENT_UNITS_VERSION, 'commune', choice);
        chosenUnits.set(choice, unit && unit.provinceCode === input.provinceCode ? unit : null);
      }
      const unit = chosenUnits.get(choice);
      if (unit) {
        plannedRow.communeCode = unit.code;
        plannedRow.communeName = unit.fullName;
      } else {
        issues.push(issue(row, { column: communeColumn, field: 'communeName', severity: 'error', code: 'invalid_commune_choice',
          message: `Xã/phường đã chọn (mã ${choice}) không thuộc tỉnh của danh sách.`, messageEn: `The chosen commune ${choice} is not in the province.` }));
      }
    } else if (!row.place.commune) {
      issues.push(issue(row, { column: communeColumn, field: 'communeName', severity: 'error', code: 'missing_commune',
        message: 'Không có xã/phường/thị trấn của chủ thể.', messageEn: 'No commune given.' }));
    } else {
      const place = await resolvePlace({ commune: row.place.commune, district: row.place.district });
      plannedRow.place = place;
      if (place.status === 'resolved') {
        plannedRow.communeCode = place.commune.code;
        plannedRow.communeName = place.commune.fullName;
      } else if (place.status === 'ambiguous') {
        issues.push(issue(row, { column: communeColumn, field: 'communeName', severity: 'error', code: 'ambiguous_commune',
          message: `"${placeWritten}" ứng với nhiều xã/phường hiện nay: ${place.candidates.map(placeName).join('; ')}. Hãy chọn một.`,
          messageEn: `"${placeWritten}" matches several current communes; pick one.` }));
      } else {
        const hint = place.suggestions.length > 0 ? ` Có phải: ${place.suggestions.map(placeName).join('; ')}?` : '';
        issues.push(issue(row, { column: communeColumn, field: 'communeName', severity: 'error', code: 'unknown_commune',
          message: `Không tìm thấy "${placeWritten}" trong các đơn vị hành chính của tỉnh (trước và sau 01/7/2025).${hint}`,
          messageEn: `"${placeWritten}" matches no unit of the province, before or after 1 July 2025.` }));
      }
    }

    // A sales point: one per name in its commune.
    if (row.salesPoint && !row.producer.name) {
      const point = row.salesPoint;
      plannedRow.producerName = point.name;
      if (point.name.trim().length < 3) {
        issues.push(issue(row, { column: null, field: 'salesPointName', severity: 'error', code: 'short_sales_point_name',
          message: 'Tên điểm bán cần ít nhất 3 ký tự.', messageEn: 'A sales point name needs at least 3 characters.' }));
        continue;
      }
      if (!plannedRow.communeCode) continue;
      const key = `${plannedRow.communeCode}|${foldVietnamese(point.name)}`;
      const earlier = salesPoints.get(key);
      if (earlier) {
        issues.push(issue(row, { column: null, field: 'salesPointName', severity: 'warning', code: 'duplicate_sales_point',
          message: `Điểm bán này đã có ở dòng ${earlier.firstRow}; dòng này được bỏ qua.`, messageEn: `Same sales point as row ${earlier.firstRow}; skipped.` }));
        continue;
      }
      plannedRow.producerKey = `sales:${key}`;
      salesPoints.set(key, {
        key, firstRow: row.rowNumber, action: 'create', existingId: null, provinceCode: input.provinceCode, communeCode: plannedRow.communeCode,
        name: point.name, streetAddress: point.streetAddress ?? plannedRow.communeName ?? placeWritten ?? point.name, operatorName: point.operatorName, phone: point.phone,
      });
      continue;
    }

    // Who: one producer per tax code, else per name key in its commune.
    if (!row.producer.name) {
      if (!hasError('producerName')) issues.push(issue(row, { column: null, field: 'producerName', severity: 'error', code: 'missing_producer',
        message: 'Thiếu tên chủ thể.', messageEn: 'No producer name.' }));
      continue;
    }
    let taxCode: string | null = null;
    let taxRoot: string | null = null;
    if (row.producer.taxCode) {
      const parsed = parseTaxCode(row.producer.taxCode);
      if (parsed.ok) {
        taxCode = row.producer.taxCode;
        taxRoot = parsed.root;
      } else if (!hasError('producerTaxCode')) {
        issues.push(issue(row, { column: null, field: 'producerTaxCode', severity: 'error', code: 'invalid_tax_code',
          message: `Mã số thuế "${row.producer.taxCode}" không hợp lệ.`, messageEn: 'Invalid tax code.' }));
      }
    }
    if (!row.producer.legalForm && !hasError('producerLegalForm')) {
      issues.push(issue(row, { column: null, field: 'producerLegalForm', severity: 'error', code: 'missing_legal_form',
        message: `Không xác định được loại hình của "${row.producer.name}" (HTX, tổ hợp tác, doanh nghiệp, hộ kinh doanh…): thêm cột loại hình hoặc ghi rõ trong tên.`,
        messageEn: 'The legal form cannot be told; add a legal-form column.' }));
    }
    const producerKey = taxRoot ? `tax:${taxRoot}` : `name:${plannedRow.communeCode ?? '?'}:${normalizeProducerName(row.producer.name)}`;
    plannedRow.producerKey = producerKey;
    if (!producers.has(producerKey) && plannedRow.communeCode && row.producer.legalForm) {
      producers.set(producerKey, {
        key: producerKey, firstRow: row.rowNumber, action: 'create', existingId: null, name: row.producer.name, legalForm: row.producer.legalForm,
        taxCode, provinceCode: input.provinceCode, communeCode: plannedRow.communeCode, address: row.producer.address ?? placeWritten,
        phone: row.producer.phone, email: row.producer.email, representativeName: row.producer.representativeName,
      });
    }

    // What: one product per producer and name; its certificates in the order of their decisions.
    if (!row.product) continue;
    const productSetNumber = row.product.productSetNumber ?? input.choices[String(row.rowNumber)]?.productSetNumber ?? null;
    const productKey = `${producerKey}|${foldVietnamese(row.product.name)}`;
    plannedRow.productKey = productKey;
    if (productSetNumber === null && !hasError('productSet')) {
      issues.push(issue(row, { column: null, field: 'productSet', severity: 'error', code: 'missing_product_set',
        message: 'Thiếu bộ sản phẩm (1–26, Phụ lục II QĐ 26/2026).', messageEn: 'No product set (1–26).' }));
    }
    if (!products.has(productKey) && productSetNumber !== null) {
      products.set(productKey, {
        key: productKey, firstRow: row.rowNumber, action: 'create', existingId: null, producerKey, name: row.product.name,
        productSetNumber, printedCode: row.product.productCode,
      });
    }
    const c = row.certificate;
    if (!c) continue;
    if (!c.decisionNumber && !hasError('decisionNumber')) {
      issues.push(issue(row, { column: null, field: 'decisionNumber', severity: 'error', code: 'missing_decision_number',
        message: 'Thiếu số quyết định công nhận.', messageEn: 'No decision number.' }));
    }
    let ruleSetId: string | null = null;
    if (!c.decisionDate) {
      if (!hasError('decisionDate')) issues.push(issue(row, { column: null, field: 'decisionDate', severity: 'error', code: 'missing_decision_date',
        message: 'Thiếu ngày quyết định công nhận (để biết bộ tiêu chí và hạn giấy chứng nhận).', messageEn: 'No decision date.' }));
    } else if (c.decisionDate > today) {
      issues.push(issue(row, { column: null, field: 'decisionDate', severity: 'error', code: 'future_decision',
        message: `Ngày quyết định ${c.decisionDate.split('-').reverse().join('/')} ở tương lai.`, messageEn: 'The decision date is in the future.' }));
    } else {
      ruleSetId = findRuleSetInForce(c.decisionDate)?.id ?? null;
      if (!ruleSetId) issues.push(issue(row, { column: null, field: 'decisionDate', severity: 'error', code: 'no_rule_set',
        message: 'Không có bộ tiêu chí OCOP nào có hiệu lực vào ngày quyết định.', messageEn: 'No OCOP rule set was in force on the decision date.' }));
    }
    if (!ruleSetId || !c.decisionNumber || !c.decisionDate) continue;
    const certificateKey = c.certificateNumber ? `no:${c.certificateNumber}` : `${productKey}|${c.decisionNumber}|${c.stars}`;
    const earlier = certificates.get(certificateKey);
    if (earlier) {
      plannedRow.certificateKey = null;
      plannedRow.certificateAction = 'skip';
      issues.push(issue(row, { column: null, field: 'certificateNumber', severity: 'warning', code: 'duplicate_certificate',
        message: `Giấy chứng nhận này đã có ở dòng ${earlier.rowNumber}; dòng này được bỏ qua.`, messageEn: `Same certificate as row ${earlier.rowNumber}; skipped.` }));
      continue;
    }
    plannedRow.certificateKey = certificateKey;
    certificates.set(certificateKey, {
      rowNumber: row.rowNumber, productKey, action: 'create', existingId: null, stars: c.stars, ruleSetId, decisionNumber: c.decisionNumber,
      issuedOn: c.decisionDate, number: c.certificateNumber, issuingBody: c.issuingBody, expiresOn: c.expiresOn,
    });
  }

  await linkToRegistry(sql, { producers, products, certificates, rows: planned });
  if (salesPoints.size > 0) {
    const known = await listKnownSalesPoints(sql, input.provinceCode);
    for (const point of salesPoints.values()) {
      const match = known.find((k) => k.communeCode === point.communeCode && foldVietnamese(k.name) === foldVietnamese(point.name));
      if (match) {
        point.action = 'link';
        point.existingId = match.id;
      }
    }
  }

  for (const row of planned) {
    row.producerAction = row.producerKey?.startsWith('sales:')
      ? (salesPoints.get(row.producerKey.slice(6))?.action ?? null)
      : row.producerKey ? (producers.get(row.producerKey)?.action ?? null) : null;
    row.productAction = row.productKey ? (products.get(row.productKey)?.action ?? null) : null;
    if (row.certificateKey) row.certificateAction = certificates.get(row.certificateKey)?.action ?? null;
  }

  const issues = planned.flatMap((r) => r.issues);
  const rowsWithErrors = planned.filter((r) => r.issues.some((i) => i.severity === 'error')).length;
  const counts: ImportCounts = {
    rowsRead: planned.length,
    producersNew: count(producers.values(), 'create'),
    producersLinked: count(producers.values(), 'link'),
    productsNew: count(products.values(), 'create'),
    productsLinked: count(products.values(), 'link'),
    certificatesNew: count(certificates.values(), 'create'),
    certificatesKnown: count(certificates.values(), 'known'),
    salesPointsNew: count(salesPoints.values(), 'create'),
    salesPointsLinked: count(salesPoints.values(), 'link'),
    rowsWithErrors,
    warnings: issues.filter((i) => i.severity === 'warning').length,
  };
  return {
    provinceCode: input.provinceCode,
    rows: planned,
    producers: [...producers.values()],
    products: [...products.values()],
    certificates: [...certificates.values()].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.rowNumber - b.rowNumber),
    salesPoints: [...salesPoints.values()],
    issues,
    counts,
    canCommit: rowsWithErrors === 0 && planned.length > 0,
  };
}

function count(items: Iterable<{ action: string }>, action: string): number {
  let n = 0;
  for (const item of items) if (item.action === action) n++;
  return n;
}

/** Marks what the registry already holds: a producer by tax-code owner or name key, its products by name, certificates by number or decision. */
async function linkToRegistry(
  sql: Sql,
  plan: { producers: Map<string, PlannedProducer>; products: Map<string, PlannedProduct>; certificates: Map<string, PlannedCertificate>; rows: PlannedRow[] },
): Promise<void> {
  const wanted = [...plan.producers.values()];
  if (wanted.length === 0) return;
  const known = await listKnownProducers(sql, {
    taxCodeRoots: wanted.flatMap((p) => (p.key.startsWith('tax:') ? [p.key.slice(4)] : [])),
    names: wanted.map((p) => ({ communeCode: p.communeCode, name: p.name })),
  });
  const rowOf = new Map(plan.rows.map((r) => [r.rowNumber, r]));
  for (const producer of wanted) {
    const byTax = producer.key.startsWith('tax:') ? known.find((k) => k.taxCodeRoot === producer.key.slice(4)) : undefined;
    const byName = known.find((k) => k.mergedIntoId === null && k.communeCode === producer.communeCode && k.normalizedName === normalizeProducerName(producer.name));
    const match = byTax ?? byName;
    if (!match) continue;
    producer.action = 'link';
    producer.existingId = match.mergedIntoId ?? match.id;
    rowOf.get(producer.firstRow)?.issues.push({
      rowNumber: producer.firstRow, column: null, field: 'producerName', severity: 'warning', code: 'linked_producer',
      message: `Chủ thể "${match.name}" đã có trong hệ thống (${byTax ? 'cùng mã số thuế' : 'cùng tên trong cùng xã'}): sẽ liên kết, không tạo mới.`,
      messageEn: 'This producer is already registered: it will be linked, not created.',
    });
  }
  const linkedIds = wanted.flatMap((p) => (p.existingId ? [p.existingId] : []));
  const producerByKey = plan.producers;
  const knownProducts = linkedIds.length ? await listProductsOfProducers(sql, linkedIds) : [];
  for (const product of plan.products.values()) {
    const owner = producerByKey.get(product.producerKey);
    if (!owner?.existingId) continue;
    const match = knownProducts.find((k) => k.producerId === owner.existingId && foldVietnamese(k.name) === foldVietnamese(product.name));
    if (match) {
      product.action = 'link';
      product.existingId = match.id;
    }
  }
  const certificates = [...plan.certificates.values()];
  const knownCertificates = await listKnownCertificates(sql, {
    numbers: certificates.flatMap((c) => (c.number ? [c.number] : [])),
    productIds: [...plan.products.values()].flatMap((p) => (p.existingId ? [p.existingId] : [])),
  });
  for (const certificate of certificates) {
    const product = plan.products.get(certificate.productKey);
    const byNumber = certificate.number ? knownCertificates.find((k) => k.number === certificate.number) : undefined;
    if (byNumber && byNumber.productId !== product?.existingId) {
      rowOf.get(certificate.rowNumber)?.issues.push({
        rowNumber: certificate.rowNumber, column: null, field: 'certificateNumber', severity: 'error', code: 'certificate_number_taken',
        message: `Số giấy chứng nhận ${certificate.number} đã được dùng cho một sản phẩm khác trong hệ thống.`,
        messageEn: 'This certificate number is already held by another product.',
      });
      continue;
    }
    const same = byNumber ?? knownCertificates.find((k) => k.productId === product?.existingId && k.decisionNumber === certificate.decisionNumber && k.stars === certificate.stars);
    if (same) {
      certificate.action = 'known';
      certificate.existingId = same.id;
    }
  }
}

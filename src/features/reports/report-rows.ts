/**
 * The summary table of the programme report (Biểu số 01), as rows the workbook and the PDF both print,
 * so the two exports always carry the same figures.
 */
import type { ProgrammeReport } from './reports.schemas.ts';

export interface SummaryRow {
  /** "I", "1", "1.1" …; empty for a sub-item. */
  no: string;
  label: string;
  /** Đơn vị tính. */
  unit: string;
  current: number | null;
  previous: number | null;
  section?: boolean;
  format?: 'integer' | 'percent';
}

export const BIEU_SO = { summary: '01/BC-OCOP', products: '02/BC-OCOP', training: '03/BC-OCOP', plans: '04/BC-OCOP', fairs: '05/BC-OCOP' } as const;

export function summaryRows(report: ProgrammeReport): SummaryRow[] {
  const previous = new Map(report.comparison.map((c) => [c.key, c.previous]));
  const inPeriod = report.products.recognisedInPeriod;
  const inForce = report.products.inForce;
  const star = (b: ProgrammeReport['products']['inForce'], stars: number) => b.byStar.find((s) => s.stars === stars)?.products.value ?? 0;
  const c = report.certificates;
  const f = report.funnel;
  const rows: SummaryRow[] = [
    { no: 'I', label: 'SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN TRONG KỲ', unit: '', current: null, previous: null, section: true },
    { no: '1', label: 'Số sản phẩm được công nhận (cấp giấy chứng nhận) trong kỳ', unit: 'Sản phẩm', current: inPeriod.products.value, previous: previous.get('productsRecognised') ?? null },
    { no: '', label: '– Sản phẩm 3 sao', unit: 'Sản phẩm', current: star(inPeriod, 3), previous: null },
    { no: '', label: '– Sản phẩm 4 sao', unit: 'Sản phẩm', current: star(inPeriod, 4), previous: null },
    { no: '', label: '– Sản phẩm 5 sao', unit: 'Sản phẩm', current: star(inPeriod, 5), previous: null },
    { no: '2', label: 'Số chủ thể có sản phẩm được công nhận trong kỳ', unit: 'Chủ thể', current: inPeriod.producers, previous: null },
    { no: 'II', label: 'LŨY KẾ SẢN PHẨM OCOP CÒN HIỆU LỰC', unit: '', current: null, previous: null, section: true },
    { no: '1', label: 'Số sản phẩm OCOP còn hiệu lực', unit: 'Sản phẩm', current: inForce.products.value, previous: null },
    { no: '', label: '– Sản phẩm 3 sao', unit: 'Sản phẩm', current: star(inForce, 3), previous: null },
    { no: '', label: '– Sản phẩm 4 sao', unit: 'Sản phẩm', current: star(inForce, 4), previous: null },
    { no: '', label: '– Sản phẩm 5 sao', unit: 'Sản phẩm', current: star(inForce, 5), previous: null },
    { no: '2', label: 'Số chủ thể có sản phẩm OCOP còn hiệu lực', unit: 'Chủ thể', current: inForce.producers, previous: null },
    { no: '3', label: 'Số sản phẩm đã từng được công nhận (kể cả hết hiệu lực)', unit: 'Sản phẩm', current: report.products.everRecognised.value, previous: null },
    { no: 'III', label: 'GIẤY CHỨNG NHẬN', unit: '', current: null, previous: null, section: true },
    { no: '1', label: 'Giấy chứng nhận được cấp trong kỳ', unit: 'Giấy', current: c.issued.value, previous: previous.get('certificatesIssued') ?? null },
    { no: '', label: '– Công nhận lần đầu', unit: 'Giấy', current: c.firstRecognitions.value, previous: null },
    { no: '', label: '– Đánh giá lại', unit: 'Giấy', current: c.reEvaluated.value, previous: null },
    { no: '', label: '– Nâng hạng sao', unit: 'Giấy', current: c.upgraded.value, previous: null },
    { no: '2', label: 'Giấy chứng nhận sắp hết hạn (trong 180 ngày)', unit: 'Giấy', current: c.expiring.value, previous: null },
    { no: '3', label: 'Giấy chứng nhận hết hạn trong kỳ', unit: 'Giấy', current: c.expired.value, previous: previous.get('certificatesExpired') ?? null },
    { no: '', label: '– Trong đó đã được đánh giá lại', unit: 'Giấy', current: c.expiredReEvaluated, previous: null },
    { no: '', label: '– Tỷ lệ đánh giá lại', unit: '%', current: c.reEvaluationRate, previous: null, format: 'percent' },
    { no: '4', label: 'Giấy chứng nhận bị thu hồi trong kỳ', unit: 'Giấy', current: c.revoked.value, previous: previous.get('certificatesRevoked') ?? null },
    ...c.revokedByGround.map((g) => ({ no: '', label: `– ${g.label}`, unit: 'Giấy', current: g.count, previous: null })),
    { no: 'IV', label: 'ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM', unit: '', current: null, previous: null, section: true },
    { no: '1', label: 'Số kỳ đánh giá, phân hạng đã họp hội đồng', unit: 'Kỳ', current: report.rounds.held.value, previous: previous.get('roundsHeld') ?? null },
    { no: '2', label: 'Số sản phẩm được hội đồng đánh giá', unit: 'Sản phẩm', current: report.rounds.entriesDecided, previous: null },
    { no: '', label: '– Đạt (được công nhận)', unit: 'Sản phẩm', current: report.rounds.recognised, previous: null },
    { no: '', label: '– Đề nghị Trung ương đánh giá 5 sao', unit: 'Sản phẩm', current: report.rounds.proposedToCentral, previous: null },
    { no: '', label: '– Không đạt', unit: 'Sản phẩm', current: report.rounds.notRecognised, previous: null },
    { no: 'V', label: 'TRIỂN KHAI CHU TRÌNH OCOP', unit: '', current: null, previous: null, section: true },
    { no: '1', label: 'Ý tưởng sản phẩm đăng ký', unit: 'Ý tưởng', current: f.ideasRegistered.value, previous: previous.get('ideasRegistered') ?? null },
    { no: '', label: '– Được chấp thuận', unit: 'Ý tưởng', current: f.ideasPassed, previous: null },
    { no: '2', label: 'Phương án, dự án sản xuất kinh doanh tiếp nhận', unit: 'Phương án', current: f.plansReceived.value, previous: null },
    { no: '', label: '– Được phê duyệt', unit: 'Phương án', current: f.plansApproved, previous: null },
    { no: '3', label: 'Hồ sơ sản phẩm nộp (không kể hồ sơ đã rút)', unit: 'Hồ sơ', current: f.dossiersSubmitted.value, previous: previous.get('dossiersSubmitted') ?? null },
    { no: '', label: '– Hồ sơ đã rút trong kỳ', unit: 'Hồ sơ', current: f.dossiersWithdrawn, previous: null },
    { no: '', label: '– Xã đã tiếp nhận', unit: 'Hồ sơ', current: f.dossiersReceived, previous: null },
    { no: '', label: '– Xã đã chuyển lên tỉnh', unit: 'Hồ sơ', current: f.dossiersForwarded.value, previous: previous.get('dossiersForwarded') ?? null },
    { no: '4', label: 'Tỷ lệ hồ sơ xã chuyển lên tỉnh đúng hạn', unit: '%', current: report.onTime.rate, previous: null, format: 'percent' },
    { no: 'VI', label: 'TẬP HUẤN, XÚC TIẾN THƯƠNG MẠI (năm ' + report.year + ')', unit: '', current: null, previous: null, section: true },
    { no: '1', label: 'Số người được tập huấn (có mặt)', unit: 'Người', current: report.training.peopleTrained.total, previous: null },
    { no: '2', label: 'Số hội chợ, sự kiện xúc tiến thương mại tham gia', unit: 'Sự kiện', current: report.fairs.count, previous: null },
    { no: '3', label: 'Doanh thu tại hội chợ, sự kiện', unit: 'Đồng', current: report.fairs.revenueVnd, previous: null },
    { no: '4', label: 'Điểm giới thiệu và bán sản phẩm OCOP đang hoạt động', unit: 'Điểm', current: report.salesPoints.active.value, previous: null },
  ];
  return rows;
}

/** Rows of the classification table: each sector, then its product sets, with in-period and in-force counts. */
export function productSetRows(report: ProgrammeReport): Array<{ no: string; label: string; section: boolean; inPeriod: number; inForce: number; stars3: number; stars4: number; stars5: number }> {
  const { recognisedInPeriod: period, inForce } = report.products;
  const sectorCodes = [...new Set([...period.bySector, ...inForce.bySector].map((s) => s.code))].sort(
    (a, b) => ['I', 'II', 'III', 'IV', 'V', 'VI', '?'].indexOf(a) - ['I', 'II', 'III', 'IV', 'V', 'VI', '?'].indexOf(b),
  );
  const rows = [];
  for (const code of sectorCodes) {
    const p = period.bySector.find((s) => s.code === code);
    const f = inForce.bySector.find((s) => s.code === code);
    rows.push({ no: code, label: (p ?? f)!.name, section: true, inPeriod: p?.products ?? 0, inForce: f?.products ?? 0, stars3: f?.stars3 ?? 0, stars4: f?.stars4 ?? 0, stars5: f?.stars5 ?? 0 });
    const sets = [...new Set([...period.byProductSet, ...inForce.byProductSet].filter((s) => s.sectorCode === code).map((s) => s.number))].sort((a, b) => a - b);
    for (const number of sets) {
      const ps = period.byProductSet.find((s) => s.number === number);
      const fs = inForce.byProductSet.find((s) => s.number === number);
      rows.push({ no: String(number), label: `Bộ sản phẩm ${number}: ${(ps ?? fs)!.name}`, section: false, inPeriod: ps?.products ?? 0, inForce: fs?.products ?? 0, stars3: 0, stars4: 0, stars5: 0 });
    }
  }
  return rows;
}

/** Rows by legal form: producers and products in the period and in force. */
export function legalFormRows(report: ProgrammeReport): Array<{ label: string; periodProducers: number; periodProducts: number; forceProducers: number; forceProducts: number }> {
  const { recognisedInPeriod: period, inForce } = report.products;
  const forms = [...new Set([...period.byLegalForm, ...inForce.byLegalForm].map((l) => l.legalForm))];
  return forms.map((form) => {
    const p = period.byLegalForm.find((l) => l.legalForm === form);
    const f = inForce.byLegalForm.find((l) => l.legalForm === form);
    return { label: (p ?? f)!.label, periodProducers: p?.producers ?? 0, periodProducts: p?.products ?? 0, forceProducers: f?.producers ?? 0, forceProducts: f?.products ?? 0 };
  });
}

/** Rows by unit (communes of a province, provinces of the nation). */
export function unitRows(report: ProgrammeReport): Array<{ name: string; inPeriod: number; inForce: number; stars3: number; stars4: number; stars5: number }> {
  const { recognisedInPeriod: period, inForce } = report.products;
  const codes = [...new Set([...period.byUnit, ...inForce.byUnit].map((u) => u.code))];
  return codes
    .map((code) => {
      const p = period.byUnit.find((u) => u.code === code);
      const f = inForce.byUnit.find((u) => u.code === code);
      return { name: (p ?? f)!.name, inPeriod: p?.products.value ?? 0, inForce: f?.products.value ?? 0, stars3: f?.stars3 ?? 0, stars4: f?.stars4 ?? 0, stars5: f?.stars5 ?? 0 };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/**
 * The yearly report of a unit as an Excel workbook, with the headings and layout officials use in their
 * reports (Báo cáo kết quả thực hiện Chương trình OCOP): one sheet each for training, plan progress and
 * trade promotion. Numbers stay numbers (formatted #,##0) so officials can add them up further.
 */
import ExcelJS from 'exceljs';
import type { ProgrammeReport } from './reports.schemas.ts';

const statusLabels: Record<ProgrammeReport['plans'][number]['status'], string> = {
  achieved: 'Đã đạt',
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ chậm',
  behind: 'Chậm tiến độ',
  no_data: 'Chưa có số liệu',
};
const sourceLabels: Record<ProgrammeReport['plans'][number]['indicators'][number]['source'], string> = {
  registry: 'Tính từ dữ liệu hệ thống',
  entered: 'Số liệu báo cáo',
  unavailable: 'Chưa có số liệu',
};
const scopeLabels = { in_province: 'Trong tỉnh', out_of_province: 'Ngoài tỉnh', international: 'Quốc tế' } as const;

const INTEGER = '#,##0';
const DECIMAL = '#,##0.0#';

/** 2026-06-16 → 16/06/2026 */
export function vietnameseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
const period = (from: string, to: string) => (from === to ? vietnameseDate(from) : `${vietnameseDate(from)} – ${vietnameseDate(to)}`);

function titleRows(sheet: ExcelJS.Worksheet, title: string, report: ProgrammeReport, width: number): void {
  sheet.addRow([title]);
  sheet.addRow([`${report.unitName} – năm ${report.year}`]);
  for (const row of [1, 2]) {
    sheet.mergeCells(row, 1, row, width);
    const cell = sheet.getCell(row, 1);
    cell.font = { bold: row === 1, size: row === 1 ? 13 : 11 };
    cell.alignment = { horizontal: 'center' };
  }
  sheet.addRow([]);
}

function headingRow(sheet: ExcelJS.Worksheet, headings: string[]): void {
  const row = sheet.addRow(headings);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0E0' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: row.number }];
}

function formatColumns(row: ExcelJS.Row, formats: Record<number, string>): void {
  for (const [column, format] of Object.entries(formats)) row.getCell(Number(column)).numFmt = format;
}

export async function buildProgrammeWorkbook(report: ProgrammeReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OCOP Hub';
  workbook.created = report.generatedAt;

  // Training
  const training = workbook.addWorksheet('Tập huấn');
  training.columns = [6, 40, 28, 24, 28, 40, 9, 12, 12, 12, 12, 10, 14].map((width) => ({ width }));
  titleRows(training, 'KẾT QUẢ TẬP HUẤN, BỒI DƯỠNG KIẾN THỨC OCOP', report, 13);
  headingRow(training, ['STT', 'Tên lớp tập huấn', 'Đơn vị tổ chức', 'Thời gian', 'Địa điểm', 'Chuyên đề', 'Số buổi', 'Số người đăng ký', 'Cán bộ cấp tỉnh', 'Cán bộ cấp xã', 'Chủ thể OCOP', 'Khác', 'Tổng số người tham dự']);
  const countFormats = { 7: INTEGER, 8: INTEGER, 9: INTEGER, 10: INTEGER, 11: INTEGER, 12: INTEGER, 13: INTEGER };
  report.training.trainings.forEach((t, index) => {
    const row = training.addRow([
      index + 1, t.title, t.organiserName, period(t.startsOn, t.endsOn), t.place, t.topics.join('; '), t.sessions, t.registered,
      t.attended.provinceOfficials, t.attended.communeOfficials, t.attended.producers, t.attended.other, t.attended.total,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    formatColumns(row, countFormats);
  });
  const sum = (pick: (t: ProgrammeReport['training']['trainings'][number]) => number) => report.training.trainings.reduce((total, t) => total + pick(t), 0);
  const totals = training.addRow([
    '', 'Tổng cộng', '', '', '', '', sum((t) => t.sessions), sum((t) => t.registered), sum((t) => t.attended.provinceOfficials),
    sum((t) => t.attended.communeOfficials), sum((t) => t.attended.producers), sum((t) => t.attended.other), sum((t) => t.attended.total),
  ]);
  totals.font = { bold: true };
  formatColumns(totals, countFormats);
  training.addRow([]);
  const { producers } = report.training;
  for (const [label, value, format] of [
    ['Số chủ thể OCOP của đơn vị', producers.total, INTEGER],
    ['Số chủ thể được tập huấn trong năm', producers.trained, INTEGER],
    ['Tỷ lệ chủ thể được tập huấn (%)', producers.percent ?? '', '#,##0.0'],
  ] as const) {
    const row = training.addRow(['', label, value]);
    row.getCell(3).numFmt = format;
  }

  // Plans
  const plans = workbook.addWorksheet('Kế hoạch');
  plans.columns = [6, 36, 26, 12, 14, 14, 11, 18, 50].map((width) => ({ width }));
  titleRows(plans, 'TIẾN ĐỘ THỰC HIỆN CÁC CHỈ TIÊU KẾ HOẠCH OCOP', report, 9);
  if (report.plans.length === 0) plans.addRow(['', 'Đơn vị chưa có kế hoạch năm nay trong hệ thống.']);
  for (const plan of report.plans) {
    const head = plans.addRow([`${plan.title} (${plan.legalReference}) – đánh giá chung: ${statusLabels[plan.status]}`]);
    head.font = { bold: true };
    headingRow(plans, ['STT', 'Chỉ tiêu', 'Sản phẩm', 'ĐVT', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ (%)', 'Đánh giá', 'Nguồn số liệu / Minh chứng']);
    plan.indicators.forEach((indicator, index) => {
      const label = indicator.starRating ? `${indicator.label} ${indicator.starRating} sao` : indicator.label;
      const row = plans.addRow([
        index + 1, label, indicator.productName ?? '', indicator.unit, indicator.targetValue, indicator.achieved ?? '', indicator.percent ?? '',
        statusLabels[indicator.status], [sourceLabels[indicator.source], indicator.evidence].filter(Boolean).join(': '),
      ]);
      row.alignment = { vertical: 'top', wrapText: true };
      const decimal = (value: number | null) => (value !== null && !Number.isInteger(value) ? DECIMAL : INTEGER);
      formatColumns(row, { 5: decimal(indicator.targetValue), 6: decimal(indicator.achieved), 7: '#,##0.0' });
    });
    for (const warning of plan.warnings) {
      const row = plans.addRow(['', `Lưu ý: ${warning}`]);
      row.font = { italic: true, color: { argb: 'FFB45309' } };
    }
    plans.addRow([]);
  }

  // Trade promotion
  const fairs = workbook.addWorksheet('Xúc tiến thương mại');
  fairs.columns = [6, 44, 14, 24, 32, 16, 14, 20].map((width) => ({ width }));
  titleRows(fairs, 'KẾT QUẢ THAM GIA HỘI CHỢ, SỰ KIỆN XÚC TIẾN THƯƠNG MẠI', report, 8);
  headingRow(fairs, ['STT', 'Tên hội chợ, sự kiện', 'Phạm vi', 'Thời gian', 'Địa điểm', 'Số chủ thể tham gia', 'Lượt khách', 'Doanh thu (đồng)']);
  const fairFormats = { 6: INTEGER, 7: INTEGER, 8: INTEGER };
  report.fairs.items.forEach((fair, index) => {
    const row = fairs.addRow([index + 1, fair.name, scopeLabels[fair.scope], period(fair.startsOn, fair.endsOn), fair.place, fair.participantCount, fair.totalVisitors, fair.totalRevenueVnd]);
    row.alignment = { vertical: 'top', wrapText: true };
    formatColumns(row, fairFormats);
  });
  const fairTotals = fairs.addRow(['', 'Tổng cộng', '', '', '', report.fairs.participations, report.fairs.visitors, report.fairs.revenueVnd]);
  fairTotals.font = { bold: true };
  formatColumns(fairTotals, fairFormats);
  fairs.addRow([]);
  fairs.addRow(['', `Số hội chợ, sự kiện: ${report.fairs.count} (trong tỉnh ${report.fairs.byScope.in_province}, ngoài tỉnh ${report.fairs.byScope.out_of_province}, quốc tế ${report.fairs.byScope.international})`]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

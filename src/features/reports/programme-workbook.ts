/**
 * The yearly report of a unit as an Excel workbook, with the headings and layout officials use in their
 * reports (Báo cáo kết quả thực hiện Chương trình OCOP): one sheet each for training, plan progress and
 * trade promotion. Numbers stay numbers (formatted #,##0) so officials can add them up further.
 */
import ExcelJS from 'exceljs';
import { BIEU_SO, legalFormRows, productSetRows, summaryRows, unitRows } from './report-rows.ts';
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

/** "Lai Châu, ngày 30 tháng 9 năm 2026" (Nghị định 30/2020: a leading zero for days below 10 and months below 3). */
export function placeAndDate(report: ProgrammeReport): string {
  const place = report.level === 'nation' ? 'Hà Nội' : report.unitName.split(', ').at(-1)!.replace(/^(Tỉnh|Thành phố)\s+/u, '');
  const day = report.generatedAt.toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${place}, ngày ${String(d).padStart(2, '0')} tháng ${m < 3 ? String(m).padStart(2, '0') : m} năm ${y}`;
}

const columnLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/**
 * The administrative heading of a report form (Nghị định 30/2020/NĐ-CP, Phụ lục I; the statistical
 * forms' "Biểu số"): the issuing body and the form number on the left, the national name and motto on
 * the right, the place and date, then the title, the reporting period and the unit.
 */
function titleRows(sheet: ExcelJS.Worksheet, title: string, report: ProgrammeReport, width: number, formNumber: string): void {
  const split = Math.max(2, Math.floor(width * 0.4));
  const put = (row: number, fromColumn: number, toColumn: number, value: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(row, fromColumn, row, toColumn);
    const cell = sheet.getCell(row, fromColumn);
    cell.value = value;
    cell.font = { name: 'Times New Roman', size: 12, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  put(1, 1, split, report.issuingBody.toLocaleUpperCase('vi'), { bold: true });
  put(1, split + 1, width, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  put(2, 1, split, `Biểu số ${formNumber}`, { bold: false });
  put(2, split + 1, width, 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true });
  put(3, 1, split, '', {});
  put(3, split + 1, width, placeAndDate(report), { italic: true });
  put(5, 1, width, title, { bold: true, size: 14 });
  put(6, 1, width, `Kỳ báo cáo: ${report.period.label}`, { bold: true });
  put(7, 1, width, `Đơn vị báo cáo: ${report.unitName}. Số liệu tính đến ngày ${vietnameseDate(report.period.asOf)}.`, { italic: true });
  sheet.getRow(1).height = 32;
  sheet.addRow([]);
}

/** A4, landscape, one page wide, the header row repeated on every page, the print area the used range. */
function pageSetup(sheet: ExcelJS.Worksheet, width: number, headerRow: number): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printArea: `A1:${columnLetter(width)}${Math.max(sheet.rowCount, headerRow)}`,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '&CTrang &P/&N' };
}

function headingRow(sheet: ExcelJS.Worksheet, headings: string[]): number {
  const row = sheet.addRow(headings);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0E0' } };
  });
  if (!sheet.views?.length) sheet.views = [{ state: 'frozen', ySplit: row.number }];
  return row.number;
}

function formatColumns(row: ExcelJS.Row, formats: Record<number, string>): void {
  for (const [column, format] of Object.entries(formats)) row.getCell(Number(column)).numFmt = format;
}

const PERCENT = '0.0%';
const bordered = (row: ExcelJS.Row, width: number) => {
  for (let column = 1; column <= width; column++) {
    row.getCell(column).border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  }
};

/** Biểu số 01: the report's figures, with the previous period and the change where they compare. */
function addSummarySheet(workbook: ExcelJS.Workbook, report: ProgrammeReport): void {
  const sheet = workbook.addWorksheet('Tổng hợp');
  sheet.columns = [7, 62, 12, 16, 16, 14].map((width) => ({ width }));
  titleRows(sheet, 'BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM (OCOP)', report, 6, BIEU_SO.summary);
  const header = headingRow(sheet, ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kỳ báo cáo', `Cùng kỳ trước`, 'Tăng (+), giảm (-)']);
  for (const line of summaryRows(report)) {
    const compare = line.previous !== null && line.current !== null;
    const row = sheet.addRow([line.no, line.label, line.unit, line.current ?? '', line.previous ?? '', compare ? line.current! - line.previous! : '']);
    if (line.section) row.font = { bold: true };
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'top' };
    const format = line.format === 'percent' ? PERCENT : INTEGER;
    for (const column of [4, 5, 6]) row.getCell(column).numFmt = format;
    bordered(row, 6);
  }
  sheet.addRow([]);
  sheet.addRow(['', `Kỳ trước: ${report.period.previous.label}.`]).font = { italic: true };
  pageSetup(sheet, 6, header);
}

/** Biểu số 02: products by sector and product set (Phụ lục I), by legal form of the producer, by unit. */
function addProductsSheet(workbook: ExcelJS.Workbook, report: ProgrammeReport): void {
  const sheet = workbook.addWorksheet('Sản phẩm');
  sheet.columns = [7, 58, 16, 16, 11, 11, 11].map((width) => ({ width }));
  titleRows(sheet, 'SẢN PHẨM OCOP THEO NGÀNH, BỘ SẢN PHẨM, LOẠI HÌNH CHỦ THỂ VÀ ĐỊA BÀN', report, 7, BIEU_SO.products);
  const header = headingRow(sheet, ['STT', 'Ngành, bộ sản phẩm', 'Công nhận trong kỳ', 'Lũy kế còn hiệu lực', '3 sao', '4 sao', '5 sao']);
  const integers = (row: ExcelJS.Row, from: number, to: number) => {
    for (let column = from; column <= to; column++) row.getCell(column).numFmt = INTEGER;
  };
  for (const line of productSetRows(report)) {
    const row = sheet.addRow([line.no, line.label, line.inPeriod, line.inForce, ...(line.section ? [line.stars3, line.stars4, line.stars5] : ['', '', ''])]);
    if (line.section) row.font = { bold: true };
    integers(row, 3, 7);
    bordered(row, 7);
  }
  const total = sheet.addRow(['', 'Tổng cộng', report.products.recognisedInPeriod.products.value, report.products.inForce.products.value,
    ...[3, 4, 5].map((stars) => report.products.inForce.byStar.find((s) => s.stars === stars)!.products.value)]);
  total.font = { bold: true };
  integers(total, 3, 7);
  bordered(total, 7);

  sheet.addRow([]);
  headingRow(sheet, ['STT', 'Loại hình chủ thể', 'Chủ thể có SP công nhận trong kỳ', 'Sản phẩm công nhận trong kỳ', 'Chủ thể (lũy kế)', 'Sản phẩm (lũy kế)', '']);
  legalFormRows(report).forEach((line, index) => {
    const row = sheet.addRow([index + 1, line.label, line.periodProducers, line.periodProducts, line.forceProducers, line.forceProducts]);
    integers(row, 3, 6);
    bordered(row, 6);
  });

  sheet.addRow([]);
  headingRow(sheet, ['STT', report.level === 'nation' ? 'Tỉnh, thành phố' : 'Xã, phường, đặc khu', 'Công nhận trong kỳ', 'Lũy kế còn hiệu lực', '3 sao', '4 sao', '5 sao']);
  unitRows(report).forEach((line, index) => {
    const row = sheet.addRow([index + 1, line.name, line.inPeriod, line.inForce, line.stars3, line.stars4, line.stars5]);
    integers(row, 3, 7);
    bordered(row, 7);
  });
  pageSetup(sheet, 7, header);
}

export async function buildProgrammeWorkbook(report: ProgrammeReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OCOP Hub';
  workbook.created = report.generatedAt;
  addSummarySheet(workbook, report);
  addProductsSheet(workbook, report);

  // Training
  const training = workbook.addWorksheet('Tập huấn');
  training.columns = [6, 40, 28, 24, 28, 40, 9, 12, 12, 12, 12, 10, 14].map((width) => ({ width }));
  titleRows(training, 'KẾT QUẢ TẬP HUẤN, BỒI DƯỠNG KIẾN THỨC OCOP', report, 13, BIEU_SO.training);
  const trainingHeader = headingRow(training, ['STT', 'Tên lớp tập huấn', 'Đơn vị tổ chức', 'Thời gian', 'Địa điểm', 'Chuyên đề', 'Số buổi', 'Số người đăng ký', 'Cán bộ cấp tỉnh', 'Cán bộ cấp xã', 'Chủ thể OCOP', 'Khác', 'Tổng số người tham dự']);
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

  pageSetup(training, 13, trainingHeader);

  // Plans
  const plans = workbook.addWorksheet('Kế hoạch');
  plans.columns = [6, 36, 26, 12, 14, 14, 11, 18, 50].map((width) => ({ width }));
  titleRows(plans, 'TIẾN ĐỘ THỰC HIỆN CÁC CHỈ TIÊU KẾ HOẠCH OCOP', report, 9, BIEU_SO.plans);
  let plansHeader = 9;
  if (report.plans.length === 0) plans.addRow(['', 'Đơn vị chưa có kế hoạch năm nay trong hệ thống.']);
  for (const plan of report.plans) {
    const head = plans.addRow([`${plan.title} (${plan.legalReference}) – đánh giá chung: ${statusLabels[plan.status]}`]);
    head.font = { bold: true };
    const header = headingRow(plans, ['STT', 'Chỉ tiêu', 'Sản phẩm', 'ĐVT', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ (%)', 'Đánh giá', 'Nguồn số liệu / Minh chứng']);
    if (plansHeader === 9 && header !== 9) plansHeader = header;
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

  pageSetup(plans, 9, plansHeader);

  // Trade promotion
  const fairs = workbook.addWorksheet('Xúc tiến thương mại');
  fairs.columns = [6, 44, 14, 24, 32, 16, 14, 20].map((width) => ({ width }));
  titleRows(fairs, 'KẾT QUẢ THAM GIA HỘI CHỢ, SỰ KIỆN XÚC TIẾN THƯƠNG MẠI', report, 8, BIEU_SO.fairs);
  const fairsHeader = headingRow(fairs, ['STT', 'Tên hội chợ, sự kiện', 'Phạm vi', 'Thời gian', 'Địa điểm', 'Số chủ thể tham gia', 'Lượt khách', 'Doanh thu (đồng)']);
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

  pageSetup(fairs, 8, fairsHeader);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The programme report as the PDF a unit signs and sends upward: the national header of an
 * administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I), the title and period, the summary
 * (Biểu số 01, the same rows as the workbook), the breakdowns, and the signature block; DejaVu fonts,
 * so every Vietnamese letter prints.
 */
import { createPdf, drawNationalHeader, drawSignatureBlock, drawTable, drawTitle, paragraph, pdfBuffer } from '../documents/index.ts';
import { placeAndDate, vietnameseDate } from './programme-workbook.ts';
import { BIEU_SO, legalFormRows, productSetRows, summaryRows, unitRows } from './report-rows.ts';
import type { ProgrammeReport } from './reports.schemas.ts';

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 2 });
/** #.##0 as Vietnamese documents write numbers. */
export const formatNumber = (value: number | null, percent = false): string =>
  value === null ? '' : percent ? percentFormat.format(value) : numberFormat.format(value);

export async function renderProgrammeReportPdf(report: ProgrammeReport): Promise<Buffer> {
  // Landscape, as statistical forms with several number columns are printed (the council's minutes too).
  const doc = createPdf({ title: `Báo cáo kết quả thực hiện Chương trình OCOP – ${report.unitName} – ${report.period.label}`, layout: 'landscape', margins: { top: 45, bottom: 45, left: 60, right: 45 } });
  drawNationalHeader(doc, { issuingBody: report.issuingBody, subLines: [`Biểu số ${BIEU_SO.summary}`], placeAndDate: placeAndDate(report) });
  drawTitle(doc, 'BÁO CÁO', ['Kết quả thực hiện Chương trình Mỗi xã một sản phẩm (OCOP)', `Kỳ báo cáo: ${report.period.label}`]);
  paragraph(doc, `Đơn vị báo cáo: ${report.unitName}. Số liệu tính đến ngày ${vietnameseDate(report.period.asOf)}; so sánh với ${report.period.previous.label}.`, { italic: true });

  paragraph(doc, 'I. TỔNG HỢP KẾT QUẢ', { bold: true });
  drawTable(
    doc,
    [
      { header: 'STT', weight: 6, align: 'center' },
      { header: 'Chỉ tiêu', weight: 52 },
      { header: 'ĐVT', weight: 11, align: 'center' },
      { header: 'Kỳ báo cáo', weight: 13, align: 'right' },
      { header: 'Kỳ trước', weight: 12, align: 'right' },
      { header: 'Tăng, giảm', weight: 12, align: 'right' },
    ],
    summaryRows(report).map((row) => {
      const percent = row.format === 'percent';
      const compare = row.current !== null && row.previous !== null;
      return [row.no, row.label, row.unit, formatNumber(row.current, percent), formatNumber(row.previous, percent), compare ? formatNumber(row.current! - row.previous!) : ''];
    }),
    { fontSize: 9.5 },
  );

  paragraph(doc, 'II. SẢN PHẨM THEO NGÀNH, BỘ SẢN PHẨM', { bold: true });
  const sets = productSetRows(report);
  drawTable(
    doc,
    [
      { header: 'STT', weight: 7, align: 'center' },
      { header: 'Ngành, bộ sản phẩm', weight: 53 },
      { header: 'Công nhận trong kỳ', weight: 20, align: 'right' },
      { header: 'Lũy kế còn hiệu lực', weight: 20, align: 'right' },
    ],
    sets.length > 0
      ? [...sets.map((row) => [row.no, row.label, formatNumber(row.inPeriod), formatNumber(row.inForce)]), ['', 'Tổng cộng', formatNumber(report.products.recognisedInPeriod.products.value), formatNumber(report.products.inForce.products.value)]]
      : [['', 'Chưa có sản phẩm OCOP', '0', '0']],
    { fontSize: 9.5 },
  );

  paragraph(doc, 'III. THEO LOẠI HÌNH CHỦ THỂ', { bold: true });
  drawTable(
    doc,
    [
      { header: 'Loại hình', weight: 40 },
      { header: 'Chủ thể (kỳ)', weight: 15, align: 'right' },
      { header: 'Sản phẩm (kỳ)', weight: 15, align: 'right' },
      { header: 'Chủ thể (lũy kế)', weight: 15, align: 'right' },
      { header: 'Sản phẩm (lũy kế)', weight: 15, align: 'right' },
    ],
    legalFormRows(report).map((row) => [row.label, formatNumber(row.periodProducers), formatNumber(row.periodProducts), formatNumber(row.forceProducers), formatNumber(row.forceProducts)]),
    { fontSize: 9.5 },
  );

  paragraph(doc, report.level === 'nation' ? 'IV. THEO TỈNH, THÀNH PHỐ' : 'IV. THEO XÃ, PHƯỜNG', { bold: true });
  drawTable(
    doc,
    [
      { header: 'Đơn vị', weight: 40 },
      { header: 'Công nhận trong kỳ', weight: 15, align: 'right' },
      { header: 'Lũy kế', weight: 12, align: 'right' },
      { header: '3 sao', weight: 11, align: 'right' },
      { header: '4 sao', weight: 11, align: 'right' },
      { header: '5 sao', weight: 11, align: 'right' },
    ],
    unitRows(report).map((row) => [row.name, formatNumber(row.inPeriod), formatNumber(row.inForce), formatNumber(row.stars3), formatNumber(row.stars4), formatNumber(row.stars5)]),
    { fontSize: 9.5 },
  );

  doc.moveDown(1);
  drawSignatureBlock(doc, { capacity: [report.level === 'nation' ? 'TL. BỘ TRƯỞNG' : 'TM. ỦY BAN NHÂN DÂN', 'NGƯỜI LẬP BIỂU'] });
  return pdfBuffer(doc);
}

/**
 * Shared pieces of the programme's printed documents (certificates, council minutes, draft decisions):
 * pdfkit with the DejaVu fonts from npm (they cover every Vietnamese letter and ★), the national header
 * of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I), a simple table, stars and a QR code.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { localDateParts, type LocalDate } from '../../core/clock/index.ts';

const require = createRequire(import.meta.url);
// Resolved through the package so it works from any clone and any working directory.
const fontDirectory = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONTS = {
  sans: 'DejaVuSans',
  sansBold: 'DejaVuSans-Bold',
  serif: 'DejaVuSerif',
  serifBold: 'DejaVuSerif-Bold',
  serifItalic: 'DejaVuSerif-Italic',
  serifBoldItalic: 'DejaVuSerif-BoldItalic',
} as const;

export const fontFile = (font: (typeof FONTS)[keyof typeof FONTS]): string => path.join(fontDirectory, `${font}.ttf`);

export type Pdf = PDFKit.PDFDocument;

export interface PdfOptions {
  title: string;
  subject?: string;
  layout?: 'portrait' | 'landscape';
  margins?: { top: number; bottom: number; left: number; right: number };
}

/** An A4 document with the fonts registered under the names of FONTS; the serif is the default. */
export function createPdf(options: PdfOptions): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    // Nghị định 30/2020 Phụ lục I: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
    margins: options.margins ?? { top: 57, bottom: 57, left: 85, right: 50 },
    info: { Title: options.title, Subject: options.subject ?? options.title, Creator: 'OCOP Hub', Producer: 'OCOP Hub' },
    bufferPages: true,
  });
  for (const font of Object.values(FONTS)) doc.registerFont(font, fontFile(font));
  doc.font(FONTS.serif);
  return doc;
}

/** Ends the document and returns its bytes. */
export function pdfBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** dd/MM/yyyy, as the programme's documents write dates. */
export function formatVietnameseDate(date: LocalDate): string {
  const { year, month, day } = localDateParts(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** "Lai Châu, ngày 05 tháng 8 năm 2026" (the place-and-date line of an administrative document). */
export function placeAndDateLine(place: string, date: LocalDate): string {
  const { year, month, day } = localDateParts(date);
  // Nghị định 30/2020: days below 10 and months below 3 are written with a leading zero.
  const dd = String(day).padStart(2, '0');
  const mm = month < 3 ? String(month).padStart(2, '0') : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** A place name without its level ("Tỉnh Lai Châu" → "Lai Châu"), for the place-and-date line. */
export const bareUnitName = (fullName: string): string => fullName.replace(/^(Tỉnh|Thành phố|Xã|Phường|Đặc khu)\s+/u, '');

export interface NationalHeaderInput {
  /** The issuing body, in capitals on the left (e.g. "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"). */
  issuingBody: string;
  /** A line under it, e.g. the council's name or "Số: …/QĐ-UBND". */
  subLines?: string[];
  /** The place-and-date line under the motto (placeAndDateLine), in italics. */
  placeAndDate?: string;
}

/**
 * The two-column header: issuing body on the left, the national name and motto on the right, each with
 * its short rule underneath. Leaves the cursor under the header at the left margin.
 */
export function drawNationalHeader(doc: Pdf, input: NationalHeaderInput): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const top = doc.y;
  const leftWidth = width * 0.42;
  const rightX = left + width * 0.4;
  const rightWidth = width * 0.6;

  doc.font(FONTS.serifBold).fontSize(11.5);
  doc.text(input.issuingBody.toLocaleUpperCase('vi'), left, top, { width: leftWidth, align: 'center' });
  let leftBottom = doc.y;
  doc.moveTo(left + leftWidth * 0.35, leftBottom + 2).lineTo(left + leftWidth * 0.65, leftBottom + 2).lineWidth(0.6).stroke();
  leftBottom += 6;
  doc.font(FONTS.serif).fontSize(11);
  for (const line of input.subLines ?? []) {
    doc.text(line, left, leftBottom, { width: leftWidth, align: 'center' });
    leftBottom = doc.y;
  }

  doc.font(FONTS.serifBold).fontSize(11.5).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightWidth, align: 'center' });
  doc.fontSize(12.5).text('Độc lập - Tự do - Hạnh phúc', rightX, doc.y, { width: rightWidth, align: 'center' });
  const mottoWidth = doc.widthOfString('Độc lập - Tự do - Hạnh phúc');
  let rightBottom = doc.y + 2;
  doc.moveTo(rightX + (rightWidth - mottoWidth) / 2, rightBottom).lineTo(rightX + (rightWidth + mottoWidth) / 2, rightBottom).lineWidth(0.6).stroke();
  rightBottom += 8;
  if (input.placeAndDate) {
    doc.font(FONTS.serifItalic).fontSize(11.5).text(input.placeAndDate, rightX, rightBottom, { width: rightWidth, align: 'center' });
    rightBottom = doc.y;
  }
  doc.font(FONTS.serif).fontSize(12);
  doc.x = left;
  doc.y = Math.max(leftBottom, rightBottom) + 18;
}

/** A centred title (bold) and optional lines under it. */
export function drawTitle(doc: Pdf, title: string, lines: string[] = [], size = 14): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font(FONTS.serifBold).fontSize(size).text(title, left, doc.y, { width, align: 'center' });
  doc.font(FONTS.serifBold).fontSize(12);
  for (const line of lines) doc.text(line, left, doc.y, { width, align: 'center' });
  doc.font(FONTS.serif).fontSize(12);
  doc.x = left;
  doc.moveDown(0.8);
}

/** A paragraph at the left margin across the page width. */
export function paragraph(doc: Pdf, text: string, options: { bold?: boolean; italic?: boolean; size?: number; indent?: number; align?: 'left' | 'justify' | 'center' } = {}): void {
  const left = doc.page.margins.left + (options.indent ?? 0);
  const width = doc.page.width - left - doc.page.margins.right;
  const font = options.bold ? (options.italic ? FONTS.serifBoldItalic : FONTS.serifBold) : options.italic ? FONTS.serifItalic : FONTS.serif;
  doc.font(font).fontSize(options.size ?? 12).text(text, left, doc.y, { width, align: options.align ?? 'justify', paragraphGap: 3 });
  doc.font(FONTS.serif).fontSize(12);
  doc.x = doc.page.margins.left;
}

export interface TableColumn {
  header: string;
  /** A share of the available width (the shares are normalised). */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

/**
 * A bordered table across the page width; rows grow with their text and the header is repeated when
 * a row does not fit on the page.
 */
export function drawTable(doc: Pdf, columns: readonly TableColumn[], rows: readonly (readonly string[])[], options: { fontSize?: number } = {}): void {
  const fontSize = options.fontSize ?? 10;
  const padding = 3;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const total = columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = columns.map((column) => (column.weight / total) * width);

  const heightOf = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(fontSize);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * padding }))) + 2 * padding;
  };
  const drawRow = (cells: readonly string[], font: string, fill?: string) => {
    const height = heightOf(cells, font);
    const y = doc.y;
    let x = left;
    doc.font(font).fontSize(fontSize);
    cells.forEach((cell, i) => {
      const cellWidth = widths[i]!;
      if (fill) doc.save().rect(x, y, cellWidth, height).fill(fill).restore();
      doc.rect(x, y, cellWidth, height).lineWidth(0.5).stroke();
      doc.fillColor('black').text(cell, x + padding, y + padding, { width: cellWidth - 2 * padding, align: columns[i]!.align ?? 'left' });
      x += cellWidth;
    });
    doc.x = left;
    doc.y = y + height;
  };
  const headers = columns.map((column) => column.header);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  if (doc.y + heightOf(headers, FONTS.serifBold) + 20 > bottom()) doc.addPage();
  drawRow(headers, FONTS.serifBold, '#eeeeee');
  for (const row of rows) {
    if (doc.y + heightOf(row, FONTS.serif) > bottom()) {
      doc.addPage();
      drawRow(headers, FONTS.serifBold, '#eeeeee');
    }
    drawRow(row, FONTS.serif);
  }
  doc.font(FONTS.serif).fontSize(12);
  doc.moveDown(0.6);
}

/** `count` five-pointed stars as ★ glyphs (DejaVu Sans has them, and they stay text for readers). */
export function drawStars(doc: Pdf, count: number, x: number, y: number, options: { size?: number; color?: string; width?: number } = {}): void {
  const size = options.size ?? 28;
  doc.save();
  doc.font(FONTS.sans).fontSize(size).fillColor(options.color ?? '#c8102e');
  doc.text('★'.repeat(count), x, y, { width: options.width, align: options.width ? 'center' : 'left', characterSpacing: size * 0.1, lineBreak: false });
  doc.restore();
  doc.font(FONTS.serif).fontSize(12).fillColor('black');
}

/** A QR code drawn as vector squares (sharp at any print size), with a quiet zone of 4 modules inside `size`. */
export function drawQrCode(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const module = size / (count + 8);
  doc.save();
  doc.rect(x, y, size, size).fill('white');
  doc.fillColor('black');
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (qr.modules.get(row, column)) doc.rect(x + (column + 4) * module, y + (row + 4) * module, module, module);
    }
  }
  doc.fill('black');
  doc.restore();
}

/** The signature block at the right: the capacity (e.g. "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH") and the name. */
export function drawSignatureBlock(doc: Pdf, lines: { capacity: string[]; name?: string | null; signed?: boolean }, options: { x?: number; width?: number } = {}): void {
  const contentWidth = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const width = options.width ?? contentWidth * 0.45;
  const x = options.x ?? doc.page.width - doc.page.margins.right - width;
  const top = doc.y;
  doc.font(FONTS.serifBold).fontSize(12);
  for (const line of lines.capacity) doc.text(line, x, doc.y, { width, align: 'center' });
  doc.font(FONTS.serifItalic).fontSize(11).text(lines.signed ? '(Đã ký)' : '(Ký, ghi rõ họ tên)', x, doc.y + 4, { width, align: 'center' });
  if (lines.name) doc.font(FONTS.serifBold).fontSize(12).text(lines.name, x, doc.y + 40, { width, align: 'center' });
  doc.font(FONTS.serif).fontSize(12);
  doc.x = doc.page.margins.left;
  doc.y = Math.max(doc.y, top) + 6;
}

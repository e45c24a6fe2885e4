/**
 * The council's minutes (biên bản họp Hội đồng) and the draft recognition decision (dự thảo Quyết định
 * công nhận) of an evaluation round, as PDF (QĐ 26/2026/QĐ-TTg Đ.7.3–7.4). The evaluation feature
 * gathers the figures (already formatted the Vietnamese way); this file only lays them out.
 */
import {
  bareUnitName,
  createPdf,
  drawNationalHeader,
  drawSignatureBlock,
  drawTable,
  drawTitle,
  formatVietnameseDate,
  paragraph,
  pdfBuffer,
  placeAndDateLine,
  FONTS,
} from './pdf.ts';

export interface MinutesInput {
  level: 'province' | 'central';
  /** e.g. "Ủy ban nhân dân tỉnh Lai Châu", "Bộ Nông nghiệp và Môi trường". */
  issuingBody: string;
  roundTitle: string;
  ruleSetId: string;
  /** YYYY-MM-DD */
  sessionHeldOn: string;
  sessionPlace: string;
  members: Array<{ name: string; role: 'chair' | 'member'; agency: string; present: boolean }>;
  entries: Array<{
    productName: string;
    producerName: string;
    communeName: string;
    productSetNumber: number;
    parts: { A: string; B: string; C: string };
    /** Already formatted, e.g. "85,33". */
    total: string;
    stars: number | null;
    /** Vietnamese words, e.g. "Đề nghị công nhận 4 sao". */
    outcome: string;
    notes: string[];
  }>;
  closedBy: string;
}

export interface DecisionDraftInput {
  level: 'province' | 'central';
  issuingBody: string;
  roundTitle: string;
  ruleSetId: string;
  /** The day the draft is printed (the year of the decision). YYYY-MM-DD */
  draftedOn: string;
  /** The council's session whose result the decision takes up. YYYY-MM-DD */
  sessionHeldOn?: string | null;
  /** Who proposes it ("Sở Nông nghiệp và Môi trường", "Văn phòng Điều phối nông thôn mới Trung ương"…). */
  proposedBy?: string | null;
  entries: Array<{
    productName: string;
    producerName: string;
    /** Address as printed: commune, province. */
    address: string;
    productSetNumber?: number | null;
    total: string;
    stars: 3 | 4 | 5;
  }>;
}

const councilName = (level: 'province' | 'central') =>
  level === 'central' ? 'HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP CẤP TRUNG ƯƠNG' : 'HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP CẤP TỈNH';

/** The place of the place-and-date line: the province of a provincial body, Hà Nội for the ministry. */
function localityOf(level: 'province' | 'central', issuingBody: string): string {
  if (level === 'central') return 'Hà Nội';
  const match = /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(issuingBody);
  return match ? bareUnitName(match[1]!.trim()) : issuingBody;
}

const starsText = (stars: number | null): string => (stars ? `${stars} sao` : '—');

export async function renderMinutesPdf(input: MinutesInput): Promise<Buffer> {
  const doc = createPdf({ title: `Biên bản họp Hội đồng - ${input.roundTitle}`, layout: 'landscape', margins: { top: 45, bottom: 45, left: 60, right: 45 } });
  drawNationalHeader(doc, {
    issuingBody: input.issuingBody,
    subLines: [councilName(input.level)],
    placeAndDate: placeAndDateLine(localityOf(input.level, input.issuingBody), input.sessionHeldOn),
  });
  drawTitle(doc, 'BIÊN BẢN HỌP HỘI ĐỒNG', ['Đánh giá, phân hạng sản phẩm OCOP', input.roundTitle]);

  const present = input.members.filter((member) => member.present);
  const chair = input.members.find((member) => member.role === 'chair');
  paragraph(doc, `Thời gian: ngày ${formatVietnameseDate(input.sessionHeldOn)}. Địa điểm: ${input.sessionPlace}.`);
  paragraph(doc, `Bộ tiêu chí áp dụng: ${input.ruleSetId}. Căn cứ Quyết định số 26/2026/QĐ-TTg của Thủ tướng Chính phủ về Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm Chương trình Mỗi xã một sản phẩm.`);

  paragraph(doc, 'I. THÀNH PHẦN THAM DỰ', { bold: true });
  drawTable(
    doc,
    [
      { header: 'STT', weight: 4, align: 'center' },
      { header: 'Họ và tên', weight: 20 },
      { header: 'Chức danh trong Hội đồng', weight: 16 },
      { header: 'Cơ quan, đơn vị', weight: 40 },
      { header: 'Tham dự', weight: 10, align: 'center' },
    ],
    input.members.map((member, index) => [
      String(index + 1),
      member.name,
      member.role === 'chair' ? 'Chủ tịch Hội đồng' : 'Ủy viên',
      member.agency,
      member.present ? 'Có mặt' : 'Vắng mặt',
    ]),
  );
  paragraph(doc, `Có mặt ${present.length}/${input.members.length} thành viên${chair ? `; Chủ tịch Hội đồng ${chair.present ? 'có mặt' : 'vắng mặt'}` : ''}.`);

  paragraph(doc, 'II. KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG', { bold: true });
  paragraph(doc, 'Điểm là điểm trung bình của các thành viên Hội đồng đã chấm (phần A, B, C và tổng điểm).', { italic: true, size: 11 });
  drawTable(
    doc,
    [
      { header: 'STT', weight: 4, align: 'center' },
      { header: 'Sản phẩm', weight: 20 },
      { header: 'Chủ thể', weight: 18 },
      { header: 'Xã', weight: 12 },
      { header: 'Bộ SP', weight: 5, align: 'center' },
      { header: 'Phần A', weight: 6, align: 'right' },
      { header: 'Phần B', weight: 6, align: 'right' },
      { header: 'Phần C', weight: 6, align: 'right' },
      { header: 'Tổng điểm', weight: 7, align: 'right' },
      { header: 'Hạng', weight: 6, align: 'center' },
      { header: 'Kết quả', weight: 16 },
    ],
    input.entries.map((entry, index) => [
      String(index + 1),
      entry.productName,
      entry.producerName,
      entry.communeName,
      String(entry.productSetNumber),
      entry.parts.A,
      entry.parts.B,
      entry.parts.C,
      entry.total,
      starsText(entry.stars),
      entry.outcome,
    ]),
    { fontSize: 9.5 },
  );
  const noted = input.entries.map((entry, index) => ({ index, entry })).filter(({ entry }) => entry.notes.length > 0);
  if (noted.length > 0) {
    paragraph(doc, 'Ghi chú:', { bold: true, size: 11 });
    for (const { index, entry } of noted) {
      paragraph(doc, `${index + 1}. ${entry.productName}: ${entry.notes.join('; ')}.`, { size: 11, indent: 12 });
    }
  }

  paragraph(doc, 'III. KẾT LUẬN', { bold: true });
  const authority = input.level === 'central' ? 'Bộ trưởng Bộ Nông nghiệp và Môi trường' : `Chủ tịch ${input.issuingBody}`;
  paragraph(doc, `Hội đồng thống nhất kết quả đánh giá, phân hạng nêu trên và đề nghị ${authority} xem xét, quyết định công nhận các sản phẩm đạt chuẩn.`);
  paragraph(doc, `Phiên họp kết thúc cùng ngày. Biên bản được lập và thông qua tại phiên họp; người đóng phiên trên hệ thống: ${input.closedBy}.`);
  doc.moveDown(1);
  if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
  const top = doc.y;
  const contentWidth = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  drawSignatureBlock(doc, { capacity: ['NGƯỜI LẬP BIÊN BẢN'], name: input.closedBy }, { x: doc.page.margins.left, width: contentWidth * 0.4 });
  doc.y = top;
  drawSignatureBlock(doc, { capacity: ['CHỦ TỊCH HỘI ĐỒNG'], name: chair?.name ?? null }, { width: contentWidth * 0.4 });
  return pdfBuffer(doc);
}

export async function renderDecisionDraftPdf(input: DecisionDraftInput): Promise<Buffer> {
  const doc = createPdf({ title: `Dự thảo Quyết định công nhận sản phẩm OCOP - ${input.roundTitle}` });
  const year = input.draftedOn.slice(0, 4);
  const central = input.level === 'central';
  doc.font(FONTS.serifBold).fontSize(11).text('DỰ THẢO', doc.page.margins.left, doc.y, { align: 'right' });
  doc.moveDown(0.3);
  drawNationalHeader(doc, {
    issuingBody: input.issuingBody,
    subLines: [central ? 'Số:        /QĐ-BNNMT' : 'Số:        /QĐ-UBND'],
    placeAndDate: `${localityOf(input.level, input.issuingBody)}, ngày      tháng      năm ${year}`,
  });
  drawTitle(doc, 'QUYẾT ĐỊNH', [`Về việc công nhận sản phẩm đạt chuẩn OCOP năm ${year}`, `(${input.roundTitle})`]);
  const signer = central ? 'BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG' : `CHỦ TỊCH ${input.issuingBody.toLocaleUpperCase('vi')}`;
  drawTitle(doc, signer, [], 12.5);

  const starsCounted = [5, 4, 3]
    .map((stars) => ({ stars, count: input.entries.filter((entry) => entry.stars === stars).length }))
    .filter(({ count }) => count > 0)
    .map(({ stars, count }) => `${count} sản phẩm ${stars} sao`)
    .join(', ');
  paragraph(doc, 'Căn cứ Quyết định số 26/2026/QĐ-TTg của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm Chương trình Mỗi xã một sản phẩm;', { italic: true, indent: 20 });
  paragraph(
    doc,
    `Căn cứ kết quả đánh giá, phân hạng sản phẩm của ${central ? 'Hội đồng cấp Trung ương' : 'Hội đồng cấp tỉnh'} (${input.roundTitle}${input.sessionHeldOn ? `, phiên họp ngày ${formatVietnameseDate(input.sessionHeldOn)}` : ''}; bộ tiêu chí ${input.ruleSetId});`,
    { italic: true, indent: 20 },
  );
  paragraph(doc, `Theo đề nghị của ${input.proposedBy ?? (central ? 'cơ quan giúp việc Chương trình OCOP Trung ương' : 'cơ quan tham mưu Chương trình OCOP cấp tỉnh')}.`, { italic: true, indent: 20 });
  doc.moveDown(0.5);
  drawTitle(doc, 'QUYẾT ĐỊNH:', [], 13);
  paragraph(doc, `Điều 1. Công nhận ${input.entries.length} sản phẩm đạt chuẩn OCOP${starsCounted ? ` (${starsCounted})` : ''}, có danh sách kèm theo:`, { indent: 20 });
  drawTable(
    doc,
    [
      { header: 'STT', weight: 5, align: 'center' },
      { header: 'Tên sản phẩm', weight: 24 },
      { header: 'Chủ thể', weight: 22 },
      { header: 'Địa chỉ', weight: 25 },
      { header: 'Điểm', weight: 8, align: 'right' },
      { header: 'Hạng', weight: 10, align: 'center' },
    ],
    input.entries.map((entry, index) => [String(index + 1), entry.productName, entry.producerName, entry.address, entry.total, `${entry.stars} sao`]),
  );
  paragraph(
    doc,
    'Điều 2. Sản phẩm được công nhận được cấp Giấy chứng nhận sản phẩm OCOP, có giá trị 36 tháng kể từ ngày ký Quyết định (Điều 4 Quyết định số 26/2026/QĐ-TTg). Chủ thể có trách nhiệm duy trì chất lượng sản phẩm, sử dụng nhãn hiệu OCOP đúng quy định và chịu sự kiểm tra, giám sát sau công nhận.',
    { indent: 20 },
  );
  paragraph(doc, 'Điều 3. Quyết định có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị và chủ thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.', { indent: 20 });
  doc.moveDown(1);
  if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
  drawSignatureBlock(doc, { capacity: central ? ['BỘ TRƯỞNG'] : ['CHỦ TỊCH'] });
  return pdfBuffer(doc);
}


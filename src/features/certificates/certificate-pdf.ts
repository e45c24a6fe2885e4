/**
 * The printable certificate (Giấy chứng nhận sản phẩm OCOP, QĐ 26/2026/QĐ-TTg Đ.4.3): A4 landscape, in
 * Vietnamese, with the star, the dates and a QR code that opens the public verification page, so a
 * buyer can check on the spot whether it is still in force (a revoked one is also stamped here).
 */
import {
  bareUnitName,
  createPdf,
  drawNationalHeader,
  drawQrCode,
  drawSignatureBlock,
  drawStars,
  formatVietnameseDate,
  pdfBuffer,
  placeAndDateLine,
  FONTS,
} from '../documents/index.ts';
import type { CertificateRecord } from './certificates.repository.ts';

const RED = '#b0121b';

/**
 * `qrPayload` is what the QR carries (src/features/verification certificateQrPayload: the verification
 * page, or a GS1 Digital Link when the product has a GTIN); `verificationUrl` is printed under it.
 */
export async function renderCertificatePdf(certificate: CertificateRecord, link: { qrPayload: string; verificationUrl: string }): Promise<Buffer> {
  const { qrPayload, verificationUrl } = link;
  const doc = createPdf({
    title: `Giấy chứng nhận sản phẩm OCOP ${certificate.number}`,
    subject: `${certificate.productName} - ${certificate.stars} sao`,
    layout: 'landscape',
    margins: { top: 48, bottom: 40, left: 60, right: 60 },
  });
  const { width, height } = doc.page;
  // A double frame, as printed certificates have.
  doc.save().lineWidth(3).strokeColor(RED).rect(22, 22, width - 44, height - 44).stroke();
  doc.lineWidth(0.8).rect(29, 29, width - 58, height - 58).stroke().restore();

  const central = certificate.level === 'central';
  drawNationalHeader(doc, { issuingBody: certificate.issuingBody, subLines: [] });

  const left = doc.page.margins.left;
  const contentWidth = width - left - doc.page.margins.right;
  doc.font(FONTS.serifBold).fontSize(26).fillColor(RED).text('GIẤY CHỨNG NHẬN SẢN PHẨM OCOP', left, doc.y - 4, { width: contentWidth, align: 'center' });
  doc.fillColor('black').font(FONTS.serifItalic).fontSize(12).text('(Chương trình Mỗi xã một sản phẩm)', { width: contentWidth, align: 'center' });
  doc.moveDown(0.6);

  const labelWidth = 170;
  const valueX = left + 110 + labelWidth;
  const valueWidth = contentWidth - 110 - labelWidth - 40;
  const line = (label: string, value: string, options: { bold?: boolean; size?: number } = {}) => {
    const y = doc.y;
    doc.font(FONTS.serif).fontSize(13).text(label, left + 110, y, { width: labelWidth });
    const labelBottom = doc.y;
    doc.font(options.bold ? FONTS.serifBold : FONTS.serif).fontSize(options.size ?? 13).text(value, valueX, y, { width: valueWidth });
    doc.y = Math.max(doc.y, labelBottom) + 3;
  };
  const province = certificate.provinceName ?? `tỉnh ${certificate.provinceCode}`;
  const commune = certificate.communeName ?? `xã ${certificate.communeCode}`;
  line('Chứng nhận sản phẩm:', certificate.productName, { bold: true, size: 16 });
  line('Của chủ thể:', certificate.producerName, { bold: true });
  line('Địa chỉ:', `${commune}, ${province}`);
  const starY = doc.y;
  line('Đạt hạng:', `${certificate.stars} sao`, { bold: true });
  drawStars(doc, certificate.stars, valueX + 70, starY - 6, { size: 22 });
  doc.y = Math.max(doc.y, starY + 24);
  line('Số giấy chứng nhận:', certificate.number, { bold: true });
  line('Theo Quyết định số:', `${certificate.decisionNumber} của ${central ? 'Bộ trưởng Bộ Nông nghiệp và Môi trường' : `Chủ tịch ${certificate.issuingBody}`}`);
  line('Bộ tiêu chí:', certificate.ruleSetId);
  line('Ngày cấp:', `${formatVietnameseDate(certificate.issuedOn)}, có giá trị đến ${formatVietnameseDate(certificate.expiresOn)}`, { bold: true });

  // The QR at the bottom left, with the address written out for those who cannot scan.
  const qrSize = 118;
  const qrY = height - doc.page.margins.bottom - qrSize - 26;
  drawQrCode(doc, qrPayload, left, qrY, qrSize);
  doc.font(FONTS.sans).fontSize(7.5).fillColor('black').text('Quét mã để xác minh giấy chứng nhận:', left, qrY + qrSize + 2, { width: 260 });
  doc.text(verificationUrl, left, doc.y, { width: 300 });

  const placeName = central ? 'Hà Nội' : bareUnitName(province);
  const signerWidth = contentWidth * 0.42;
  doc.y = qrY - 6;
  doc.font(FONTS.serifItalic).fontSize(12).text(placeAndDateLine(placeName, certificate.issuedOn), width - doc.page.margins.right - signerWidth, doc.y, { width: signerWidth, align: 'center' });
  drawSignatureBlock(
    doc,
    {
      capacity: central ? ['BỘ TRƯỞNG'] : ['TM. ỦY BAN NHÂN DÂN', certificate.signerTitle?.toLocaleUpperCase('vi') || 'CHỦ TỊCH'],
      name: certificate.signerName,
      signed: true,
    },
    { width: signerWidth },
  );

  if (certificate.revokedOn) {
    doc.save();
    doc.rotate(-18, { origin: [width / 2, height / 2] });
    doc.font(FONTS.sansBold).fontSize(54).fillColor(RED).fillOpacity(0.35);
    doc.text(`ĐÃ THU HỒI ${formatVietnameseDate(certificate.revokedOn)}`, 0, height / 2 - 30, { width, align: 'center' });
    doc.restore();
    // The same in plain text, which readers and text extraction find.
    doc.font(FONTS.sansBold).fontSize(11).fillColor(RED);
    doc.text(`Giấy chứng nhận này đã bị thu hồi ngày ${formatVietnameseDate(certificate.revokedOn)}.`, 0, height - 60, { width, align: 'center', lineBreak: false });
    doc.fillColor('black');
  }
  return pdfBuffer(doc);
}

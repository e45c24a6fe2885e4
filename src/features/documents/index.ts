/** The documents feature's public surface: the PDF toolkit of administrative papers and the council's papers. */
export {
  FONTS,
  fontFile,
  createPdf,
  pdfBuffer,
  formatVietnameseDate,
  placeAndDateLine,
  bareUnitName,
  drawNationalHeader,
  drawTitle,
  paragraph,
  drawTable,
  drawStars,
  drawQrCode,
  drawSignatureBlock,
  type Pdf,
  type PdfOptions,
  type NationalHeaderInput,
  type TableColumn,
} from './pdf.ts';
export { renderMinutesPdf, renderDecisionDraftPdf, type MinutesInput, type DecisionDraftInput } from './minutes-pdf.ts';

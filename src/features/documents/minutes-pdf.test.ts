import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { renderDecisionDraftPdf, renderMinutesPdf, type MinutesInput } from './minutes-pdf.ts';

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ocop-minutes-'));
  try {
    writeFileSync(path.join(dir, 'a.pdf'), pdf);
    return execFileSync('pdftotext', [path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const minutes: MinutesInput = {
  level: 'province',
  issuingBody: 'Ủy ban nhân dân tỉnh Lai Châu',
  roundTitle: 'Đợt 2 năm 2026',
  ruleSetId: '26-2026',
  sessionHeldOn: '2026-11-20',
  sessionPlace: 'Hội trường Sở Nông nghiệp và Môi trường tỉnh Lai Châu',
  members: [
    { name: 'Nguyễn Văn Chủ', role: 'chair', agency: 'Ủy ban nhân dân tỉnh', present: true },
    { name: 'Lò Thị Hoa', role: 'member', agency: 'Sở Công Thương', present: true },
    { name: 'Phạm Đức Vắng', role: 'member', agency: 'Sở Y tế', present: false },
  ],
  entries: [
    { productName: 'Gạo Séng Cù Mường Than', producerName: 'HTX Nông nghiệp Mường Than', communeName: 'Xã Than Uyên', productSetNumber: 3, parts: { A: '34,67', B: '20,00', C: '30,67' }, total: '85,33', stars: 4, outcome: 'Đề nghị công nhận 4 sao', notes: ['Chấm lại lần 2 do chênh lệch 12 điểm'] },
    { productName: 'Mật ong bạc hà', producerName: 'HTX Tả Lèng', communeName: 'Xã Tả Lèng', productSetNumber: 4, parts: { A: '36,00', B: '23,00', C: '32,00' }, total: '91,00', stars: 5, outcome: 'Đề nghị Trung ương đánh giá 5 sao', notes: [] },
  ],
  closedBy: 'Trần Thư Ký',
};

describe('council minutes and draft decision PDFs', () => {
  test('the minutes list the members, the averages per part, the stars and the conclusion', async () => {
    const pdf = await renderMinutesPdf(minutes);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU', 'BIÊN BẢN HỌP HỘI ĐỒNG', 'Đợt 2 năm 2026',
      'Lai Châu, ngày 20 tháng 11 năm 2026', 'Nguyễn Văn Chủ', 'Chủ tịch Hội đồng', 'Vắng mặt', 'Có mặt 2/3 thành viên', 'Gạo Séng Cù Mường Than', '34,67', '85,33', '4 sao',
      'Đề nghị Trung ương đánh giá 5 sao', 'Chấm lại lần 2 do chênh lệch 12 điểm', 'Trần Thư Ký', 'CHỦ TỊCH HỘI ĐỒNG', '26-2026',
    ]) {
      assert.ok(text.includes(expected), `the minutes show “${expected}”:\n${text}`);
    }
  });

  test('the minutes of a long round run over several pages and repeat the table header', async () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({ ...minutes.entries[0]!, productName: `Sản phẩm số ${i + 1}` }));
    const text = pdfText(await renderMinutesPdf({ ...minutes, entries }));
    assert.ok(text.includes('Sản phẩm số 40'));
    assert.ok(text.split('Tổng điểm').length - 1 >= 2, 'the header is repeated on the next page');
  });

  test('the draft decision names the products with their stars', async () => {
    const pdf = await renderDecisionDraftPdf({
      level: 'province',
      issuingBody: 'Ủy ban nhân dân tỉnh Lai Châu',
      roundTitle: 'Đợt 2 năm 2026',
      ruleSetId: '26-2026',
      draftedOn: '2026-11-23',
      sessionHeldOn: '2026-11-20',
      entries: [
        { productName: 'Gạo Séng Cù Mường Than', producerName: 'HTX Nông nghiệp Mường Than', address: 'Xã Than Uyên, tỉnh Lai Châu', total: '85,33', stars: 4 },
        { productName: 'Chè Shan tuyết', producerName: 'HTX Chè Tả Lèng', address: 'Xã Tả Lèng, tỉnh Lai Châu', total: '66,50', stars: 3 },
      ],
    });
    const text = pdfText(pdf);
    for (const expected of [
      'DỰ THẢO', 'QUYẾT ĐỊNH', 'Về việc công nhận sản phẩm đạt chuẩn OCOP năm 2026', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU', 'Quyết định số 26/2026/QĐ-TTg',
      'phiên họp ngày 20/11/2026', 'Công nhận 2 sản phẩm đạt chuẩn OCOP (1 sản phẩm 4 sao, 1 sản phẩm 3 sao)', 'Gạo Séng Cù Mường Than', '85,33', '4 sao', 'Chè Shan tuyết', '3 sao', '36 tháng',
    ]) {
      assert.ok(text.includes(expected), `the draft shows “${expected}”:\n${text}`);
    }
    const central = pdfText(await renderDecisionDraftPdf({ level: 'central', issuingBody: 'Bộ Nông nghiệp và Môi trường', roundTitle: 'Đợt 5 sao 2026', ruleSetId: '26-2026', draftedOn: '2026-09-01', entries: [] }));
    assert.ok(central.includes('BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG') && central.includes('/QĐ-BNNMT') && central.includes('Hà Nội'));
  });
});

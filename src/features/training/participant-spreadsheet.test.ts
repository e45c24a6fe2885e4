import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { participantWorkbook } from '../../../tests/support/spreadsheets.ts';
import { readParticipantSheet, validateParticipantRows } from './participant-spreadsheet.ts';

const producers = [
  { id: 'p1', name: 'HTX Chè Tả Lèng', taxCode: '0101234567', provinceCode: '12', communeCode: '03405' },
  { id: 'p2', name: 'HTX Nông sản', taxCode: '0107654321-001', provinceCode: '12', communeCode: '03405' },
  { id: 'p3', name: 'HTX Nông Sản', taxCode: null, provinceCode: '12', communeCode: '03424' },
];

describe('participant spreadsheet', () => {
  test('headings are found wherever they are, in any case and accent placement; empty rows are skipped', async () => {
    const content = await participantWorkbook(
      [
        [1, 'Lò Văn A', 'Cán bộ cấp xã', '', '0912.345.678', 'UBND xã'],
        [null, null, null, null, null, null],
        [2, 'Lò Thị B', 'chủ thể', '0101234567', '', ''],
      ],
      { titleRows: 3, headings: ['stt', 'HỌ VÀ TÊN', 'Đối tượng tham dự', 'Mã số thuế', 'SĐT', 'Cơ quan'] },
    );
    const sheet = await readParticipantSheet(content);
    assert.deepEqual(sheet.issues, []);
    assert.deepEqual(sheet.rows.map((r) => r.row), [5, 7]);
    const rows = validateParticipantRows(sheet.rows, { producers, registered: [] });
    assert.deepEqual(rows.map((r) => [r.kind, r.officialLevel, r.producerId, r.phone, r.errors.length]), [
      ['official', 'commune', null, '0912345678', 0],
      ['producer', null, 'p1', null, 0],
    ]);
  });

  test('every kind label officials use', () => {
    const kinds = ['Cán bộ tỉnh', 'CB cấp tỉnh', 'Công chức xã', 'Cán bộ phường', 'Chủ thể OCOP', 'HTX', 'Hộ kinh doanh', 'Khác', 'Người dân'];
    const rows = validateParticipantRows(
      kinds.map((kind, i) => ({ row: i + 2, values: { fullName: `Người ${i}`, kind, ...(/OCOP|HTX|Hộ/.test(kind) ? { producer: '0101234567' } : {}) } })),
      { producers, registered: [] },
    );
    assert.deepEqual(
      rows.map((r) => `${r.kind}:${r.officialLevel ?? ''}`),
      ['official:province', 'official:province', 'official:commune', 'official:commune', 'producer:', 'producer:', 'producer:', 'other:', 'other:'],
    );
    assert.ok(rows.every((r) => r.errors.length === 0));
  });

  test('a name shared by two producers needs the tax code; a branch tax code matches with or without its dash', () => {
    const rows = validateParticipantRows(
      [
        { row: 2, values: { fullName: 'Người Một', kind: 'Chủ thể', producer: 'htx nong san' } },
        { row: 3, values: { fullName: 'Người Hai', kind: 'Chủ thể', producer: '0107654321001' } },
        { row: 4, values: { fullName: 'Người Ba', kind: 'Khác', producer: '0101234567' } },
      ],
      { producers, registered: [] },
    );
    assert.match(rows[0]!.errors[0]!.message, /Có 2 chủ thể cùng tên/);
    assert.equal(rows[1]!.producerId, 'p2');
    assert.match(rows[2]!.errors[0]!.message, /Chỉ ghi chủ thể khi đối tượng là “Chủ thể OCOP”/);
  });

  test('files that are not spreadsheets are named as such', async () => {
    assert.match((await readParticipantSheet(Buffer.alloc(0))).issues[0]!.message, /Tệp rỗng/);
    assert.match((await readParticipantSheet(Buffer.from('PK\u0003\u0004broken'))).issues[0]!.message, /Không đọc được tệp \.xlsx/);
    const noKind = await readParticipantSheet(await participantWorkbook([[1, 'A B']], { headings: ['STT', 'Họ và tên'] }));
    assert.match(noKind.issues[0]!.message, /Thiếu cột “Đối tượng”/);
    const empty = await readParticipantSheet(await participantWorkbook([]));
    assert.match(empty.issues[0]!.message, /không có dòng dữ liệu/);
  });
});

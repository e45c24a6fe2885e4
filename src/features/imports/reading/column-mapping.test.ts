import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { guessMapping, importFieldLabels, matchHeading } from './column-mapping.ts';
import { importFields } from '../import-row.ts';
import type { TableColumn } from './read-table.ts';

const columnsOf = (headings: string[], hidden: number[] = []): TableColumn[] =>
  headings.map((heading, index) => ({ index, letter: String.fromCharCode(65 + index), heading, hidden: hidden.includes(index) }));

describe('guessMapping', () => {
  const headings: Array<[string, string]> = [
    ['Tên chủ thể', 'producerName'], ['Chủ thể sản xuất', 'producerName'], ['Tên HTX/Doanh nghiệp', 'producerName'], ['Mã số thuế', 'producerTaxCode'],
    ['MST', 'producerTaxCode'], ['Địa chỉ', 'producerAddress'], ['Xã/phường', 'communeName'], ['Huyện', 'districtName'], ['Tên sản phẩm', 'productName'],
    ['Số sao', 'stars'], ['Xếp hạng', 'stars'], ['Hạng sao', 'stars'], ['Số QĐ', 'decisionNumber'], ['Quyết định công nhận', 'decisionNumber'],
    ['Ngày QĐ', 'decisionDate'], ['Ngày cấp', 'decisionDate'], ['Hiệu lực đến', 'expiresOn'], ['Ngày hết hạn', 'expiresOn'], ['Mã sản phẩm', 'productCode'],
    ['Bộ sản phẩm', 'productSet'], ['Nhóm sản phẩm', 'productSet'], ['Số điện thoại', 'producerPhone'], ['Người đại diện', 'producerRepresentative'],
    ['Cơ quan cấp', 'issuingBody'], ['Địa chỉ chủ thể', 'producerAddress'], ['Giấy chứng nhận – Ngày hết hạn', 'expiresOn'], ['Giấy chứng nhận – Số QĐ', 'decisionNumber'],
    ['Số GCN', 'certificateNumber'], ['Email', 'producerEmail'], ['Loại hình', 'producerLegalForm'], ['Tỉnh', 'provinceName'],
  ];
  test('Vietnamese headings, with and without diacritics and in capitals', () => {
    for (const [heading, field] of headings) {
      assert.equal(matchHeading(heading)?.field, field, heading);
      const bare = heading.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd');
      assert.equal(matchHeading(bare)?.field, field, bare);
      assert.equal(matchHeading(heading.toUpperCase())?.field, field, heading.toUpperCase());
    }
    assert.equal(matchHeading('STT'), null);
    assert.equal(matchHeading('Ghi chú'), null);
  });

  test('a whole list of headings; a field from one column and a column to one field', () => {
    const mapping = guessMapping(columnsOf(['STT', 'Ten san pham', 'Chu the', 'MST', 'Dia chi', 'Hang sao', 'So QD', 'Ngay QD', 'Ngay het han', 'Tên sản phẩm (khác)']));
    assert.deepEqual(mapping, { productName: 1, producerName: 2, producerTaxCode: 3, producerAddress: 4, stars: 5, decisionNumber: 6, decisionDate: 7, expiresOn: 8 });
  });

  test('a hidden column is used only when no visible column gives the field', () => {
    const hiddenFirst = guessMapping(columnsOf(['Tên sản phẩm', 'Số QĐ (cũ)', 'Số QĐ', 'Hạng sao'], [1]));
    assert.equal(hiddenFirst.decisionNumber, 2);
    const onlyHidden = guessMapping(columnsOf(['Tên sản phẩm', 'Số QĐ', 'Hạng sao'], [1]));
    assert.equal(onlyHidden.decisionNumber, 1);
  });

  test('every field has a Vietnamese and an English label', () => {
    for (const field of importFields) assert.ok(importFieldLabels[field].vi && importFieldLabels[field].en, field);
  });
});

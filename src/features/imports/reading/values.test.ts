import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inferLegalForm, parseAddress, parseEmail, parseLocalDate, parsePhone, parseProductCode, parseStars, producerMatchKey } from './values.ts';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; code: string }) => {
  assert.ok(parsed.ok, `expected a value, got ${JSON.stringify(parsed)}`);
  return parsed.value;
};
const code = (parsed: { ok: boolean; code?: string }) => {
  assert.equal(parsed.ok, false, JSON.stringify(parsed));
  return parsed.code;
};

describe('parseStars', () => {
  test('every written form', () => {
    const forms: Array<[string | number, number]> = [['3 sao', 3], ['4*', 4], ['3★', 3], ['3', 3], [3, 3], ['4 sao (nâng hạng)', 4], ['★★★★★', 5], ['Bốn sao', 4], ['5 SAO', 5], ['Hạng 4 sao', 4]];
    for (const [written, stars] of forms) assert.equal(value(parseStars(written)), stars, String(written));
  });
  test('1–2★ carry no certificate; 6 and text are no rating', () => {
    assert.equal(code(parseStars('2 sao')), 'stars_without_certificate');
    assert.equal(code(parseStars(1)), 'stars_without_certificate');
    assert.equal(code(parseStars(6)), 'invalid_stars');
    assert.equal(code(parseStars('đạt')), 'invalid_stars');
    assert.equal(code(parseStars(3.5)), 'invalid_stars');
  });
});

describe('parseLocalDate', () => {
  test('Excel dates (UTC midnight), serials and every text form', () => {
    assert.equal(value(parseLocalDate(new Date(Date.UTC(2022, 2, 15)))), '2022-03-15');
    // Near midnight UTC the day is still the UTC one (exceljs's dates are not local times).
    assert.equal(value(parseLocalDate(new Date(Date.UTC(2022, 2, 15, 23, 59)))), '2022-03-15');
    assert.equal(value(parseLocalDate(44635)), '2022-03-15');
    assert.equal(value(parseLocalDate('44635')), '2022-03-15');
    for (const text of ['15/03/2022', '15.03.2022', '15-03-2022', '15/3/22', '2022-03-15', 'ngày 15 tháng 3 năm 2022', '15/03/2022 00:00:00']) {
      assert.equal(value(parseLocalDate(text)), '2022-03-15', text);
    }
    assert.equal(value(parseLocalDate('1/7/22')), '2022-07-01');
  });
  test('an impossible date says so; a US date gets a hint; nonsense is not a date', () => {
    const impossible = parseLocalDate('31/02/2022');
    assert.equal(code(impossible), 'impossible_date');
    assert.match((impossible as { message: string }).message, /ngày không có thật/);
    assert.match((parseLocalDate('3/15/2022') as { message: string }).message, /15\/03\/2022/);
    assert.equal(code(parseLocalDate('29/02/2023')), 'impossible_date');
    assert.equal(value(parseLocalDate('29/02/2024')), '2024-02-29');
    assert.equal(code(parseLocalDate('sớm')), 'invalid_date');
    assert.equal(code(parseLocalDate(12)), 'invalid_date');
    assert.equal(code(parseLocalDate('15/03/1890')), 'invalid_date');
  });
});

describe('parseProductCode', () => {
  test('the current (T)-(X)-(STT)-YYYY and the old five-part form', () => {
    assert.deepEqual(value(parseProductCode('12-03424-2-2023')), { text: '12-03424-2-2023', format: 'current', year: 2023 });
    assert.deepEqual(value(parseProductCode('83-832-28882-2-2022')), { text: '83-832-28882-2-2022', format: 'legacy', year: 2022 });
    assert.deepEqual(value(parseProductCode('12 – 03424 – 15 – 2024')), { text: '12-03424-15-2024', format: 'current', year: 2024 });
    assert.equal(code(parseProductCode('12-3424-1-2023')), 'invalid_product_code');
    assert.equal(code(parseProductCode('12-03424-1-1999')), 'invalid_product_code');
  });
});

describe('legal forms and producer keys', () => {
  test('from the name', () => {
    const cases: Array<[string, string | null]> = [
      ['HTX Chè Tam Đường', 'cooperative'], ['Hợp tác xã Nông nghiệp Mường Kim', 'cooperative'], ['Công ty TNHH MTV Chè Lai Châu', 'enterprise'],
      ['Cty CP Chè', 'enterprise'], ['DNTN Hải Hà', 'enterprise'], ['Doanh nghiệp tư nhân Tâm', 'enterprise'], ['Tổ hợp tác dệt Sơn Bình', 'cooperative_group'],
      ['THT Mường Kim', 'cooperative_group'], ['Hộ kinh doanh Đỗ Thị Hoa', 'household'], ['HKD Tòng Văn Minh', 'household'], ['Hộ ông Lò Văn Thắng', 'household'],
      ['Hộ bà Lường Thị Xuân', 'household'], ['Cơ sở sản xuất Miến Bình Lư', 'household'], ['Trang trại bò Sìn Hồ', 'farm'], ['Hội Nông dân xã Bản Bo', 'association'],
      ['Hiệp hội Chè Lai Châu', 'association'], ['Lò Văn Thắng', null],
    ];
    for (const [name, form] of cases) assert.equal(inferLegalForm(name), form, name);
  });
  test('an explicit legal-form column wins; an unknown one falls back to the name', () => {
    assert.equal(inferLegalForm('HTX Chè', 'Doanh nghiệp'), 'enterprise');
    assert.equal(inferLegalForm('Lò Văn Thắng', 'Hộ kinh doanh'), 'household');
    assert.equal(inferLegalForm('HTX Chè', 'khác'), 'cooperative');
  });
  test('producerMatchKey: abbreviations written out, no diacritics or punctuation; forms kept', () => {
    assert.equal(producerMatchKey('HTX Chè Tam Đường'), producerMatchKey('Hợp tác xã chè Tam Đường'));
    assert.equal(producerMatchKey('Cty TNHH MTV Chè'), producerMatchKey('Công ty trách nhiệm hữu hạn một thành viên chè'));
    assert.equal(producerMatchKey('HTX. Mường Kim'), 'hop tac xa muong kim');
    assert.notEqual(producerMatchKey('HTX Mường Kim'), producerMatchKey('Công ty Mường Kim'));
  });
});

describe('parseAddress', () => {
  test('every form of the lists', () => {
    const cases: Array<[string, [string | null, string | null, string | null]]> = [
      ['Xã Mường Kim, huyện Than Uyên, tỉnh Lai Châu', ['Xã Mường Kim', 'Huyện Than Uyên', 'Tỉnh Lai Châu']],
      ['Mường Kim - Than Uyên', ['Mường Kim', 'Than Uyên', null]],
      ['TT Than Uyên', ['Thị trấn Than Uyên', null, null]],
      ['Thôn 3, xã Bản Bo, H. Tam Đường', ['Xã Bản Bo', 'Huyện Tam Đường', null]],
      ['P. Tân Phong, TP Lai Châu', ['Phường Tân Phong', 'Thành phố Lai Châu', null]],
      ['Bản Nà Khương, X.Bản Bo, H.Tam Đường, T.Lai Châu', ['Xã Bản Bo', 'Huyện Tam Đường', 'Tỉnh Lai Châu']],
      ['Số 12, phường Đông Phong, TP. Lai Châu, tỉnh Lai Châu', ['Phường Đông Phong', 'Thành phố Lai Châu', 'Tỉnh Lai Châu']],
      ['Xã Bản Bo, H. Tam Đường, Lai Châu', ['Xã Bản Bo', 'Huyện Tam Đường', 'Lai Châu']],
      ['Tx Mường Lay', [null, 'Thị xã Mường Lay', null]],
      ['Mường Kim', [null, null, null]],
    ];
    for (const [text, [commune, district, province]] of cases) assert.deepEqual(parseAddress(text), { commune, district, province }, text);
  });
});

describe('phones and e-mails', () => {
  test('Vietnamese numbers to +84', () => {
    assert.equal(value(parsePhone('0912 345 678')), '+84912345678');
    assert.equal(value(parsePhone('+84 912.345.678')), '+84912345678');
    assert.equal(value(parsePhone('84912345678')), '+84912345678');
    assert.equal(value(parsePhone(912345678)), '+84912345678');
    assert.equal(value(parsePhone('(0213) 3876 543')), '+842133876543');
    const two = parsePhone('0912345678 - 0987654321');
    assert.ok(two.ok && two.warning);
    assert.equal(code(parsePhone('12345')), 'invalid_phone');
    assert.equal(code(parsePhone('0112345678')), 'invalid_phone');
  });
  test('e-mail shape', () => {
    assert.equal(value(parseEmail('Hoa.Do@Gmail.COM')), 'Hoa.Do@gmail.com');
    assert.equal(code(parseEmail('hoa@')), 'invalid_email');
    assert.equal(code(parseEmail('hoa do@gmail.com')), 'invalid_email');
  });
});

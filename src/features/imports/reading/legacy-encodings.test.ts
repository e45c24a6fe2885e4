import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cleanText } from './clean-text.ts';
import { convertLegacyVietnamese, decodeTcvn3, decodeVni, encodeTcvn3, encodeVni, isVietnameseSyllable } from './legacy-encodings.ts';

describe('legacy Vietnamese encodings', () => {
  test('TCVN3 (ABC) as Windows-1252 characters becomes Unicode', () => {
    assert.deepEqual(convertLegacyVietnamese('Hîp t¸c x· chÌ Tam §­êng'), { text: 'Hợp tác xã chè Tam Đường', encoding: 'tcvn3' });
    assert.equal(convertLegacyVietnamese('ViÖt Nam').text, 'Việt Nam');
    assert.equal(convertLegacyVietnamese('Tr­¬ng ThÞ BÝch Ngäc').text, 'Trương Thị Bích Ngọc');
    // .VnTimeH capitals: the codes are the lower-case ones.
    assert.equal(decodeTcvn3('HîP T¸C X·'), 'HỢP TÁC XÃ');
    assert.equal(decodeTcvn3('C¬ së'), 'Cơ sở');
  });

  test('VNI Windows becomes Unicode, capitals included', () => {
    assert.deepEqual(convertLegacyVietnamese('Hôïp taùc xaõ cheø Tam Ñöôøng'), { text: 'Hợp tác xã chè Tam Đường', encoding: 'vni' });
    assert.equal(convertLegacyVietnamese('Taân Uyeân').text, 'Tân Uyên');
    assert.equal(decodeVni('HÔÏP TAÙC XAÕ'), 'HỢP TÁC XÃ');
  });

  test('every letter of the tables round-trips', () => {
    const letters = 'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ';
    assert.equal(decodeTcvn3(encodeTcvn3(letters)), letters);
    assert.equal(decodeVni(encodeVni(letters)), letters);
    assert.equal(decodeVni(encodeVni(letters.toUpperCase())), letters.toUpperCase());
  });

  test('Unicode Vietnamese, ASCII and other languages are never touched', () => {
    for (const text of ['Cà phê', 'Chè Shan tuyết', 'Gạo Séng Cù', 'Xã Mường Kim', 'Bún', 'Tà Xùa', 'Bò một nắng', 'Chè Ô Long', 'HTX', '1234/QĐ-UBND', 'Café Müller', 'São Paulo', 'Aé Noël', '30°C', 'Giá: 50.000đ', 'Tôi là ai', 'Mê Linh']) {
      assert.deepEqual(convertLegacyVietnamese(text), { text, encoding: null }, text);
    }
  });

  test('Vietnamese syllables', () => {
    for (const word of ['nghiêng', 'khuya', 'Đường', 'quốc', 'giữa', 'chuyện', 'oản']) assert.ok(isVietnameseSyllable(word), word);
    for (const word of ['taực', 'hîp', 'cafộ', 'aâ', 'xyz']) assert.ok(!isVietnameseSyllable(word), word);
  });

  test('cleanText: spaces, NBSP, zero-width characters and NFD', () => {
    assert.deepEqual(cleanText('  Chè\u00a0 Shan\ttuyết \n'), { text: 'Chè Shan tuyết', encoding: null });
    assert.equal(cleanText('Mật ong'.normalize('NFD')).text, 'Mật ong'.normalize('NFC'));
    assert.equal(cleanText('HTX\u200b Chè').text, 'HTX Chè');
    // The soft hyphen is TCVN3 "ư": converted before it could be stripped.
    assert.equal(cleanText('M\u00adêng Kim').text, 'Mường Kim');
  });
});

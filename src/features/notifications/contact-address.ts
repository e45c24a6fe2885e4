/**
 * The addresses a notice goes to, checked before anything is sent.
 * Vietnamese mobile numbers since the 2018 re-numbering: 03x, 05x, 07x, 08x, 09x, ten digits from 0;
 * written as 0912 345 678, +84 912 345 678, +84 (0) 912 345 678, 84912345678 or (+84) 912.345.678.
 * Stored as +84xxxxxxxxx.
 */
const MOBILE = /^0(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)\d{7}$/;

export type AddressCheck = { ok: true; value: string } | { ok: false; reason: string; reasonEn: string };

export function normalizeVietnameseMobile(input: string): AddressCheck {
  // "+84 (0) 912…": the trunk 0 written after the country code is dropped.
  const compact = input.replace(/[\s.\-()]/g, '').replace(/^(\+?84)0(?=\d{9}$)/, '$1');
  let national = compact;
  if (national.startsWith('+84')) national = `0${national.slice(3)}`;
  else if (/^84\d{9}$/.test(national)) national = `0${national.slice(2)}`;
  if (!MOBILE.test(national)) {
    return { ok: false, reason: `Số điện thoại “${input}” không phải số di động Việt Nam hợp lệ (ví dụ 0912 345 678).`, reasonEn: `"${input}" is not a valid Vietnamese mobile number.` };
  }
  return { ok: true, value: `+84${national.slice(1)}` };
}

// What an address must look like to be worth handing to an SMTP server: one @, a dotted domain, no spaces.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[A-Za-z]{2,}$/;

export function normalizeEmail(input: string): AddressCheck {
  const value = input.trim();
  if (value.length > 254 || !EMAIL.test(value)) {
    return { ok: false, reason: `Địa chỉ e-mail “${input}” không hợp lệ.`, reasonEn: `"${input}" is not a valid e-mail address.` };
  }
  const at = value.lastIndexOf('@');
  return { ok: true, value: `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}` };
}

import { z } from 'zod';

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

const vi = z.locales.vi().localeError;
const en = z.locales.en().localeError;

const textOf = (message: ReturnType<z.core.$ZodErrorMap>): string | undefined =>
  typeof message === 'string' ? message : message?.message;

/**
 * Vietnamese messages for the validation problems people actually meet in forms. zod's own Vietnamese
 * locale covers the rest ("mong đợi string…" reads like a translation, so the common cases are ours).
 */
export function vietnameseMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Trường này là bắt buộc.';
      if (issue.expected === 'number' || issue.expected === 'int') return 'Phải là một số.';
      if (issue.expected === 'string') return 'Phải là văn bản.';
      break;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? 'Không được để trống.' : `Cần ít nhất ${issue.minimum} ký tự.`;
      if (issue.origin === 'number') return `Không được nhỏ hơn ${issue.minimum}.`;
      if (issue.origin === 'array') return `Cần ít nhất ${issue.minimum} mục.`;
      break;
    case 'too_big':
      if (issue.origin === 'string') return `Tối đa ${issue.maximum} ký tự.`;
      if (issue.origin === 'number') return `Không được lớn hơn ${issue.maximum}.`;
      if (issue.origin === 'array') return `Tối đa ${issue.maximum} mục.`;
      break;
    case 'invalid_format':
      if (issue.format === 'email') return 'Địa chỉ email không hợp lệ.';
      if (issue.format === 'uuid') return 'Mã định danh không hợp lệ.';
      return 'Sai định dạng.';
    case 'invalid_value':
      return `Giá trị không hợp lệ. Chọn một trong: ${issue.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return `Trường không được phép: ${issue.keys.join(', ')}.`;
  }
  return textOf(vi(issue));
}

export function englishMessage(issue: RawIssue): string | undefined {
  return textOf(en(issue));
}

/** Installs the Vietnamese messages for every schema of the process (schemas may still set their own). */
export function useVietnameseValidationMessages(): void {
  z.config({ localeError: vietnameseMessage });
}

import { z } from 'zod';
import { provinceCode } from '../../core/http/schemas.ts';

export const forwardingConsequences = ['no_product_this_year', 'flag_late'] as const;
export const forwardingConsequence = z.enum(forwardingConsequences);
export type ForwardingConsequence = (typeof forwardingConsequences)[number];

export const forwardingConsequenceLabels: Record<ForwardingConsequence, string> = {
  no_product_this_year: 'Địa phương không có sản phẩm trong năm (phương án dừng lại)',
  flag_late: 'Chỉ ghi nhận chuyển chậm (vẫn được chuyển tiếp)',
};

export const dayKind = z.enum(['calendar', 'working']);
export type DayKind = z.infer<typeof dayKind>;

/**
 * How long a commune has to forward a business plan it received to the province, and what happens
 * when it does not. A provincial-plan rule (e.g. "within 5 days, or the locality has no product that
 * year"), not national law; none by default.
 */
export const planForwardingRule = z
  .object({
    days: z
      .number({ message: 'Nhập số ngày.' })
      .int({ message: 'Số ngày phải là số nguyên.' })
      .min(1, { message: 'Thời hạn ít nhất 1 ngày.' })
      .max(90, { message: 'Thời hạn tối đa 90 ngày.' }),
    /** calendar: calendar days (a last day that is a rest day moves to the next working day); working: working days. */
    dayKind: dayKind.default('calendar'),
    consequence: forwardingConsequence,
  })
  .strict()
  .meta({ id: 'PlanForwardingRule' });
export type PlanForwardingRule = z.infer<typeof planForwardingRule>;

export const provinceSettings = z
  .object({
    provinceCode: z.string(),
    provinceName: z.string().nullable(),
    planForwarding: planForwardingRule.nullable(),
    /** 0 while the province has never saved its settings (the defaults apply). */
    version: z.number().int(),
    updatedAt: z.date().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'ProvinceSettings' });
export type ProvinceSettings = z.infer<typeof provinceSettings>;

export const provinceParams = z.object({ code: provinceCode });

export const updateProvinceSettingsBody = z
  .object({
    /** The version read (0 when the province had no settings yet). */
    version: z.number().int().min(0),
    planForwarding: planForwardingRule.nullable(),
  })
  .strict();
export type UpdateProvinceSettingsInput = z.infer<typeof updateProvinceSettingsBody>;

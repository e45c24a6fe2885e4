import { z } from 'zod';
import { communeCode, pageOf, pageQuery, uuid } from '../../core/http/schemas.ts';

/** QĐ 26/2026 Art. 2.3: who may be an OCOP producer (chủ thể). */
export const legalForms = ['cooperative', 'cooperative_group', 'enterprise', 'farm', 'household', 'association'] as const;
export const legalForm = z.enum(legalForms);

export const legalFormLabels: Record<(typeof legalForms)[number], string> = {
  cooperative: 'Hợp tác xã',
  cooperative_group: 'Tổ hợp tác',
  enterprise: 'Doanh nghiệp nhỏ và vừa',
  farm: 'Trang trại',
  household: 'Hộ sản xuất, hộ gia đình có đăng ký kinh doanh',
  association: 'Hội, hiệp hội, trung tâm điều hành (du lịch cộng đồng)',
};

export const producer = z
  .object({
    id: z.string(),
    name: z.string(),
    legalForm,
    taxCode: z.string().nullable(),
    provinceCode: z.string(),
    provinceName: z.string().nullable(),
    communeCode: z.string(),
    communeName: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Producer' });
export type Producer = z.infer<typeof producer>;

const name = z.string().trim().min(2, { message: 'Tên chủ thể cần ít nhất 2 ký tự.' }).max(200);
// Mã số doanh nghiệp / mã số thuế: 10 digits, or 13 for a branch (10 + "-" + 3). The check digit
// is verified in issue 4's registry; here only the shape.
const taxCode = z.string().trim().regex(/^\d{10}(-?\d{3})?$/, { message: 'Mã số thuế gồm 10 hoặc 13 chữ số.' });
const phone = z.string().trim().regex(/^[0-9 +().-]{8,20}$/, { message: 'Số điện thoại không hợp lệ.' });

export const createProducerBody = z
  .object({
    name,
    legalForm,
    taxCode: taxCode.nullable().default(null),
    communeCode,
    address: z.string().trim().max(300).nullable().default(null),
    phone: phone.nullable().default(null),
  })
  .strict();
export type CreateProducerInput = z.infer<typeof createProducerBody>;

export const updateProducerBody = z
  .object({
    version: z.number().int().min(1),
    name: name.optional(),
    legalForm: legalForm.optional(),
    taxCode: taxCode.nullable().optional(),
    address: z.string().trim().max(300).nullable().optional(),
    phone: phone.nullable().optional(),
  })
  .strict();
export type UpdateProducerInput = z.infer<typeof updateProducerBody>;

export const listProducersQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  commune: communeCode.optional(),
});
export const producerPage = pageOf(producer);
export const producerParams = z.object({ id: uuid });

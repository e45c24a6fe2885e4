import { z } from 'zod';
import { localDateSchema } from '../../core/clock/index.ts';
import { communeCode, freeText, pageOf, pageQuery, uuid } from '../../core/http/schemas.ts';
import { parseTaxCode, taxCodeProblemMessages } from './tax-code.ts';

/** QĐ 26/2026 Art. 2.3: who may be an OCOP producer (chủ thể). */
export const legalForms = ['cooperative', 'cooperative_group', 'enterprise', 'farm', 'household', 'association'] as const;
export const legalForm = z.enum(legalForms);
export type LegalForm = (typeof legalForms)[number];

export const legalFormLabels: Record<LegalForm, string> = {
  cooperative: 'Hợp tác xã',
  cooperative_group: 'Tổ hợp tác',
  enterprise: 'Doanh nghiệp nhỏ và vừa',
  farm: 'Trang trại',
  household: 'Hộ sản xuất, hộ gia đình có đăng ký kinh doanh',
  association: 'Hội, hiệp hội, trung tâm điều hành (du lịch cộng đồng)',
};

/** Legal forms run by a person, who may use a 12-digit personal ID as tax code (TT 86/2024/TT-BTC Điều 5.5). */
export const personalLegalForms: readonly LegalForm[] = ['household', 'farm'];

export const certificateKinds = ['food_safety', 'production_licence', 'quality_declaration', 'trademark', 'geographical_indication', 'other'] as const;
export const certificateKind = z.enum(certificateKinds);

export const certificateKindLabels: Record<(typeof certificateKinds)[number], string> = {
  food_safety: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
  production_licence: 'Giấy phép sản xuất',
  quality_declaration: 'Bản tự công bố / công bố chất lượng sản phẩm',
  trademark: 'Giấy chứng nhận đăng ký nhãn hiệu',
  geographical_indication: 'Chỉ dẫn địa lý',
  other: 'Giấy chứng nhận khác',
};

export const genders = ['female', 'male'] as const;

export const certificate = z
  .object({
    id: z.string(),
    kind: certificateKind,
    number: z.string(),
    issuedOn: z.string().nullable(),
    expiresOn: z.string().nullable(),
    issuer: z.string().nullable(),
  })
  .meta({ id: 'ProducerCertificate' });
export type Certificate = z.infer<typeof certificate>;

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
    email: z.string().nullable(),
    website: z.string().nullable(),
    representativeName: z.string().nullable(),
    representativeGender: z.enum(genders).nullable(),
    representativeEthnicity: z.string().nullable(),
    representativePosition: z.string().nullable(),
    registrationNumber: z.string().nullable(),
    registrationDate: z.string().nullable(),
    certificates: z.array(certificate),
    /** Set when this record was a duplicate merged into another producer. */
    mergedIntoId: z.string().nullable(),
    mergedAt: z.date().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Producer' });
export type Producer = z.infer<typeof producer>;

const name = freeText('Tên chủ thể', { min: 2, max: 200 });

/** Mã số thuế, checked with its check digit (tax-code.ts) and returned in its written form. */
export const taxCode = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const parsed = parseTaxCode(value);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: taxCodeProblemMessages[parsed.problem].vi, params: { problem: parsed.problem } });
    return z.NEVER;
  });

const phone = z.string().trim().regex(/^[0-9 +().-]{8,20}$/, { message: 'Số điện thoại không hợp lệ.' });
const email = z.email({ message: 'Địa chỉ email không hợp lệ.' }).max(200);
const website = z
  .string()
  .trim()
  .max(200)
  .regex(/^(https?:\/\/)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?(\/\S*)?$/iu, { message: 'Địa chỉ trang web không hợp lệ (ví dụ: htxmuongthan.vn).' });
const optionalText = (max: number, what: string) => freeText(what, { max });

export const certificateInput = z
  .object({
    kind: certificateKind,
    number: freeText('Số hiệu giấy chứng nhận', { min: 1, max: 100 }),
    issuedOn: localDateSchema.nullable().default(null),
    expiresOn: localDateSchema.nullable().default(null),
    issuer: optionalText(200, 'Cơ quan cấp').nullable().default(null),
  })
  .strict()
  .refine((c) => !c.issuedOn || !c.expiresOn || c.expiresOn >= c.issuedOn, {
    message: 'Ngày hết hạn không được trước ngày cấp.',
    path: ['expiresOn'],
  });
export type CertificateInput = z.infer<typeof certificateInput>;

const address = optionalText(300, 'Địa chỉ');
const representativeName = optionalText(120, 'Họ tên người đại diện');
const representativeGender = z.enum(genders);
const representativeEthnicity = optionalText(50, 'Dân tộc');
const representativePosition = optionalText(100, 'Chức vụ');
const registrationNumber = optionalText(50, 'Số đăng ký kinh doanh');

export const createProducerBody = z
  .object({
    name,
    legalForm,
    taxCode: taxCode.nullable().default(null),
    communeCode,
    address: address.nullable().default(null),
    phone: phone.nullable().default(null),
    email: email.nullable().default(null),
    website: website.nullable().default(null),
    representativeName: representativeName.nullable().default(null),
    representativeGender: representativeGender.nullable().default(null),
    representativeEthnicity: representativeEthnicity.nullable().default(null),
    representativePosition: representativePosition.nullable().default(null),
    registrationNumber: registrationNumber.nullable().default(null),
    registrationDate: localDateSchema.nullable().default(null),
    certificates: z.array(certificateInput).max(50).default([]),
    /** Set after the answer 409 listed possible duplicates and the user checked they are different. */
    confirmNotDuplicate: z.boolean().default(false),
  })
  .strict();
export type CreateProducerInput = z.infer<typeof createProducerBody>;

export const updateProducerBody = z
  .object({
    version: z.number().int().min(1),
    name: name.optional(),
    legalForm: legalForm.optional(),
    taxCode: taxCode.nullable().optional(),
    address: address.nullable().optional(),
    phone: phone.nullable().optional(),
    email: email.nullable().optional(),
    website: website.nullable().optional(),
    representativeName: representativeName.nullable().optional(),
    representativeGender: representativeGender.nullable().optional(),
    representativeEthnicity: representativeEthnicity.nullable().optional(),
    representativePosition: representativePosition.nullable().optional(),
    registrationNumber: registrationNumber.nullable().optional(),
    registrationDate: localDateSchema.nullable().optional(),
    /** When present, replaces the whole list. */
    certificates: z.array(certificateInput).max(50).optional(),
    confirmNotDuplicate: z.boolean().default(false),
  })
  .strict();
export type UpdateProducerInput = z.infer<typeof updateProducerBody>;

export const listProducersQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  commune: communeCode.optional(),
});
export type ListProducersQuery = z.infer<typeof listProducersQuery>;
export const producerPage = pageOf(producer);
export const producerParams = z.object({ id: uuid });

export const duplicateReason = z.enum(['tax_code', 'name']);

/** One side of a possible duplicate: enough to tell the two apart. */
export const producerSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    legalForm,
    taxCode: z.string().nullable(),
    provinceCode: z.string(),
    communeCode: z.string(),
    communeName: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
  })
  .meta({ id: 'ProducerSummary' });
export type ProducerSummary = z.infer<typeof producerSummary>;

export const duplicatePair = z
  .object({ reason: duplicateReason, first: producerSummary, second: producerSummary })
  .meta({ id: 'ProducerDuplicatePair' });
export type DuplicatePair = z.infer<typeof duplicatePair>;

export const duplicatesQuery = pageQuery;
export const duplicatePage = pageOf(duplicatePair);

export const mergeProducerBody = z
  .object({
    intoId: uuid,
    /** The version of the producer being merged away (the one in the URL). */
    version: z.number().int().min(1),
  })
  .strict();
export type MergeProducerInput = z.infer<typeof mergeProducerBody>;

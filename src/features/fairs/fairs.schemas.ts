import { z } from 'zod';
import { localDateSchema } from '../../core/clock/index.ts';
import { communeCode, freeText, organiserUnitFields, pageOf, pageQuery, provinceCode, uuid } from '../../core/http/schemas.ts';
import { parseVietnameseNumber } from '../plans/index.ts';

export const fairScopes = ['in_province', 'out_of_province', 'international'] as const;
export type FairScope = (typeof fairScopes)[number];
export const fairScopeLabels: Record<FairScope, string> = {
  in_province: 'Trong tỉnh',
  out_of_province: 'Ngoài tỉnh',
  international: 'Quốc tế',
};
export const platforms = ['shopee', 'lazada', 'tiktok_shop', 'tiki', 'postmart', 'voso', 'own_website', 'other'] as const;

const text = (min: number, max: number, what: string) => freeText(what, { min, max });
const optionalText = (max: number, what: string) =>
  freeText(what, { max }).transform((v) => v || null).nullable().optional();

/** A whole number as JSON, or written the Vietnamese way ("12.500.000"). */
const wholeNumber = (max: number, what: string) =>
  z
    .union([z.number(), z.string()], { message: `${what} phải là một số.` })
    .transform((value, ctx) => {
      const parsed = parseVietnameseNumber(value);
      if (parsed === null || !Number.isInteger(parsed)) {
        ctx.addIssue({ code: 'custom', message: `${what} phải là số nguyên (ví dụ 12.500.000).` });
        return z.NEVER;
      }
      return parsed;
    })
    .refine((v) => v >= 0 && v <= max, { message: `${what} từ 0 đến ${max.toLocaleString('vi-VN')}.` });

const phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.()-]/g, ''))
  .refine((v) => v === '' || /^\+?[0-9]{8,15}$/.test(v), { message: 'Số điện thoại không hợp lệ (8–15 chữ số).' })
  .transform((v) => v || null);

const email = z
  .string()
  .trim()
  .transform((v) => v || null)
  .refine((v) => v === null || (v.length <= 254 && /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/.test(v)), { message: 'Địa chỉ e-mail không hợp lệ.' });

const productNames = z.array(text(2, 200, 'Tên sản phẩm')).max(50, { message: 'Tối đa 50 sản phẩm.' });

// ---------------------------------------------------------------------------------------------
// Fairs

export const fairParticipant = z
  .object({
    id: z.string(),
    fairId: z.string(),
    producerId: z.string(),
    producerName: z.string(),
    productNames: z.array(z.string()),
    booth: z.string().nullable(),
    visitors: z.number().int().nullable(),
    salesRevenueVnd: z.number().int().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'FairParticipant' });
export type FairParticipant = z.infer<typeof fairParticipant>;

export const fair = z
  .object({
    id: z.string(),
    ...organiserUnitFields,
    name: z.string(),
    scope: z.enum(fairScopes),
    startsOn: z.string(),
    endsOn: z.string(),
    place: z.string(),
    organiserName: z.string().nullable(),
    participantCount: z.number().int(),
    totalVisitors: z.number().int(),
    totalRevenueVnd: z.number().int(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Fair' });
export type Fair = z.infer<typeof fair>;
export const fairDetail = fair.extend({ participants: z.array(fairParticipant) }).meta({ id: 'FairDetail' });
export type FairDetail = z.infer<typeof fairDetail>;

const fairFields = {
  name: text(3, 300, 'Tên hội chợ'),
  scope: z.enum(fairScopes, { message: 'Phạm vi: in_province (trong tỉnh), out_of_province (ngoài tỉnh) hoặc international (quốc tế).' }),
  startsOn: localDateSchema,
  endsOn: localDateSchema,
  place: text(2, 300, 'Địa điểm'),
  organiserName: optionalText(300, 'Đơn vị tổ chức'),
};

export const createFairBody = z
  .object({ provinceCode, communeCode: communeCode.nullable().optional(), ...fairFields })
  .strict()
  .refine((v) => v.endsOn >= v.startsOn, {
    path: ['endsOn'],
    message: 'Ngày kết thúc không được trước ngày bắt đầu.',
    when: (payload) => {
      const v = payload.value as Record<string, unknown>;
      return localDateSchema.safeParse(v.startsOn).success && localDateSchema.safeParse(v.endsOn).success;
    },
  });
export type CreateFairInput = z.infer<typeof createFairBody>;

export const updateFairBody = z
  .object({
    version: z.number().int().min(1),
    name: fairFields.name.optional(),
    scope: fairFields.scope.optional(),
    startsOn: localDateSchema.optional(),
    endsOn: localDateSchema.optional(),
    place: fairFields.place.optional(),
    organiserName: fairFields.organiserName,
  })
  .strict();
export type UpdateFairInput = z.infer<typeof updateFairBody>;

export const addFairParticipantBody = z
  .object({
    producerId: uuid,
    productNames: productNames.default([]),
    booth: optionalText(100, 'Gian hàng'),
    visitors: wholeNumber(100_000_000, 'Lượt khách').nullable().optional(),
    salesRevenueVnd: wholeNumber(1e15, 'Doanh thu').nullable().optional(),
  })
  .strict();
export type AddFairParticipantInput = z.infer<typeof addFairParticipantBody>;

export const updateFairParticipantBody = z
  .object({
    version: z.number().int().min(1),
    productNames: productNames.optional(),
    booth: optionalText(100, 'Gian hàng'),
    visitors: wholeNumber(100_000_000, 'Lượt khách').nullable().optional(),
    salesRevenueVnd: wholeNumber(1e15, 'Doanh thu').nullable().optional(),
  })
  .strict();
export type UpdateFairParticipantInput = z.infer<typeof updateFairParticipantBody>;

export const listQuery = pageQuery.extend({
  province: provinceCode.optional(),
  commune: communeCode.optional(),
  year: z.coerce.number().int().min(2018).max(2100).optional(),
});
export type ListFairsQuery = z.infer<typeof listQuery>;
export const fairPage = pageOf(fair);

// ---------------------------------------------------------------------------------------------
// Sales points

export const salesPointProduct = z.object({ producerId: z.string(), producerName: z.string(), productName: z.string() });
export const salesPoint = z
  .object({
    id: z.string(),
    name: z.string(),
    provinceCode: z.string(),
    provinceName: z.string().nullable(),
    communeCode: z.string(),
    communeName: z.string().nullable(),
    streetAddress: z.string(),
    operatorName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    openedOn: z.string().nullable(),
    isActive: z.boolean(),
    products: z.array(salesPointProduct),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'SalesPoint' });
export type SalesPoint = z.infer<typeof salesPoint>;
export const salesPointPage = pageOf(salesPoint);

const salesPointProductInput = z.object({ producerId: uuid, productName: text(2, 200, 'Tên sản phẩm') }).strict();
export const createSalesPointBody = z
  .object({
    provinceCode,
    communeCode,
    name: text(3, 200, 'Tên điểm bán'),
    streetAddress: text(2, 300, 'Số nhà, đường, thôn'),
    operatorName: optionalText(200, 'Đơn vị vận hành'),
    phone: phone.nullable().optional(),
    email: email.nullable().optional(),
    openedOn: localDateSchema.nullable().optional(),
    products: z.array(salesPointProductInput).max(500).default([]),
  })
  .strict();
export type CreateSalesPointInput = z.infer<typeof createSalesPointBody>;

export const updateSalesPointBody = z
  .object({
    version: z.number().int().min(1),
    name: createSalesPointBody.shape.name.optional(),
    streetAddress: createSalesPointBody.shape.streetAddress.optional(),
    operatorName: createSalesPointBody.shape.operatorName,
    phone: phone.nullable().optional(),
    email: email.nullable().optional(),
    openedOn: localDateSchema.nullable().optional(),
    isActive: z.boolean().optional(),
    /** Replaces the list. */
    products: z.array(salesPointProductInput).max(500).optional(),
  })
  .strict();
export type UpdateSalesPointInput = z.infer<typeof updateSalesPointBody>;

// ---------------------------------------------------------------------------------------------
// E-commerce listings

export const listing = z
  .object({
    id: z.string(),
    producerId: z.string(),
    producerName: z.string(),
    provinceCode: z.string(),
    communeCode: z.string(),
    productName: z.string(),
    platform: z.enum(platforms),
    url: z.string(),
    isActive: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'EcommerceListing' });
export type Listing = z.infer<typeof listing>;
export const listingPage = pageOf(listing);

const url = z
  .string()
  .trim()
  .max(1000)
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v) && URL.canParse(v), { message: 'Địa chỉ trang bán phải bắt đầu bằng http:// hoặc https://.' });

export const createListingBody = z
  .object({
    producerId: uuid,
    productName: text(2, 200, 'Tên sản phẩm'),
    platform: z.enum(platforms, { message: `Sàn: ${platforms.join(', ')}.` }),
    url,
  })
  .strict();
export type CreateListingInput = z.infer<typeof createListingBody>;

export const updateListingBody = z
  .object({
    version: z.number().int().min(1),
    productName: createListingBody.shape.productName.optional(),
    platform: createListingBody.shape.platform.optional(),
    url: url.optional(),
    isActive: z.boolean().optional(),
  })
  .strict();
export type UpdateListingInput = z.infer<typeof updateListingBody>;

export const listingsQuery = pageQuery.extend({ producer: uuid.optional(), province: provinceCode.optional(), commune: communeCode.optional() });
export type ListListingsQuery = z.infer<typeof listingsQuery>;
export const salesPointsQuery = pageQuery.extend({ province: provinceCode.optional(), commune: communeCode.optional(), active: z.enum(['true', 'false']).optional() });
export type ListSalesPointsQuery = z.infer<typeof salesPointsQuery>;

export const producerPromotion = z
  .object({
    fairs: z.array(
      z.object({
        fairId: z.string(),
        fairName: z.string(),
        scope: z.enum(fairScopes),
        startsOn: z.string(),
        endsOn: z.string(),
        place: z.string(),
        participantId: z.string(),
        productNames: z.array(z.string()),
        booth: z.string().nullable(),
        visitors: z.number().int().nullable(),
        salesRevenueVnd: z.number().int().nullable(),
        version: z.number().int(),
      }),
    ),
    salesPoints: z.array(z.object({ id: z.string(), name: z.string(), streetAddress: z.string(), communeName: z.string().nullable(), provinceName: z.string().nullable(), productNames: z.array(z.string()) })),
    listings: z.array(listing),
  })
  .meta({ id: 'ProducerPromotion' });
export type ProducerPromotion = z.infer<typeof producerPromotion>;

export const idParams = z.object({ id: uuid });
export const participantParams = z.object({ id: uuid, participantId: uuid });

import { z } from 'zod';
import { cleanFreeText, CONTROL_CHARACTER, LINE_BREAK_OR_TAB } from '../text.ts';

/** Shared zod primitives for request and response schemas. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      messageEn: z.string().optional(),
      details: z.unknown().optional(),
    }),
    requestId: z.string(),
  })
  .meta({ id: 'Error' });

/** The error responses every authenticated route may give, for the OpenAPI document. */
export const standardErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } as const;

export const provinceCode = z.string().regex(/^\d{2}$/, { message: 'Mã tỉnh gồm 2 chữ số.' });
export const communeCode = z.string().regex(/^\d{5}$/, { message: 'Mã xã gồm 5 chữ số.' });
export const uuid = z.uuid({ message: 'Mã định danh không hợp lệ.' });
export const isoDateTime = z.date().or(z.string()).transform((v) => (v instanceof Date ? v.toISOString() : v));

/** The unit that organises a training, a fair…: a province, or a commune of it, with their current names. */
export const organiserUnitFields = {
  organiserLevel: z.enum(['province', 'commune']),
  provinceCode: z.string(),
  provinceName: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
};

/**
 * Paging of the national lists (issue 13, decision 016): `page`/`pageSize` as before, or `after`, the
 * `nextCursor` of the page before, which continues exactly where it stopped however deep (keyset
 * paging: no OFFSET, no row shown twice or skipped when rows are added meanwhile).
 */
export const cursorPageQuery = pageQuery.extend({
  after: z
    .string()
    .max(400, { message: 'Con trỏ trang (after) quá dài.' })
    .optional()
    .describe('nextCursor của trang trước: trang tiếp theo (bỏ qua page)'),
});

/**
 * A page with a cheap total: `total` counts the matching rows up to a cap; `totalExact` false means
 * "more than `total`". `nextCursor` continues the list (null on its last page).
 */
export function cursorPageOf<T extends z.ZodType>(item: T) {
  return pageOf(item).extend({
    totalExact: z.boolean().describe('false: có hơn `total` bản ghi (đếm đến giới hạn thì dừng)'),
    nextCursor: z.string().nullable().describe('Truyền vào `after` để lấy trang tiếp theo; null: đây là trang cuối'),
  });
}

/**
 * Free text a person types (a name, a title, a story): the one schema for it (issue 16, finding 8;
 * decision 018). Bidirectional controls are removed, invisible characters trimmed like spaces (so text
 * made only of them counts as empty and `min` refuses it), control characters refused, and tab and line
 * breaks too unless `multiline`. Messages name the field in Vietnamese, as the features' forms show them.
 */
export function freeText(what: string, options: { min?: number; max: number; multiline?: boolean }) {
  const { min = 0, max, multiline = false } = options;
  let schema = z.string({ message: `${what} không được để trống.` }).overwrite(cleanFreeText).trim();
  if (min > 0) schema = schema.min(min, { message: min <= 1 ? `${what} không được để trống.` : `${what} cần ít nhất ${min} ký tự.` });
  schema = schema
    .max(max, { message: `${what} tối đa ${max} ký tự.` })
    .refine((value) => !CONTROL_CHARACTER.test(value), { message: `${what} chứa ký tự điều khiển không được phép.` });
  return multiline
    ? schema
    : schema.refine((value) => !LINE_BREAK_OR_TAB.test(value), { message: `${what} phải nằm trên một dòng (không xuống dòng, không có ký tự tab).` });
}

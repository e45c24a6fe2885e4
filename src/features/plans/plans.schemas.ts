import { z } from 'zod';
import { localDateSchema } from '../../core/clock/index.ts';
import { communeCode, pageOf, pageQuery, provinceCode, uuid } from '../../core/http/schemas.ts';
import { indicatorStatuses } from './plan-progress.ts';
import { parseAreaUnit, parseMassUnit, parseVietnameseNumber, parseYieldUnit } from './units.ts';

export const indicatorKinds = [
  'products_developed',
  'star_target',
  'production_area',
  'production_yield',
  'production_output',
  'producers_trained_percent',
  'new_cooperatives',
  'linkage_projects',
  'fairs',
] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

export const productionKinds: readonly IndicatorKind[] = ['production_area', 'production_yield', 'production_output'];

/** The unit a plan writes when it names none. */
export const defaultUnits: Record<IndicatorKind, string> = {
  products_developed: 'sản phẩm',
  star_target: 'sản phẩm',
  production_area: 'ha',
  production_yield: 'tạ/ha',
  production_output: 'tấn',
  producers_trained_percent: '%',
  new_cooperatives: 'HTX',
  linkage_projects: 'dự án',
  fairs: 'hội chợ',
};

/** Vietnamese names of the indicators, as plans and reports word them. */
export const indicatorLabels: Record<IndicatorKind, string> = {
  products_developed: 'Sản phẩm OCOP phát triển mới',
  star_target: 'Sản phẩm đạt hạng sao',
  production_area: 'Diện tích sản xuất',
  production_yield: 'Năng suất',
  production_output: 'Sản lượng',
  producers_trained_percent: 'Tỷ lệ chủ thể được tập huấn',
  new_cooperatives: 'Hợp tác xã thành lập mới',
  linkage_projects: 'Dự án liên kết chuỗi giá trị',
  fairs: 'Hội chợ, sự kiện xúc tiến thương mại',
};

/** A number as JSON, or as a Vietnamese writes it ("13,2", "1.234,5"). */
export const vietnameseNumber = z
  .union([z.number(), z.string()], { message: 'Phải là một số.' })
  .transform((value, ctx) => {
    const parsed = parseVietnameseNumber(value);
    if (parsed === null) {
      ctx.addIssue({ code: 'custom', message: `“${String(value)}” không phải là số (viết 13,2 hoặc 1.234,5).` });
      return z.NEVER;
    }
    return parsed;
  })
  .refine((value) => value >= 0, { message: 'Không được âm.' })
  .refine((value) => value <= 1e12, { message: 'Số quá lớn.' });

const indicatorShape = {
  kind: z.enum(indicatorKinds, { message: `Loại chỉ tiêu là một trong: ${indicatorKinds.join(', ')}.` }),
  productName: z.string().trim().min(2, { message: 'Tên sản phẩm cần ít nhất 2 ký tự.' }).max(200).nullable().optional(),
  starRating: z.number().int().min(3, { message: 'Hạng sao từ 3 đến 5.' }).max(5, { message: 'Hạng sao từ 3 đến 5.' }).nullable().optional(),
  targetValue: vietnameseNumber,
  unit: z.string().trim().min(1).max(30).optional(),
  note: z.string().trim().max(1000).transform((v) => v || null).nullable().optional(),
  parentIndicatorId: uuid.nullable().optional(),
};

/** Field rules that depend on the kind; reported with the other problems of the request. */
function checkIndicator(value: { kind?: IndicatorKind; productName?: string | null | undefined; starRating?: number | null | undefined; unit?: string | undefined; targetValue?: number }, ctx: z.RefinementCtx) {
  const kind = value.kind;
  if (!kind) return;
  const production = productionKinds.includes(kind);
  if (production && !value.productName) ctx.addIssue({ code: 'custom', path: ['productName'], message: 'Chỉ tiêu sản xuất cần ghi tên sản phẩm.' });
  if (!production && !['products_developed', 'star_target'].includes(kind) && value.productName) {
    ctx.addIssue({ code: 'custom', path: ['productName'], message: 'Chỉ tiêu này không gắn với một sản phẩm.' });
  }
  if (kind === 'star_target' && !value.starRating) ctx.addIssue({ code: 'custom', path: ['starRating'], message: 'Ghi hạng sao cần đạt (3, 4 hoặc 5).' });
  if (kind !== 'star_target' && value.starRating) ctx.addIssue({ code: 'custom', path: ['starRating'], message: 'Chỉ ghi hạng sao cho chỉ tiêu hạng sao.' });
  if (value.unit !== undefined) {
    const ok =
      kind === 'production_area' ? parseAreaUnit(value.unit) :
      kind === 'production_yield' ? parseYieldUnit(value.unit) :
      kind === 'production_output' ? parseMassUnit(value.unit) :
      kind === 'producers_trained_percent' ? (value.unit === '%' ? '%' : null) : value.unit;
    if (!ok) {
      const expected = { production_area: 'ha hoặc m²', production_yield: 'tạ/ha, tấn/ha hoặc kg/ha', production_output: 'tấn, tạ hoặc kg', producers_trained_percent: '%' } as Record<string, string>;
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `Đơn vị “${value.unit}” không dùng được cho chỉ tiêu này; dùng ${expected[kind]}.` });
    }
  }
  if (kind === 'producers_trained_percent' && typeof value.targetValue === 'number' && value.targetValue > 100) {
    ctx.addIssue({ code: 'custom', path: ['targetValue'], message: 'Tỷ lệ không vượt quá 100%.' });
  }
}

export const indicatorInput = z.object(indicatorShape).strict().superRefine(checkIndicator);
export type IndicatorInput = z.infer<typeof indicatorInput>;

export const updateIndicatorBody = z
  .object({
    version: z.number().int().min(1),
    productName: indicatorShape.productName,
    starRating: indicatorShape.starRating,
    targetValue: vietnameseNumber.optional(),
    unit: indicatorShape.unit,
    note: indicatorShape.note,
  })
  .strict();
export type UpdateIndicatorInput = z.infer<typeof updateIndicatorBody>;

export const createPlanBody = z
  .object({
    provinceCode,
    communeCode: communeCode.nullable().optional(),
    year: z.number({ message: 'Năm phải là một số.' }).int().min(2018, { message: 'Năm từ 2018 đến 2100.' }).max(2100, { message: 'Năm từ 2018 đến 2100.' }),
    title: z.string().trim().min(3, { message: 'Tên kế hoạch cần ít nhất 3 ký tự.' }).max(300),
    legalReference: z.string().trim().min(3, { message: 'Ghi số, ký hiệu và ngày của văn bản (ví dụ Kế hoạch 90/KH-UBND ngày 11/3/2024).' }).max(300),
    issuedOn: localDateSchema.nullable().optional(),
    parentPlanId: uuid.nullable().optional(),
    /** Absent with a parent plan: the parent's indicators are copied, to be adjusted. */
    indicators: z.array(indicatorInput).max(100).optional(),
  })
  .strict();
export type CreatePlanInput = z.infer<typeof createPlanBody>;

export const updatePlanBody = z
  .object({
    version: z.number().int().min(1),
    title: createPlanBody.shape.title.optional(),
    legalReference: createPlanBody.shape.legalReference.optional(),
    issuedOn: localDateSchema.nullable().optional(),
  })
  .strict();
export type UpdatePlanInput = z.infer<typeof updatePlanBody>;

export const progressBody = z
  .object({
    value: vietnameseNumber,
    asOf: localDateSchema,
    evidence: z.string().trim().min(3, { message: 'Ghi minh chứng (văn bản, biên bản, báo cáo…) cho kết quả này.' }).max(2000),
  })
  .strict();
export type ProgressInput = z.infer<typeof progressBody>;

export const plan = z
  .object({
    id: z.string(),
    level: z.enum(['province', 'commune']),
    provinceCode: z.string(),
    provinceName: z.string().nullable(),
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
    year: z.number().int(),
    title: z.string(),
    legalReference: z.string(),
    issuedOn: z.string().nullable(),
    parentPlanId: z.string().nullable(),
    parentTitle: z.string().nullable(),
    indicatorCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'AnnualPlan' });
export type Plan = z.infer<typeof plan>;

const status = z.enum(indicatorStatuses);

export const progressEntry = z.object({ id: z.string(), value: z.number(), asOf: z.string(), evidence: z.string(), recordedAt: z.date() });
export type ProgressEntry = z.infer<typeof progressEntry>;

export const indicator = z
  .object({
    id: z.string(),
    kind: z.enum(indicatorKinds),
    label: z.string(),
    productName: z.string().nullable(),
    starRating: z.number().int().nullable(),
    targetValue: z.number(),
    unit: z.string(),
    note: z.string().nullable(),
    parentIndicatorId: z.string().nullable(),
    sortOrder: z.number().int(),
    version: z.number().int(),
    progress: z.object({
      /** registry: computed from the data of OCOP Hub; entered: the latest figure entered with evidence; unavailable: neither yet */
      source: z.enum(['registry', 'entered', 'unavailable']),
      achieved: z.number().nullable(),
      percent: z.number().nullable(),
      asOf: z.string().nullable(),
      evidence: z.string().nullable(),
      note: z.string().nullable(),
    }),
    status,
    entries: z.array(progressEntry),
    /** For a province indicator: what its communes' plans took on. */
    cascade: z.object({ childCount: z.number().int(), childTargetTotal: z.number() }).nullable(),
  })
  .meta({ id: 'PlanIndicator' });
export type Indicator = z.infer<typeof indicator>;

export const consistencyWarning = z.object({
  productName: z.string(),
  indicatorIds: z.array(z.string()),
  expectedTonnes: z.number(),
  declaredTonnes: z.number(),
  message: z.string(),
  messageEn: z.string(),
});
export type ConsistencyWarningView = z.infer<typeof consistencyWarning>;

export const planDetail = plan
  .extend({
    status,
    /** The part of the plan's year that has passed, 0–1, which cumulative indicators are compared with. */
    elapsed: z.number(),
    indicators: z.array(indicator),
    warnings: z.array(consistencyWarning),
    children: z.array(z.object({ id: z.string(), communeCode: z.string().nullable(), communeName: z.string().nullable(), title: z.string() })),
  })
  .meta({ id: 'AnnualPlanDetail' });
export type PlanDetail = z.infer<typeof planDetail>;

export const listPlansQuery = pageQuery.extend({
  province: provinceCode.optional(),
  commune: communeCode.optional(),
  year: z.coerce.number().int().min(2018).max(2100).optional(),
});
export type ListPlansQuery = z.infer<typeof listPlansQuery>;
export const planPage = pageOf(plan);
export const planParams = z.object({ id: uuid });
export const indicatorParams = z.object({ id: uuid, indicatorId: uuid });

import { z } from 'zod';
import { pageOf, pageQuery } from '../../core/http/schemas.ts';
import { CURRENT_UNITS_VERSION } from './current-version.ts';

export const unitLevel = z.enum(['province', 'district', 'commune']);

export const adminUnitVersion = z
  .object({
    id: z.string(),
    name: z.string(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    legalBasis: z.string(),
    source: z.unknown(),
  })
  .meta({ id: 'AdminUnitVersion' });

export const adminUnit = z
  .object({
    versionId: z.string(),
    level: unitLevel,
    code: z.string(),
    name: z.string(),
    fullName: z.string(),
    typeName: z.string(),
    nameEn: z.string().nullable(),
    parentCode: z.string().nullable(),
    provinceCode: z.string(),
    parentName: z.string().nullable(),
    provinceName: z.string(),
  })
  .meta({ id: 'AdminUnit' });

export const succession = z.object({
  fromCode: z.string(),
  fromName: z.string(),
  toCode: z.string().nullable(),
  toName: z.string().nullable(),
  toProvinceCode: z.string().nullable(),
  toProvinceName: z.string().nullable(),
  isPartial: z.boolean(),
});

export const listUnitsQuery = pageQuery.extend({
  version: z.string().min(1).max(40).default(CURRENT_UNITS_VERSION),
  level: unitLevel.optional(),
  parent: z.string().regex(/^\d{2,5}$/, { message: 'Mã đơn vị cha gồm 2 đến 5 chữ số.' }).optional(),
  province: z.string().regex(/^\d{2}$/, { message: 'Mã tỉnh gồm 2 chữ số.' }).optional(),
  q: z.string().trim().max(200).optional(),
});

export const unitPage = pageOf(adminUnit);

export const unitParams = z.object({
  version: z.string().min(1).max(40),
  level: unitLevel,
  code: z.string().regex(/^\d{2,5}$/, { message: 'Mã đơn vị gồm 2 đến 5 chữ số.' }),
});

export const unitDetail = z.object({
  unit: adminUnit,
  /** Units of the earlier version this one was formed from. */
  formedFrom: z.array(adminUnit),
  /** What each commune of this unit became in the next version (old units only). */
  successions: z.array(succession),
});

export const oldAddressQuery = z.object({
  q: z.string().trim().min(2, { message: 'Nhập ít nhất 2 ký tự của địa chỉ cũ.' }).max(200),
  fromVersion: z.string().min(1).max(40).default('vn-pre-2025'),
});

export const oldAddressAnswer = z.object({
  query: z.string(),
  matches: z.array(
    z.object({
      unit: adminUnit,
      successions: z.array(succession),
      /** The distinct units it lies in today. */
      currentUnits: z.array(
        z.object({ code: z.string(), fullName: z.string(), provinceCode: z.string(), provinceName: z.string(), isPartial: z.boolean() }),
      ),
      /** Old communes of this unit for which the merger data gives no successor. */
      unmapped: z.array(z.object({ code: z.string(), fullName: z.string() })),
    }),
  ),
});
export type OldAddressAnswer = z.infer<typeof oldAddressAnswer>;

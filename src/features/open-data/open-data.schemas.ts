import { z } from 'zod';
import { provinceCode, uuid } from '../../core/http/schemas.ts';
import { certificateStatuses, revocationGrounds } from '../certificates/index.ts';
import { legalForms } from '../producers/index.ts';

/** The version in every path; a change that removes or renames a field gets a new one (docs/open-data.md). */
export const OPEN_DATA_VERSION = 'v1' as const;
export const OPEN_DATA_LICENCE = { id: 'CC-BY-4.0', name: 'Creative Commons Attribution 4.0 International', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;

const date = z.string().describe('YYYY-MM-DD');
const nullableDate = date.nullable();

export const openDataQuery = z.object({
  page: z.coerce.number({ message: 'Số trang phải là số.' }).int().min(1, { message: 'Số trang từ 1.' }).default(1),
  pageSize: z.coerce.number({ message: 'Cỡ trang phải là số.' }).int().min(1, { message: 'Cỡ trang từ 1 đến 1000.' }).max(1000, { message: 'Cỡ trang từ 1 đến 1000.' }).default(100),
  province: provinceCode.optional().describe('Mã tỉnh, thành phố (2 chữ số)'),
  star: z.coerce.number({ message: 'Hạng sao phải là số.' }).int().min(3, { message: 'Hạng sao từ 3 đến 5.' }).max(5, { message: 'Hạng sao từ 3 đến 5.' }).optional(),
  status: z.enum(certificateStatuses, { message: `Trạng thái là một trong: ${certificateStatuses.join(', ')}.` }).optional()
    .describe('Trạng thái hiệu lực hôm nay (của giấy chứng nhận mới nhất, với sản phẩm và chủ thể)'),
  after: z.string().max(400, { message: 'Con trỏ trang (after) quá dài.' }).optional()
    .describe('nextCursor của trang trước: trang tiếp theo (bỏ qua page)'),
});
export type OpenDataQuery = z.infer<typeof openDataQuery>;

export const openProduct = z
  .object({
    id: uuid,
    productCode: z.string().nullable(),
    name: z.string(),
    productSetNumber: z.number().int(),
    producerId: uuid,
    producerName: z.string(),
    provinceCode: z.string(),
    provinceName: z.string().nullable(),
    communeCode: z.string(),
    communeName: z.string().nullable(),
    stars: z.number().int(),
    certificateId: uuid,
    certificateNumber: z.string(),
    certificateStatus: z.enum(certificateStatuses),
    issuedOn: date,
    expiresOn: date,
    issuingBody: z.string(),
    decisionNumber: z.string(),
    url: z.string(),
  })
  .meta({ id: 'OpenDataProduct' });
export type OpenProduct = z.infer<typeof openProduct>;

export const openProducer = z
  .object({
    id: uuid,
    name: z.string(),
    legalForm: z.enum(legalForms),
    legalFormLabel: z.string(),
    provinceCode: z.string(),
    provinceName: z.string().nullable(),
    communeCode: z.string(),
    communeName: z.string().nullable(),
    recognisedProducts: z.number().int(),
    productsInForce: z.number().int(),
    highestStarsInForce: z.number().int().nullable(),
  })
  .meta({ id: 'OpenDataProducer' });
export type OpenProducer = z.infer<typeof openProducer>;

export const openCertificate = z
  .object({
    id: uuid,
    number: z.string(),
    productId: uuid,
    productCode: z.string().nullable(),
    productName: z.string().describe('Như in trên giấy chứng nhận'),
    producerId: uuid,
    producerName: z.string().describe('Như in trên giấy chứng nhận'),
    provinceCode: z.string(),
    provinceName: z.string().nullable(),
    communeCode: z.string(),
    communeName: z.string().nullable(),
    stars: z.number().int(),
    level: z.enum(['province', 'central']),
    issuingBody: z.string(),
    decisionNumber: z.string(),
    issuedOn: date,
    expiresOn: date,
    status: z.enum(certificateStatuses),
    supersededOn: nullableDate,
    revokedOn: nullableDate,
    revocationGround: z.enum(revocationGrounds).nullable(),
    revocationDecisionNumber: z.string().nullable(),
    gtin: z.string().nullable(),
  })
  .meta({ id: 'OpenDataCertificate' });
export type OpenCertificate = z.infer<typeof openCertificate>;

const pageMeta = {
  total: z.number().int(),
  totalExact: z.boolean().describe('false: có hơn `total` bản ghi (đếm đến giới hạn thì dừng)'),
  nextCursor: z.string().nullable().describe('Truyền vào `after` để lấy trang tiếp theo (nhanh ở mọi độ sâu); null: trang cuối'),
  page: z.number().int(),
  pageSize: z.number().int(),
  asOf: date.describe('Ngày tính trạng thái hiệu lực (giờ Việt Nam)'),
  version: z.literal(OPEN_DATA_VERSION),
  licence: z.object({ id: z.string(), name: z.string(), url: z.string() }),
};
export const openProductPage = z.object({ items: z.array(openProduct), ...pageMeta });
export const openProducerPage = z.object({ items: z.array(openProducer), ...pageMeta });
export const openCertificatePage = z.object({ items: z.array(openCertificate), ...pageMeta });

export const datasets = ['products', 'producers', 'certificates'] as const;
export type Dataset = (typeof datasets)[number];
export const bulkFiles = datasets.flatMap((dataset) => [`${dataset}.csv`, `${dataset}.json`] as const);
export const bulkParams = z.object({ file: z.enum(bulkFiles as [string, ...string[]], { message: `Tệp là một trong: ${bulkFiles.join(', ')}.` }) });

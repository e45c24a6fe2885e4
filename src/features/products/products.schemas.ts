import { z } from 'zod';
import { uuid } from '../../core/http/schemas.ts';

/** A product (sản phẩm) of a producer: what dossiers are filed for and certificates are issued to. */
export const product = z
  .object({
    id: z.string(),
    producerId: z.string(),
    producerName: z.string(),
    provinceCode: z.string(),
    communeCode: z.string(),
    name: z.string(),
    productSetNumber: z.number().int(),
    ruleSetId: z.string(),
    productCode: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof product>;

export const productList = z.object({ items: z.array(product) });

export const productsQuery = z.object({ producer: uuid.optional() });

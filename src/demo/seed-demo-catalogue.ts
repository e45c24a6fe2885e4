/**
 * Demo data of the public catalogue (issue 6): certified products of the demo producers, in every
 * state a consumer may meet (valid, expiring, expired, revoked), with their story and where to buy
 * them. Certificates go through issueCertificate; dates are relative to the clock's today so the
 * states stay true whenever the demo is started. Idempotent: skipped when the demo products exist.
 */
import { addDays, today } from '../core/clock/index.ts';
import { withTransaction } from '../core/db/database.ts';
import type { AppContext } from '../core/http/types.ts';
import { issueCertificate } from '../features/certificates/index.ts';
import * as repository from './demo.repository.ts';

interface DemoProduct {
  producerName: string;
  name: string;
  productSetNumber: number;
  stars: 3 | 4 | 5;
  /** Days before today the certificate was issued (36 months ≈ 1,096 days). */
  issuedDaysAgo: number;
  revokedDaysAgo?: number;
  story: string;
  salesPoint?: boolean;
  listing?: string;
}

const demoProducts: DemoProduct[] = [
  {
    producerName: 'Hợp tác xã Nông nghiệp Mường Than', name: 'Gạo Séng Cù Mường Than', productSetNumber: 3, stars: 4, issuedDaysAgo: 120,
    story: 'Giống lúa Séng Cù được người Thái ở cánh đồng Mường Than gieo cấy trên ruộng bậc thang, tưới bằng nước suối đầu nguồn.\n\nHạt gạo tròn, trắng đục, cơm dẻo và thơm, để nguội vẫn mềm.',
    salesPoint: true, listing: 'https://shopee.vn/gao-seng-cu-muong-than',
  },
  {
    producerName: 'Tổ hợp tác trồng ổi Hua Nà', name: 'Ổi Hua Nà', productSetNumber: 1, stars: 3, issuedDaysAgo: 1096 - 60,
    story: 'Ổi được trồng trên đất bãi ven suối Nậm Mở, bản Hua Nà; quả giòn, ngọt, ít hạt.', salesPoint: true,
  },
  {
    producerName: 'Hợp tác xã Lạc đỏ Na Son', name: 'Lạc đỏ Na Son', productSetNumber: 3, stars: 3, issuedDaysAgo: 400,
    story: 'Lạc đỏ hạt nhỏ, vỏ lụa đỏ sẫm, trồng trên nương đồi xã Na Son.',
  },
  {
    producerName: 'Hợp tác xã Dệt thổ cẩm Hồi Xuân', name: 'Thổ cẩm Hồi Xuân', productSetNumber: 22, stars: 4, issuedDaysAgo: 500, revokedDaysAgo: 40,
    story: 'Khăn, túi và váy dệt tay theo hoa văn truyền thống của đồng bào Thái Hồi Xuân.',
  },
  {
    producerName: 'Hợp tác xã Bưởi Phúc Trạch Hương Khê', name: 'Bưởi Phúc Trạch', productSetNumber: 1, stars: 5, issuedDaysAgo: 300,
    story: 'Bưởi Phúc Trạch vỏ mỏng, múi vàng, vị ngọt thanh, được bảo hộ chỉ dẫn địa lý.', listing: 'https://phuctrach.example.vn/buoi',
  },
  {
    producerName: 'Hộ kinh doanh Cam Vũ Quang', name: 'Cam Vũ Quang', productSetNumber: 1, stars: 3, issuedDaysAgo: 1250,
    story: 'Cam chanh trồng dưới chân dãy Trường Sơn, vùng Vũ Quang.',
  },
  {
    producerName: 'Hợp tác xã Bưởi Phúc Trạch Hương Khê', name: 'Ruốc cá lăng Hương Khê', productSetNumber: 6, stars: 3, issuedDaysAgo: 200,
    story: 'Cá lăng sông Ngàn Sâu được làm sạch, rang khô và giã tay thành ruốc.',
  },
];

export async function seedDemoCatalogue(ctx: AppContext): Promise<boolean> {
  const pool = ctx.db.pool;
  if (await repository.hasDemoProduct(pool, demoProducts[0]!.name)) return false;
  const producerIds = await repository.listDemoProducerIds(pool);
  if (!demoProducts.every((product) => producerIds.has(product.producerName))) return false;
  await withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const day = today(ctx.clock);
    const actor = { userId: null, label: 'demo-seed' };
    let salesPointId: string | null = null;
    for (const product of demoProducts) {
      const producerId = producerIds.get(product.producerName)!;
      const productId = await repository.insertDemoProduct(tx, producerId, product);
      const issuedOn = addDays(day, -product.issuedDaysAgo);
      await repository.insertForwardedDossier(tx, productId, product.story, addDays(issuedOn, -60), now);
      const certificate = await issueCertificate(
        tx,
        { productId, stars: product.stars, level: product.stars === 5 ? 'central' : 'province', ruleSetId: '26-2026', issuedOn, decisionNumber: `${100 + product.issuedDaysAgo}/QĐ-UBND`, isImported: product.issuedDaysAgo > 365 },
        actor,
        now,
      );
      if (product.revokedDaysAgo) {
        const revokedOn = addDays(day, -product.revokedDaysAgo);
        await repository.insertDemoRevocation(tx, certificate.id, revokedOn, now);
      }
      if (product.salesPoint) {
        salesPointId ??= await repository.insertDemoSalesPoint(tx, now);
        await repository.insertSalesPointProduct(tx, salesPointId, producerId, product.name);
      }
      if (product.listing) {
        await repository.insertDemoListing(tx, producerId, product.name, product.listing, now);
      }
    }
  });
  return true;
}

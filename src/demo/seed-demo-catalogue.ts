/**
 * Demo data of the public catalogue (issue 6): certified products of the demo producers, in every
 * state a consumer may meet (valid, expiring, expired, revoked), with their story and where to buy
 * them. Certificates go through issueCertificate; dates are relative to the clock's today so the
 * states stay true whenever the demo is started. Idempotent: skipped when the demo products exist.
 */
import { addDays, today, type LocalDate } from '../core/clock/index.ts';
import { withTransaction, type Sql } from '../core/db/database.ts';
import type { AppContext } from '../core/http/types.ts';
import { issueCertificate } from '../features/certificates/issue-certificate.ts';

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

async function insertDemoProduct(tx: Sql, producerId: string, product: DemoProduct): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO products (producer_id, province_code, commune_code, name, product_set_number, rule_set_id)
     SELECT id, province_code, commune_code, $2, $3, '26-2026' FROM producers WHERE id = $1 RETURNING id`,
    [producerId, product.name, product.productSetNumber],
  );
  return rows[0]!.id;
}

/** The dossier the commune forwarded, with the product story shown on the product page. */
async function insertForwardedDossier(tx: Sql, productId: string, story: string, forwardedOn: LocalDate, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO dossiers (product_id, producer_id, province_code, commune_code, type, rule_set_id, product_story, status,
       form_number, submitted_at, received_at, received_on, forwarded_at, created_at, updated_at)
     SELECT p.id, p.producer_id, p.province_code, p.commune_code, 'first', '26-2026', $2, 'forwarded_to_province',
            'DEMO-' || left(p.id::text, 8), $3::date - 20, $3::date - 15, $3::date - 15, $3, $4, $4
       FROM products p WHERE p.id = $1`,
    [productId, story, forwardedOn, now],
  );
}

export async function seedDemoCatalogue(ctx: AppContext): Promise<boolean> {
  const pool = ctx.db.pool;
  const existing = await pool.query(`SELECT 1 FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE pr.is_demo AND p.name = $1`, [demoProducts[0]!.name]);
  if (existing.rows.length > 0) return false;
  const producers = await pool.query<{ id: string; name: string }>('SELECT id, name FROM producers WHERE is_demo');
  const producerIds = new Map(producers.rows.map((row) => [row.name, row.id]));
  if (!demoProducts.every((product) => producerIds.has(product.producerName))) return false;
  await withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const day = today(ctx.clock);
    const actor = { userId: null, label: 'demo-seed' };
    let salesPointId: string | null = null;
    for (const product of demoProducts) {
      const producerId = producerIds.get(product.producerName)!;
      const productId = await insertDemoProduct(tx, producerId, product);
      const issuedOn = addDays(day, -product.issuedDaysAgo);
      await insertForwardedDossier(tx, productId, product.story, addDays(issuedOn, -60), now);
      const certificate = await issueCertificate(
        tx,
        { productId, stars: product.stars, level: product.stars === 5 ? 'central' : 'province', ruleSetId: '26-2026', issuedOn, decisionNumber: `${100 + product.issuedDaysAgo}/QĐ-UBND`, isImported: product.issuedDaysAgo > 365 },
        actor,
        now,
      );
      if (product.revokedDaysAgo) {
        const revokedOn = addDays(day, -product.revokedDaysAgo);
        await tx.query('UPDATE certificates SET revoked_on = $2, updated_at = $3, version = version + 1 WHERE id = $1', [certificate.id, revokedOn, now]);
        await tx.query(
          `INSERT INTO certificate_revocations (certificate_id, ground, finding_on, decided_on, decision_number, reason, late, created_at)
           VALUES ($1, 'production_stopped', $2, $2, '45/QĐ-UBND', 'Chủ thể ngừng sản xuất sản phẩm (dữ liệu minh họa).', false, $3)`,
          [certificate.id, revokedOn, now],
        );
      }
      if (product.salesPoint) {
        salesPointId ??= (
          await tx.query<{ id: string }>(
            `INSERT INTO sales_points (name, province_code, commune_code, street_address, operator_name, created_at, updated_at)
             VALUES ('Điểm giới thiệu và bán sản phẩm OCOP Than Uyên', '12', '03595', 'Tổ 3, khu trung tâm xã Than Uyên', 'HTX Nông nghiệp Mường Than', $1, $1)
             RETURNING id`,
            [now],
          )
        ).rows[0]!.id;
        await tx.query('INSERT INTO sales_point_products (sales_point_id, producer_id, product_name) VALUES ($1, $2, $3)', [salesPointId, producerId, product.name]);
      }
      if (product.listing) {
        await tx.query(
          `INSERT INTO ecommerce_listings (producer_id, province_code, commune_code, product_name, platform, url, created_at, updated_at)
           SELECT id, province_code, commune_code, $2, $3, $4, $5, $5 FROM producers WHERE id = $1`,
          [producerId, product.name, product.listing.includes('shopee') ? 'shopee' : 'own_website', product.listing, now],
        );
      }
    }
  });
  return true;
}

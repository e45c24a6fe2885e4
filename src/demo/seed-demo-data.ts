/**
 * A small, realistic demo world drawn from the programme's local news: Lai Châu (Than Uyên),
 * Điện Biên (Na Son), Thanh Hóa (Hồi Xuân, formerly huyện Quan Hóa) and Hà Tĩnh (Hương Khê).
 * Demo accounts can log in only while the app runs in demo mode (config.demoMode).
 */
import { hashPassword } from '../core/auth/passwords.ts';
import type { Role } from '../core/auth/roles.ts';
import { recordAuditEvent } from '../core/audit.ts';
import { withTransaction } from '../core/db/database.ts';
import type { AppContext } from '../core/http/types.ts';
import { insertProducer } from '../features/producers/index.ts';
import { hasDemoUsers, insertUser } from '../features/users/index.ts';
import { seedDemoCatalogue } from './seed-demo-catalogue.ts';
import { seedDemoEvaluations } from './seed-demo-evaluations.ts';

export const DEMO_PASSWORD = 'ocop-demo-2026';

const demoProducers = [
  { key: 'muong-than', name: 'Hợp tác xã Nông nghiệp Mường Than', legalForm: 'cooperative', provinceCode: '12', communeCode: '03595', taxCode: null, address: 'Xã Than Uyên, tỉnh Lai Châu' },
  { key: 'hua-na', name: 'Tổ hợp tác trồng ổi Hua Nà', legalForm: 'cooperative_group', provinceCode: '12', communeCode: '03595', taxCode: null, address: 'Bản Hua Nà, xã Than Uyên, tỉnh Lai Châu' },
  { key: 'na-son', name: 'Hợp tác xã Lạc đỏ Na Son', legalForm: 'cooperative', provinceCode: '11', communeCode: '03203', taxCode: null, address: 'Xã Na Son, tỉnh Điện Biên' },
  { key: 'hoi-xuan', name: 'Hợp tác xã Dệt thổ cẩm Hồi Xuân', legalForm: 'cooperative', provinceCode: '38', communeCode: '14869', taxCode: null, address: 'Xã Hồi Xuân, tỉnh Thanh Hóa' },
  { key: 'phuc-trach', name: 'Hợp tác xã Bưởi Phúc Trạch Hương Khê', legalForm: 'cooperative', provinceCode: '42', communeCode: '18496', taxCode: null, address: 'Xã Hương Khê, tỉnh Hà Tĩnh' },
  { key: 'vu-quang', name: 'Hộ kinh doanh Cam Vũ Quang', legalForm: 'household', provinceCode: '42', communeCode: '18313', taxCode: null, address: 'Xã Vũ Quang, tỉnh Hà Tĩnh' },
] as const;

interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  provinceCode: string | null;
  communeCode: string | null;
  producerKey?: (typeof demoProducers)[number]['key'];
  description: string;
}

export const demoAccounts: DemoAccount[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'system_admin', provinceCode: null, communeCode: null, description: 'Quản trị hệ thống (system administrator)' },
  { username: 'bo.nnmt', displayName: 'Văn phòng OCOP, Bộ NN&MT', role: 'ministry_officer', provinceCode: null, communeCode: null, description: 'Bộ Nông nghiệp và Môi trường (ministry, 5★)' },
  { username: 'tinh.laichau', displayName: 'Cơ quan OCOP tỉnh Lai Châu', role: 'province_office', provinceCode: '12', communeCode: null, description: 'Cơ quan tham mưu OCOP tỉnh Lai Châu' },
  { username: 'tinh.dienbien', displayName: 'Cơ quan OCOP tỉnh Điện Biên', role: 'province_office', provinceCode: '11', communeCode: null, description: 'Cơ quan tham mưu OCOP tỉnh Điện Biên' },
  { username: 'tinh.thanhhoa', displayName: 'Cơ quan OCOP tỉnh Thanh Hóa', role: 'province_office', provinceCode: '38', communeCode: null, description: 'Cơ quan tham mưu OCOP tỉnh Thanh Hóa' },
  { username: 'tinh.hatinh', displayName: 'Cơ quan OCOP tỉnh Hà Tĩnh', role: 'province_office', provinceCode: '42', communeCode: null, description: 'Cơ quan tham mưu OCOP tỉnh Hà Tĩnh' },
  { username: 'xa.thanuyen', displayName: 'Cán bộ UBND xã Than Uyên', role: 'commune_officer', provinceCode: '12', communeCode: '03595', description: 'Cán bộ xã Than Uyên (Lai Châu)' },
  { username: 'xa.naSon', displayName: 'Cán bộ UBND xã Na Son', role: 'commune_officer', provinceCode: '11', communeCode: '03203', description: 'Cán bộ xã Na Son (Điện Biên)' },
  { username: 'xa.huongkhe', displayName: 'Cán bộ UBND xã Hương Khê', role: 'commune_officer', provinceCode: '42', communeCode: '18496', description: 'Cán bộ xã Hương Khê (Hà Tĩnh)' },
  { username: 'chutich.laichau', displayName: 'Chủ tịch Hội đồng tỉnh Lai Châu', role: 'council_member', provinceCode: '12', communeCode: null, description: 'Chủ tịch Hội đồng đánh giá tỉnh Lai Châu' },
  { username: 'hoidong.laichau', displayName: 'Thành viên Hội đồng tỉnh Lai Châu', role: 'council_member', provinceCode: '12', communeCode: null, description: 'Thành viên Hội đồng đánh giá tỉnh Lai Châu' },
  { username: 'hoidong2.laichau', displayName: 'Thành viên Hội đồng tỉnh Lai Châu (2)', role: 'council_member', provinceCode: '12', communeCode: null, description: 'Thành viên Hội đồng đánh giá tỉnh Lai Châu' },
  { username: 'tgv.laichau', displayName: 'Tổ tư vấn Hội đồng tỉnh Lai Châu', role: 'advisory_member', provinceCode: '12', communeCode: null, description: 'Tổ tư vấn Hội đồng tỉnh Lai Châu' },
  { username: 'hoidong.trunguong', displayName: 'Thành viên Hội đồng cấp Trung ương', role: 'council_member', provinceCode: null, communeCode: null, description: 'Thành viên Hội đồng cấp Trung ương (5★)' },
  { username: 'chuthe.muongthan', displayName: 'HTX Nông nghiệp Mường Than', role: 'producer', provinceCode: '12', communeCode: '03595', producerKey: 'muong-than', description: 'Chủ thể: HTX Nông nghiệp Mường Than (Lai Châu)' },
  { username: 'chuthe.phuctrach', displayName: 'HTX Bưởi Phúc Trạch Hương Khê', role: 'producer', provinceCode: '42', communeCode: '18496', producerKey: 'phuc-trach', description: 'Chủ thể: HTX Bưởi Phúc Trạch (Hà Tĩnh)' },
];

/** Loads the demo world once; returns false when it is already there. */
export async function seedDemoData(ctx: AppContext): Promise<boolean> {
  if (await hasDemoUsers(ctx.db.pool)) {
    await seedDemoCatalogue(ctx); // the catalogue section came later: add it to an older demo world too
    return false;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const actor = { userId: null, label: 'demo-seed' };
    const producerIds = new Map<string, string>();
    for (const { key, ...producer } of demoProducers) {
      const id = await insertProducer(tx, { ...producer, phone: null, isDemo: true, now });
      producerIds.set(key, id);
      await recordAuditEvent(tx, { actor, action: 'producer.registered', entityType: 'producer', entityId: id, after: producer, occurredAt: now });
    }
    for (const account of demoAccounts) {
      const id = await insertUser(tx, {
        username: account.username,
        displayName: account.displayName,
        email: null,
        passwordHash,
        role: account.role,
        provinceCode: account.provinceCode,
        communeCode: account.communeCode,
        producerId: account.producerKey ? producerIds.get(account.producerKey)! : null,
        locale: 'vi',
        mustChangePassword: false,
        isDemo: true,
        now,
      });
      await recordAuditEvent(tx, {
        actor,
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        after: { username: account.username, role: account.role, provinceCode: account.provinceCode, communeCode: account.communeCode },
        occurredAt: now,
      });
    }
  });
  await seedDemoCatalogue(ctx);
  await seedDemoEvaluations(ctx);
  return true;
}

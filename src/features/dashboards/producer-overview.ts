import type { Actor } from '../../core/auth/actor.ts';
import { addDays, daysBetween, toLocalDate } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import { isInForce, latestCertificatesOfProducts, reEvaluationWindow } from '../certificates/index.ts';
import { formatVietnameseDate } from '../documents/index.ts';
import { dossierVisibility, listDossiersInStatuses } from '../dossiers/index.ts';
import { listProductsOfProducers } from '../products/index.ts';
import type { ProducerOverview, WaitingItem } from './dashboards.schemas.ts';
import { sortWaiting, WINDOW_NOTICE_DAYS } from './waiting-items.ts';

const inProgress = ['draft', 'submitted', 'commune_reviewing', 'returned_for_supplement', 'resubmitted', 'forwarded_to_province'] as const;

type Standing = Awaited<ReturnType<typeof latestCertificatesOfProducts>>[number];
type ProductAction = ProducerOverview['products'][number]['actions'][number];

/**
 * What a producer can do next with one product ("Sản phẩm của tôi"), the most pressing first: go on with
 * the dossier in progress; file one (no star yet, or to be recognised again once the star lapsed); file
 * the re-evaluation while its window is open (Đ.7.6.a; late, within the Đ.12.3 grace); ask for a higher
 * star; tell buyers where to find it online; open the certificate.
 */
export function nextActionsOf(standing: Standing | undefined, dossier: { id: string } | undefined, today: string): ProductAction[] {
  const actions: ProductAction[] = [];
  if (dossier) actions.push({ kind: 'continue_dossier', label: 'Xem hồ sơ đang xử lý', link: `/admin/dossiers/${dossier.id}` });
  else if (!standing) actions.push({ kind: 'file_dossier', label: 'Nộp hồ sơ đề nghị đánh giá, phân hạng', link: '/admin/dossiers/new' });
  else if (standing.status === 'expired' || standing.status === 'revoked') {
    actions.push({ kind: 'recognise_again', label: 'Nộp hồ sơ để được đánh giá, công nhận lại', link: '/admin/dossiers/new' });
  } else if (isInForce(standing.status) && !standing.reEvaluationFiledOn) {
    const window = reEvaluationWindow(standing.expiresOn);
    if (today >= window.opensOn && today <= window.graceUntil) {
      actions.push({ kind: 're_evaluate', label: `Nộp hồ sơ đánh giá lại (hạn ${formatVietnameseDate(window.closesOn)})`, link: '/admin/dossiers/new' });
    } else if (standing.stars < 5) {
      actions.push({ kind: 'upgrade', label: `Đề nghị nâng lên ${standing.stars + 1} sao`, link: '/admin/dossiers/new' });
    }
  }
  if (standing && isInForce(standing.status)) actions.push({ kind: 'add_listing', label: 'Thêm nơi bán trực tuyến', link: '/admin/ecommerce-listings' });
  if (standing) actions.push({ kind: 'see_certificate', label: 'Xem giấy chứng nhận', link: `/admin/certificates/${standing.certificateId}` });
  return actions;
}

/**
 * A producer's own products with their current certificate (stars, status, days to expiry), its dossiers
 * in progress, and what it must do next: submit a draft, supplement a returned dossier, file a
 * re-evaluation dossier while the Đ.7.6.a window is open (or late, within the Đ.12.3 grace).
 */
export async function readProducerOverview(sql: Sql, actor: Actor, now: Date): Promise<{ overview: ProducerOverview; next: WaitingItem[] }> {
  const today = toLocalDate(now);
  if (!actor.producerId) return { overview: { products: [], dossiers: [] }, next: [] };
  const products = await listProductsOfProducers(sql, [actor.producerId]);
  const [standings, dossiers] = await Promise.all([
    latestCertificatesOfProducts(sql, products.map((p) => p.id), today),
    listDossiersInStatuses(sql, dossierVisibility(actor)!, inProgress),
  ]);
  const byProduct = new Map(standings.map((s) => [s.productId, s]));
  const openDossierOf = new Set(dossiers.map((d) => d.productId));
  const next: WaitingItem[] = [];

  const dossierOf = new Map(dossiers.map((d) => [d.productId, d]));
  const overview: ProducerOverview = {
    products: products
      .map((product) => {
        const s = byProduct.get(product.id);
        const dossier = dossierOf.get(product.id);
        return {
          productId: product.id,
          name: product.name,
          stars: s && isInForce(s.status) ? s.stars : null,
          certificate: s
            ? { id: s.certificateId, number: s.number, status: s.status, expiresOn: s.expiresOn, daysToExpiry: daysBetween(today, s.expiresOn), reEvaluationFiledOn: s.reEvaluationFiledOn }
            : null,
          link: s ? `/admin/certificates/${s.certificateId}` : `/admin/dossiers`,
          productSetNumber: product.productSetNumber,
          dossier: dossier ? { id: dossier.id, status: dossier.status, link: `/admin/dossiers/${dossier.id}` } : null,
          actions: nextActionsOf(s, dossier, today),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    dossiers: dossiers.map((d) => ({
      id: d.id,
      productName: d.productName,
      type: d.type,
      status: d.status,
      dueAt: d.dueAt ? toLocalDate(d.dueAt) : null,
      link: `/admin/dossiers/${d.id}`,
    })),
  };

  for (const d of dossiers) {
    if (d.status === 'draft') next.push({ kind: 'dossiers_to_submit', title: `Hoàn thiện và nộp hồ sơ “${d.productName}”`, dueAt: null, overdue: false, count: null, id: d.id, link: `/admin/dossiers/${d.id}` });
    if (d.status === 'returned_for_supplement') {
      next.push({ kind: 'dossiers_to_supplement', title: `Bổ sung hồ sơ “${d.productName}” theo yêu cầu của xã`, dueAt: null, overdue: false, count: null, id: d.id, link: `/admin/dossiers/${d.id}` });
    }
  }
  for (const s of standings) {
    if (s.reEvaluationFiledOn || s.status === 'revoked' || s.status === 'superseded' || openDossierOf.has(s.productId)) continue;
    const window = reEvaluationWindow(s.expiresOn);
    const name = products.find((p) => p.id === s.productId)?.name ?? s.number;
    if (today >= window.opensOn && today <= window.graceUntil) {
      next.push({
        kind: 're_evaluation_to_file',
        title: today <= window.closesOn
          ? `Nộp hồ sơ đánh giá lại cho “${name}” (giấy chứng nhận ${s.number} hết hạn ${formatVietnameseDate(s.expiresOn)})`
          : `Đã quá hạn nộp hồ sơ đánh giá lại cho “${name}”: nộp ngay để giữ hiệu lực tối đa 180 ngày sau khi hết hạn`,
        dueAt: window.closesOn,
        overdue: today > window.closesOn,
        count: null,
        id: s.certificateId,
        link: '/admin/dossiers/new',
      });
    } else if (window.opensOn > today && window.opensOn <= addDays(today, WINDOW_NOTICE_DAYS)) {
      next.push({
        kind: 're_evaluation_window_opening',
        title: `Từ ${formatVietnameseDate(window.opensOn)} có thể nộp hồ sơ đánh giá lại cho “${name}”`,
        dueAt: window.opensOn,
        overdue: false,
        count: null,
        id: s.certificateId,
        link: `/admin/certificates/${s.certificateId}`,
      });
    }
  }
  return { overview, next: sortWaiting(next) };
}

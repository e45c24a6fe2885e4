import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, forbidden, invalidInput, notFound } from '../../core/errors.ts';
import { pageOfResult, pageWindow, type Page } from '../../core/http/paging.ts';
import type { AppContext } from '../../core/http/types.ts';
import { canManageProducerPromotion, canReadProducerPromotion, listingVisibility } from './fairs.policy.ts';
import * as repository from './fairs.repository.ts';
import type { CreateListingInput, ListListingsQuery, Listing, ProducerPromotion, UpdateListingInput } from './fairs.schemas.ts';
import { checkUnitInScope } from '../admin-units/index.ts';

const taken = () => conflict('Chủ thể đã có gian hàng với địa chỉ này.', 'That address is listed already.');
const listingOwner = (listing: Listing) => ({ id: listing.producerId, provinceCode: listing.provinceCode, communeCode: listing.communeCode });

/** The e-commerce listings a producer keeps, or those of the reader's unit. */
export async function listListings(ctx: AppContext, actor: Actor, query: ListListingsQuery): Promise<Page<Listing>> {
  const visibility = listingVisibility(actor);
  if (!visibility) throw forbidden();
  await checkUnitInScope(ctx.db.pool, actor, { provinceCode: query.province, communeCode: query.commune });
  const result = await repository.listListings(ctx.db.pool, visibility, { producerId: query.producer, provinceCode: query.province, communeCode: query.commune, ...pageWindow(query) });
  return pageOfResult(query, result);
}

/** A product's shop on an e-commerce platform (Shopee, Lazada, TikTok Shop, Postmart, Voso…). */
export async function addListing(ctx: AppContext, actor: Actor, input: CreateListingInput, requestId?: string): Promise<Listing> {
  if (!['system_admin', 'province_office', 'commune_officer', 'producer'].includes(actor.role)) throw forbidden();
  const producer = (await repository.findProducerPlaces(ctx.db.pool, [input.producerId])).get(input.producerId);
  if (!producer || !canReadProducerPromotion(actor, producer)) {
    throw invalidInput([{ path: 'producerId', message: 'Không tìm thấy chủ thể này trong phạm vi của bạn.', messageEn: 'No such producer in your scope.' }]);
  }
  if (!canManageProducerPromotion(actor, producer)) throw forbidden();
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const id = await repository.insertListing(tx, producer, { productName: input.productName, platform: input.platform, url: input.url, isActive: true }, actor.userId, now);
    if (!id) throw taken();
    const saved = (await repository.findListing(tx, id))!;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'listing.added', entityType: 'ecommerce_listing', entityId: id, after: saved, requestId, occurredAt: now });
    return saved;
  });
}

export async function changeListing(ctx: AppContext, actor: Actor, id: string, input: UpdateListingInput, requestId?: string): Promise<Listing> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await repository.findListing(tx, id, { forUpdate: true });
    if (!before || !canReadProducerPromotion(actor, listingOwner(before))) throw notFound('Gian hàng');
    if (!canManageProducerPromotion(actor, listingOwner(before))) throw forbidden();
    if (before.version !== input.version) throw conflict('Gian hàng vừa được người khác sửa. Hãy tải lại để xem bản mới nhất.', 'Edited by someone else.');
    const url = input.url ?? before.url;
    if (url !== before.url && (await repository.listingUrlTaken(tx, before.producerId, url, id))) throw taken();
    const now = ctx.clock.now();
    await repository.updateListing(tx, id, { productName: input.productName ?? before.productName, platform: input.platform ?? before.platform, url, isActive: input.isActive ?? before.isActive }, now);
    const after = (await repository.findListing(tx, id))!;
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'listing.changed', entityType: 'ecommerce_listing', entityId: id, before, after, requestId, occurredAt: now });
    return after;
  });
}

/** Where a producer promotes and sells: its fairs with results, the sales points carrying it, its listings. */
export async function getProducerPromotion(ctx: AppContext, actor: Actor, producerId: string): Promise<ProducerPromotion> {
  if (!['system_admin', 'ministry_officer', 'province_office', 'commune_officer', 'producer'].includes(actor.role)) throw forbidden();
  const producer = (await repository.findProducerPlaces(ctx.db.pool, [producerId])).get(producerId);
  if (!producer || !canReadProducerPromotion(actor, producer)) throw notFound('Chủ thể');
  return repository.findProducerPromotion(ctx.db.pool, producerId);
}

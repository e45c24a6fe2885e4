/**
 * The public catalogue's use cases: search with facets, the product, producer, province and commune
 * pages. "Today" is the app clock's day in Vietnam, so a certificate turns expired at midnight there.
 */
import { today } from '../../core/clock/index.ts';
import type { AppContext } from '../../core/http/types.ts';
import {
  communePath,
  parseSearchText,
  producerPath,
  productPath,
  productSetsOf,
  provincePath,
  type CatalogueSort,
  type ValidityFilter,
} from './catalogue-query.ts';
import { facetLists, type CatalogueFacets } from './catalogue-facets.ts';
import * as repository from './catalogue.repository.ts';

export const CATALOGUE_PAGE_SIZE = 20;

export interface CatalogueQuery {
  q?: string | undefined;
  province?: string | undefined;
  commune?: string | undefined;
  /** Not offered as a facet (the producer page lists them); kept for links and tests. */
  producer?: string | undefined;
  stars?: number | undefined;
  group?: string | undefined;
  validity?: ValidityFilter | undefined;
  sort?: CatalogueSort | undefined;
  page: number;
}

export interface CatalogueSearch {
  query: CatalogueQuery;
  items: repository.CatalogueItem[];
  total: number;
  /** Products the words alone find (before any facet): 0 when even the typo pass found nothing. */
  textMatches: number;
  page: number;
  pageCount: number;
  facets: repository.FacetCounts;
  producers: repository.ProducerMatch[];
  /** When nothing is found: recognised products whose names are close to the text typed. */
  closeProducts: repository.CloseProduct[];
}

/** The repository filter of a query (also what the benchmark's bare route runs). */
export function catalogueFilterOf(query: CatalogueQuery): repository.CatalogueFilter {
  const text = parseSearchText(query.q);
  const productSets = query.group ? (productSetsOf(query.group) ?? undefined) : undefined;
  return {
    text,
    provinceCode: query.province,
    communeCode: query.commune,
    producerId: query.producer,
    stars: query.stars,
    productSets,
    validity: query.validity,
    sort: query.sort ?? (text ? 'relevance' : 'stars'),
    limit: CATALOGUE_PAGE_SIZE,
    offset: (query.page - 1) * CATALOGUE_PAGE_SIZE,
  };
}

/**
 * The page of products, how many match, and each facet's counts under the query and the other facets.
 * A text is first searched word by word; only when no product has every word is it searched again for
 * similar names (a typo); when that finds nothing either, the closest recognised products are offered.
 */
export async function searchCatalogue(ctx: AppContext, query: CatalogueQuery): Promise<CatalogueSearch> {
  const day = today(ctx.clock);
  const filter = catalogueFilterOf(query);
  const text = filter.text;
  const options = { facets: true, producers: query.page === 1 ? 5 : 0 };
  let closeProducts: repository.CloseProduct[] = [];
  let result: repository.CatalogueResult;
  if (!text) result = await repository.searchCatalogue(ctx.db.pool, filter, day, options);
  else {
    result = await repository.withTrigramIndex(ctx.db, async (sql) => {
      const words = await repository.searchCatalogue(sql, filter, day, options);
      return words.textMatches > 0 ? words : repository.searchCatalogue(sql, { ...filter, fuzzy: true }, day, options);
    });
    if (result.textMatches === 0) closeProducts = await repository.withTrigramIndex(ctx.db, (sql) => repository.listCloseProducts(sql, text, day, 5));
  }
  return {
    query,
    items: result.items,
    total: result.total,
    textMatches: result.textMatches,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(result.total / CATALOGUE_PAGE_SIZE)),
    facets: result.facets,
    producers: result.producers,
    closeProducts,
  };
}

export interface SearchPage {
  search: CatalogueSearch;
  /** Every province and, when one is chosen, its communes, with the counts of the search's facets. */
  facets: CatalogueFacets;
}

/** The search page and the JSON search: the search and its facets as lists to choose from (the same counts). */
export async function findSearchPage(ctx: AppContext, query: CatalogueQuery): Promise<SearchPage> {
  // The search and the names of the places at once (the embedded database keeps a transaction's queries
  // apart from other connections': docs/decisions/011).
  const [search, provinces, communes] = await Promise.all([
    searchCatalogue(ctx, query),
    repository.listCurrentUnits(ctx.db.pool, 'province'),
    query.province ? repository.listCurrentUnits(ctx.db.pool, 'commune', query.province) : Promise.resolve([]),
  ]);
  return { search, facets: facetLists(search, provinces, communes) };
}

export interface ProductPage {
  product: repository.CatalogueProduct;
  photos: repository.ProductPhoto[];
  whereToBuy: repository.WhereToBuy;
  formerUnits: string[];
  /** The commune printed on the certificate when it differs from today's (a record made before 2025). */
  certificatePlace: string | null;
}

export async function findProductPage(ctx: AppContext, id: string): Promise<ProductPage | null> {
  const day = today(ctx.clock);
  const product = await repository.findCatalogueProduct(ctx.db.pool, id, day);
  if (!product) return null;
  const [photos, whereToBuy, formerUnits, certificateUnit] = await Promise.all([
    product.dossierId ? repository.listProductPhotos(ctx.db.pool, product.dossierId) : Promise.resolve([]),
    repository.findWhereToBuy(ctx.db.pool, product, day),
    repository.listFormerUnits(ctx.db.pool, product.communeCode),
    product.certificateCommuneCode !== product.communeCode ? repository.findCommuneInAnyVersion(ctx.db.pool, product.certificateCommuneCode) : Promise.resolve(null),
  ]);
  return { product, photos, whereToBuy, formerUnits, certificatePlace: certificateUnit?.label ?? null };
}

export interface ScopePage {
  starCounts: Record<string, number>;
  search: CatalogueSearch;
}

async function scopePage(ctx: AppContext, scope: { producerId?: string; provinceCode?: string; communeCode?: string }, page: number): Promise<ScopePage> {
  const day = today(ctx.clock);
  const filter: repository.CatalogueFilter = { text: null, ...scope, sort: 'stars', limit: CATALOGUE_PAGE_SIZE, offset: (page - 1) * CATALOGUE_PAGE_SIZE };
  const [starCounts, result] = await Promise.all([
    repository.countInForceByStar(ctx.db.pool, scope, day),
    repository.searchCatalogue(ctx.db.pool, filter, day),
  ]);
  return {
    starCounts,
    search: {
      query: { page, province: scope.provinceCode, commune: scope.communeCode },
      items: result.items,
      total: result.total,
      textMatches: result.total,
      page,
      pageCount: Math.max(1, Math.ceil(result.total / CATALOGUE_PAGE_SIZE)),
      facets: repository.noFacetCounts(),
      producers: [],
      closeProducts: [],
    },
  };
}

export async function findProducerPage(ctx: AppContext, id: string, page: number) {
  const producer = await repository.findPublicProducer(ctx.db.pool, id, today(ctx.clock));
  if (!producer) return null;
  return { producer, ...(await scopePage(ctx, { producerId: id }, page)) };
}

export async function findProvincePage(ctx: AppContext, code: string, page: number) {
  const province = await repository.findCurrentUnit(ctx.db.pool, 'province', code);
  if (!province) return null;
  const [scope, communes] = await Promise.all([scopePage(ctx, { provinceCode: code }, page), repository.listCommunesWithProducts(ctx.db.pool, code, today(ctx.clock))]);
  return { province, communes, ...scope };
}

export async function findCommunePage(ctx: AppContext, code: string, page: number) {
  const commune = await repository.findCurrentUnit(ctx.db.pool, 'commune', code);
  if (!commune) return null;
  const [province, formerUnits, scope] = await Promise.all([
    repository.findCurrentUnit(ctx.db.pool, 'province', commune.provinceCode),
    repository.listFormerUnits(ctx.db.pool, code),
    scopePage(ctx, { communeCode: code }, page),
  ]);
  return { commune, province, formerUnits, ...scope };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A packaging or label photo of a product listed today (null for any other file, or an id that is no file id). */
export async function findPublicPhoto(ctx: AppContext, fileId: string): Promise<{ sha256: string; mimeType: string; storageKey: string } | null> {
  return UUID.test(fileId) ? repository.findPublicPhoto(ctx.db.pool, fileId, today(ctx.clock)) : null;
}

/** Every public page of the catalogue listed today (path from the site's root), for /sitemap.xml. */
export async function listSitemapPages(ctx: AppContext): Promise<Array<{ path: string; updatedAt: Date | null }>> {
  const entries = await repository.listSitemapEntries(ctx.db.pool, today(ctx.clock));
  const pathOf = (entry: repository.SitemapEntry) =>
    entry.kind === 'product' ? productPath(entry) : entry.kind === 'producer' ? producerPath(entry) : entry.kind === 'province' ? provincePath(entry.id) : communePath(entry.id);
  return entries.map((entry) => ({ path: pathOf(entry), updatedAt: entry.updatedAt }));
}

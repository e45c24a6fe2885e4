/**
 * Pure helpers of the public catalogue: the search text as typed and folded, the classification
 * facets (QĐ 26/2026 Phụ lục I: sector → group → product set), validity facets, slugs and the
 * Vietnamese number and date formats of the public pages.
 */
import { foldVietnamese } from '../../core/text.ts';
import type { CertificateStatus } from '../certificates/index.ts';
import { findClassification } from '../rule-sets/index.ts';

/** The classification the public facets use (the rule set in force; product sets keep their numbers). */
export const CATALOGUE_RULE_SET = '26-2026';

export interface SearchText {
  /** As typed, NFC and trimmed: for "spelled exactly" ranking. */
  raw: string;
  /** Lower case as typed (keeps diacritics). */
  lower: string;
  /** Folded like vn_unaccent(). */
  folded: string;
  /** Folded words, LIKE-escaped, each of which must occur (in any order). */
  words: string[];
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Null when there is nothing to search for. Input typed on some phones arrives decomposed (NFD). */
export function parseSearchText(input: string | undefined): SearchText | null {
  const raw = (input ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 100);
  const folded = foldVietnamese(raw).replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (!folded) return null;
  return { raw, lower: raw.toLocaleLowerCase('vi'), folded, words: folded.split(' ').map(escapeLike) };
}

export const catalogueSorts = ['relevance', 'stars', 'name', 'newest'] as const;
export type CatalogueSort = (typeof catalogueSorts)[number];

export const validityFilters = ['valid', 'expiring', 'expired', 'revoked'] as const;
export type ValidityFilter = (typeof validityFilters)[number];

/** The facet "valid" counts a certificate kept valid while its re-evaluation is pending (Đ.12.3). */
export const statusesOfValidity: Record<ValidityFilter, CertificateStatus[]> = {
  valid: ['valid', 'extended'],
  expiring: ['expiring'],
  expired: ['expired'],
  revoked: ['revoked'],
};

export const validityLabels: Record<ValidityFilter, { vi: string; en: string }> = {
  valid: { vi: 'Còn hiệu lực', en: 'Valid' },
  expiring: { vi: 'Sắp hết hạn', en: 'Expiring soon' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
  revoked: { vi: 'Đã thu hồi', en: 'Revoked' },
};

export interface ClassificationOption {
  /** "I", "I.3" or "7" (a product set number). */
  value: string;
  label: string;
  depth: 0 | 1 | 2;
}

let options: ClassificationOption[] | null = null;
let productSetsByValue: Map<string, number[]> | null = null;

function buildClassification(): void {
  const classification = findClassification(CATALOGUE_RULE_SET);
  options = [];
  productSetsByValue = new Map();
  for (const sector of classification?.sectors ?? []) {
    const sectorSets: number[] = [];
    options.push({ value: sector.code, label: `${sector.code}. ${sector.name.charAt(0)}${sector.name.slice(1).toLocaleLowerCase('vi')}`, depth: 0 });
    for (const group of sector.groups) {
      const value = `${sector.code}.${group.code}`;
      const sets = group.productSet ? [group.productSet] : group.subgroups.map((subgroup) => subgroup.productSet);
      options.push({ value, label: group.name, depth: 1 });
      if (group.subgroups.length > 0) {
        for (const set of sets) options.push({ value: String(set.number), label: `${set.number}. ${set.name}`, depth: 2 });
      }
      productSetsByValue.set(value, sets.map((set) => set.number));
      for (const set of sets) productSetsByValue.set(String(set.number), [set.number]);
      sectorSets.push(...sets.map((set) => set.number));
    }
    productSetsByValue.set(sector.code, sectorSets);
  }
}

/** Sectors, groups and product sets for the facet list, in the order of Phụ lục I. */
export function classificationOptions(): ClassificationOption[] {
  if (!options) buildClassification();
  return options!;
}

/** The product set numbers a facet value stands for; null for an unknown value. */
export function productSetsOf(value: string): number[] | null {
  if (!productSetsByValue) buildClassification();
  return productSetsByValue!.get(value) ?? null;
}

/** The name of a product set under the catalogue's classification. */
export function productSetName(number: number): string | null {
  return classificationOptions().find((option) => option.value === String(number))?.label.replace(/^\d+\. /, '') ??
    classificationOptions().find((option) => option.depth === 1 && productSetsOf(option.value)?.length === 1 && productSetsOf(option.value)![0] === number)?.label ??
    null;
}

/**
 * The longest slug: "<uuid>-<slug>" then fits in 100 characters, the path-parameter length routers and
 * proxies commonly allow (Fastify's default answered 414 for long names, issue 19). Long names are cut
 * at a word; the id alone finds the page, the slug only reads well.
 */
export const MAX_SLUG_LENGTH = 63;

/** "gao-seng-cu-muong-than": folded words joined by hyphens, for readable URLs. */
export function slugOf(name: string): string {
  const full = foldVietnamese(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (full.length <= MAX_SLUG_LENGTH) return full || 'san-pham';
  const cut = full.slice(0, MAX_SLUG_LENGTH + 1);
  const lastBreak = cut.lastIndexOf('-');
  // A word longer than the whole slug is cut where it is; otherwise the slug ends on a whole word.
  return (lastBreak > 0 ? cut.slice(0, lastBreak) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}

const UUID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:-([a-z0-9-]*))?$/;

/** "<uuid>-<slug>" → its parts; null when it does not start with an id. */
export function parseIdSlug(value: string): { id: string; slug: string | null } | null {
  const match = UUID.exec(value.toLowerCase());
  return match ? { id: match[1]!, slug: match[2] ?? null } : null;
}

export const productPath = (product: { id: string; name: string }) => `/san-pham/${product.id}-${slugOf(product.name)}`;
export const producerPath = (producer: { id: string; name: string }) => `/chu-the/${producer.id}-${slugOf(producer.name)}`;
export const provincePath = (code: string) => `/tinh/${code}`;
export const communePath = (code: string) => `/xa/${code}`;

/** 12.345 (Vietnamese thousands separator) or 12,345 in English. */
export const formatCount = (value: number, lang: 'vi' | 'en') => value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');

/** dd/MM/yyyy from 'YYYY-MM-DD'. */
export function formatDate(date: string): string {
  const [year, month, day] = date.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

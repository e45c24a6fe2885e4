/**
 * Pure shaping of the programme report's figures: breakdowns of certificates by star, by sector and
 * product set (Phụ lục I of the rule set, findClassification), by the producer's legal form and by unit,
 * and the drill-down of every figure to the existing list that shows its records.
 */
import { localDate, localDateParts, type LocalDate } from '../../core/clock/index.ts';
import { legalFormLabels, type LegalForm } from '../producers/index.ts';
import { findClassification } from '../rule-sets/index.ts';
import type { CertificateFact, ReportScope } from './reports.repository.ts';
import type { DrillDown, Figure, ProductBreakdown } from './reports.schemas.ts';

/** The query parameters each list endpoint applies today; a drill-down with others is marked inexact. */
const listParameters: Record<string, readonly string[]> = {
  '/api/certificates': ['status', 'star', 'province', 'producer', 'product', 'q'],
  '/api/dossiers': ['status', 'producer', 'product'],
  '/api/dossiers/on-time-rate': ['province', 'commune', 'from', 'to'],
  '/api/ideas': ['year', 'status', 'commune', 'producerId', 'q'],
  '/api/business-plans': ['year', 'status', 'ideaId', 'producerId', 'q'],
  '/api/evaluation-rounds': ['status', 'year'],
  '/api/sales-points': ['province', 'commune', 'active'],
};

export function drillDown(path: string, query: Record<string, string | number | null | undefined>): DrillDown {
  const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, String(v)]));
  const known = listParameters[path] ?? [];
  return { path, query: clean, exact: Object.keys(clean).every((key) => known.includes(key)) };
}

export const figure = (value: number, link: DrillDown | null): Figure => ({ value, drillDown: link });

const scopeQuery = (scope: ReportScope) => ({ province: scope.provinceCode, commune: scope.communeCode });

interface ProductSetPlace {
  name: string;
  sectorCode: string;
  sectorName: string;
  groupName: string;
}

const setPlaces = new Map<string, Map<number, ProductSetPlace>>();

/** Where a product set lies in the rule set's classification (sector I–VI, group). */
export function productSetPlace(ruleSetId: string, number: number): ProductSetPlace {
  if (!setPlaces.has(ruleSetId)) {
    const places = new Map<number, ProductSetPlace>();
    const classification = findClassification(ruleSetId) ?? findClassification('26-2026');
    for (const sector of classification?.sectors ?? []) {
      for (const group of sector.groups) {
        const sets = [group.productSet, ...(group.subgroups ?? []).map((subgroup) => subgroup.productSet)];
        for (const set of sets) {
          if (set) places.set(set.number, { name: set.name, sectorCode: sector.code, sectorName: sector.name, groupName: group.name });
        }
      }
    }
    setPlaces.set(ruleSetId, places);
  }
  return setPlaces.get(ruleSetId)!.get(number) ?? { name: `Bộ sản phẩm số ${number}`, sectorCode: '?', sectorName: 'Chưa phân loại', groupName: '' };
}

const starCounts = (facts: readonly CertificateFact[]) => ({
  stars3: facts.filter((f) => f.stars === 3).length,
  stars4: facts.filter((f) => f.stars === 4).length,
  stars5: facts.filter((f) => f.stars === 5).length,
});

function groupBy<K>(facts: readonly CertificateFact[], key: (fact: CertificateFact) => K): Map<K, CertificateFact[]> {
  const groups = new Map<K, CertificateFact[]>();
  for (const fact of facts) {
    const k = key(fact);
    const list = groups.get(k);
    if (list) list.push(fact);
    else groups.set(k, [fact]);
  }
  return groups;
}

/**
 * The breakdown of one certificate per product (`facts` must hold one row per product). `link` gives the
 * certificates list's query for a sub-scope and star.
 */
export function buildBreakdown(
  facts: readonly CertificateFact[],
  options: {
    scope: ReportScope;
    unitLevel: 'province' | 'commune';
    unitNames: Map<string, string>;
    link: (extra: Record<string, string | number | null>) => DrillDown;
  },
): ProductBreakdown {
  const { scope, link } = options;
  const base = scopeQuery(scope);
  const bySet = groupBy(facts, (f) => `${f.ruleSetId}|${f.productSetNumber}`);
  const sectors = new Map<string, { code: string; name: string; facts: CertificateFact[] }>();
  const byProductSet = [...bySet.entries()]
    .map(([key, group]) => {
      const [ruleSetId, number] = key.split('|') as [string, string];
      const place = productSetPlace(ruleSetId, Number(number));
      const sector = sectors.get(place.sectorCode) ?? { code: place.sectorCode, name: place.sectorName, facts: [] };
      sector.facts.push(...group);
      sectors.set(place.sectorCode, sector);
      return { number: Number(number), name: place.name, sectorCode: place.sectorCode, groupName: place.groupName, products: group.length };
    })
    .sort((a, b) => a.number - b.number);
  const romanOrder = ['I', 'II', 'III', 'IV', 'V', 'VI'];
  const bySector = [...sectors.values()]
    .sort((a, b) => romanOrder.indexOf(a.code) - romanOrder.indexOf(b.code))
    .map((sector) => ({ code: sector.code, name: sector.name, products: sector.facts.length, ...starCounts(sector.facts) }));

  const producersOf = (group: readonly CertificateFact[]) => new Set(group.map((f) => f.producerKey)).size;
  const byLegalForm = [...groupBy(facts, (f) => f.legalForm).entries()]
    .map(([legalForm, group]) => ({ legalForm, label: legalFormLabels[legalForm as LegalForm] ?? legalForm, producers: producersOf(group), products: group.length }))
    .sort((a, b) => b.products - a.products || a.label.localeCompare(b.label, 'vi'));

  const unitOf = (f: CertificateFact) => (options.unitLevel === 'commune' ? f.communeCode : f.provinceCode);
  const byUnit = [...groupBy(facts, unitOf).entries()]
    .map(([code, group]) => ({
      code,
      name: options.unitNames.get(code) ?? code,
      products: figure(group.length, link(options.unitLevel === 'commune' ? { province: group[0]!.provinceCode, commune: code } : { province: code, commune: null })),
      ...starCounts(group),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));

  return {
    products: figure(facts.length, link(base)),
    producers: producersOf(facts),
    byStar: [3, 4, 5].map((stars) => ({ stars, products: figure(facts.filter((f) => f.stars === stars).length, link({ ...base, star: stars })) })),
    bySector,
    byProductSet,
    byLegalForm,
    byUnit,
  };
}

/** The latest certificate of each product among `facts` (ordered oldest first). */
export function latestPerProduct(facts: readonly CertificateFact[]): CertificateFact[] {
  const latest = new Map<string, CertificateFact>();
  for (const fact of facts) latest.set(fact.productId, fact);
  return [...latest.values()];
}

/** A certificate replacing one of fewer stars is an upgrade; one replacing another is a re-evaluation. */
export function certificateKind(fact: CertificateFact): 'first' | 're_evaluation' | 'upgrade' {
  if (fact.previousStars === null) return 'first';
  return fact.stars > fact.previousStars ? 'upgrade' : 're_evaluation';
}

/** The change from the previous period, in units and percent (null when the previous was 0). */
export function change(current: number, previous: number): { change: number; changePercent: number | null } {
  return { change: current - previous, changePercent: previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10 };
}

/**
 * `count` calendar months from the month of `asOf`: the first runs from `asOf` to its month's last day,
 * the others are whole months.
 */
export function monthsAhead(asOf: LocalDate, count: number): Array<{ month: string; from: LocalDate; to: LocalDate }> {
  const { year, month } = localDateParts(asOf);
  return Array.from({ length: count }, (_, index) => {
    const y = year + Math.floor((month - 1 + index) / 12);
    const m = ((month - 1 + index) % 12) + 1;
    const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { month: `${y}-${String(m).padStart(2, '0')}`, from: index === 0 ? asOf : localDate(y, m, 1), to: localDate(y, m, lastDay) };
  });
}

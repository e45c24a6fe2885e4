/**
 * The search's facets as lists to choose from, the same for the HTML page and the JSON search, so both
 * show the same counts: each option with how many products the query and the other facets' choices
 * leave when it is chosen (catalogue.repository.ts searchCatalogue). Places and classification values
 * with no product are left out (the chosen one stays, to be seen and undone); stars and validity keep
 * their few options, counted 0 when none.
 */
import { classificationOptions, productSetsOf, statusesOfValidity, validityFilters, validityLabels, type ValidityFilter } from './catalogue-query.ts';
import type { FacetCounts, Unit } from './catalogue.repository.ts';

export interface FacetOption {
  value: string;
  /** Vietnamese, as the public pages show it. */
  label: string;
  labelEn: string;
  count: number;
  selected: boolean;
  /** The classification's level: 0 sector, 1 group, 2 product set. */
  depth?: number;
}

export interface CatalogueFacets {
  province: FacetOption[];
  /** Only when a province is chosen. */
  commune: FacetOption[];
  stars: FacetOption[];
  group: FacetOption[];
  validity: FacetOption[];
}

/** What the facets are built from: the counts of a search and what its query chose (a CatalogueSearch fits). */
export interface FacetSource {
  facets: FacetCounts;
  query: { province?: string | undefined; commune?: string | undefined; stars?: number | undefined; group?: string | undefined; validity?: ValidityFilter | undefined };
}

export function facetLists(search: FacetSource, provinces: Unit[], communes: Unit[]): CatalogueFacets {
  const { facets, query } = search;
  const places = (units: Unit[], counts: Record<string, number>, chosen: string | undefined) =>
    units
      .filter((unit) => (counts[unit.code] ?? 0) > 0 || unit.code === chosen)
      .map((unit) => ({ value: unit.code, label: unit.name, labelEn: unit.name, count: counts[unit.code] ?? 0, selected: unit.code === chosen }));
  const validityCount = (validity: ValidityFilter) => statusesOfValidity[validity].reduce((sum, status) => sum + (facets.statuses[status] ?? 0), 0);
  return {
    province: places(provinces, facets.provinces, query.province),
    commune: query.province ? places(communes, facets.communes, query.commune) : [],
    stars: [5, 4, 3].map((stars) => ({
      value: String(stars),
      label: `${stars} sao`,
      labelEn: `${stars} stars`,
      count: facets.stars[stars] ?? 0,
      selected: query.stars === stars,
    })),
    group: classificationOptions()
      .map((option) => ({
        value: option.value,
        label: option.label,
        labelEn: option.label,
        depth: option.depth,
        count: (productSetsOf(option.value) ?? []).reduce((sum, set) => sum + (facets.productSets[set] ?? 0), 0),
        selected: option.value === query.group,
      }))
      .filter((option) => option.count > 0 || option.selected),
    validity: validityFilters.map((validity) => ({
      value: validity,
      label: validityLabels[validity].vi,
      labelEn: validityLabels[validity].en,
      count: validityCount(validity),
      selected: query.validity === validity,
    })),
  };
}

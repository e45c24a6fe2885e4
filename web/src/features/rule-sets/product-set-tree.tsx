/**
 * The classification tree of a rule set (Phụ lục I: sector → group → subgroup), whose leaves are the
 * product sets, each with its own criteria sheet. Used to browse the sheets and to pick a product set.
 */
import type { ReactNode } from 'react';
import type { Classification, ProductSetRef } from './rule-sets.types.ts';

export interface ProductSetGroup {
  /** "I. Sản phẩm thực phẩm › 1. Thực phẩm tươi sống" */
  label: string;
  sector: string;
  group: string | null;
  productSets: ProductSetRef[];
}

const sentence = (text: string) => (text === text.toUpperCase() ? text.charAt(0) + text.slice(1).toLowerCase() : text);

/** The tree flattened to one level of groups (a <select> has only one level of <optgroup>). */
export function productSetGroups(classification: Classification): ProductSetGroup[] {
  const groups: ProductSetGroup[] = [];
  for (const sector of classification.sectors) {
    const sectorLabel = `${sector.code}. ${sentence(sector.name)}`;
    for (const group of sector.groups) {
      if (group.productSet) {
        // Groups that are product sets themselves are gathered under their sector, in tree order.
        const last = groups.at(-1);
        if (last && last.sector === sectorLabel && last.group === null) last.productSets.push(group.productSet);
        else groups.push({ label: sectorLabel, sector: sectorLabel, group: null, productSets: [group.productSet] });
        continue;
      }
      const groupLabel = `${group.code}. ${group.name}`;
      groups.push({ label: `${sectorLabel} › ${groupLabel}`, sector: sectorLabel, group: groupLabel, productSets: group.subgroups.map((s) => s.productSet) });
    }
  }
  return groups;
}

/** Sectors as headings, groups as nested lists, product sets as whatever `renderSet` makes of them. */
export function ProductSetTree({ classification, renderSet }: { classification: Classification; renderSet(set: ProductSetRef): ReactNode }) {
  return (
    <div className="stack-small" data-testid="product-set-tree">
      {classification.sectors.map((sector) => (
        <section key={sector.code} className="tree-sector">
          <h3 className="h4">
            {sector.code}. {sentence(sector.name)}
          </h3>
          <ul className="tree">
            {sector.groups.map((group) =>
              group.productSet ? (
                <li key={group.code}>{renderSet(group.productSet)}</li>
              ) : (
                <li key={group.code}>
                  <span className="tree-group">
                    {group.code}. {group.name}
                  </span>
                  <ul className="tree">
                    {group.subgroups.map((subgroup) => (
                      <li key={subgroup.code}>{renderSet(subgroup.productSet)}</li>
                    ))}
                  </ul>
                </li>
              ),
            )}
          </ul>
        </section>
      ))}
    </div>
  );
}

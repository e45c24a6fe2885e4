import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { criteriaSheetSchema, classificationSchema, type Classification, type CriteriaSheet } from './criteria-sheet.ts';
import { ruleSetSchema, type RuleSet } from './rule-set.ts';

const dataDir = fileURLToPath(new URL('../../../data/', import.meta.url));

/**
 * Rule sets, classification trees and criteria sheets are law, shipped as versioned data in data/
 * (scripts/extract-criteria-sheets.ts). They are read once, validated, and kept in memory: a record
 * names the rule set it was scored under, so old rule sets stay loadable forever.
 */
interface ReferenceData {
  ruleSets: Map<string, RuleSet>;
  classifications: Map<string, Classification>;
  sheets: Map<string, Map<number, CriteriaSheet>>;
}

let cached: ReferenceData | null = null;

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function load(): ReferenceData {
  const ruleSets = new Map<string, RuleSet>();
  for (const file of readdirSync(`${dataDir}rule-sets`).filter((f) => f.endsWith('.json'))) {
    const ruleSet = ruleSetSchema.parse(readJson(`${dataDir}rule-sets/${file}`));
    ruleSets.set(ruleSet.id, ruleSet);
  }
  const classifications = new Map<string, Classification>();
  for (const file of readdirSync(`${dataDir}classification`).filter((f) => f.endsWith('.json'))) {
    const classification = classificationSchema.parse(readJson(`${dataDir}classification/${file}`));
    classifications.set(classification.ruleSetId, classification);
  }
  const sheets = new Map<string, Map<number, CriteriaSheet>>();
  for (const ruleSetDir of readdirSync(`${dataDir}criteria-sheets`)) {
    const bySet = new Map<number, CriteriaSheet>();
    for (const file of readdirSync(`${dataDir}criteria-sheets/${ruleSetDir}`).filter((f) => f.endsWith('.json'))) {
      const sheet = criteriaSheetSchema.parse(readJson(`${dataDir}criteria-sheets/${ruleSetDir}/${file}`));
      bySet.set(sheet.productSet.number, sheet);
    }
    sheets.set(ruleSetDir, bySet);
  }
  return { ruleSets, classifications, sheets };
}

function data(): ReferenceData {
  cached ??= load();
  return cached;
}

export function listRuleSets(): RuleSet[] {
  return [...data().ruleSets.values()].sort((a, b) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? ''));
}

export function findRuleSet(id: string): RuleSet | null {
  return data().ruleSets.get(id) ?? null;
}

/** The rule set in force on a date (YYYY-MM-DD): the one whose period contains it. */
export function findRuleSetInForce(onDate: string): RuleSet | null {
  return (
    listRuleSets()
      .filter((r) => (r.effectiveFrom ?? '0000') <= onDate && (r.effectiveTo === null || onDate <= r.effectiveTo))
      .at(-1) ?? null
  );
}

export function findClassification(ruleSetId: string): Classification | null {
  return data().classifications.get(ruleSetId) ?? null;
}

export function listCriteriaSheets(ruleSetId: string): CriteriaSheet[] {
  return [...(data().sheets.get(ruleSetId)?.values() ?? [])].sort((a, b) => a.productSet.number - b.productSet.number);
}

export function findCriteriaSheet(ruleSetId: string, productSetNumber: number): CriteriaSheet | null {
  return data().sheets.get(ruleSetId)?.get(productSetNumber) ?? null;
}

import type { Sql } from '../../core/db/database.ts';
import { foldVietnamese } from '../../core/text.ts';
import * as repository from './admin-units.repository.ts';
import { CURRENT_UNITS_VERSION } from './current-version.ts';

/** The unit list before the 2025 reform (districts still existed). */
export const PRE_2025_UNITS_VERSION = 'vn-pre-2025';

/** A place as an old list writes it: pieces of an address, any of them missing. */
export interface PlaceQuery {
  commune: string | null;
  district: string | null;
}

export interface PlaceCandidate {
  /** The commune of today (vn-2025). */
  code: string;
  fullName: string;
  provinceCode: string;
  provinceName: string;
  /** How it was reached: the old commune and district, when through the succession table. */
  via: string | null;
  /** Only a part of the old commune went into this one. */
  isPartial: boolean;
}

export type PlaceResolution =
  | { status: 'resolved'; commune: PlaceCandidate }
  | { status: 'ambiguous'; candidates: PlaceCandidate[] }
  | { status: 'unknown'; suggestions: PlaceCandidate[] };

// Unit types as lists write them, folded, longest first ("thi tran" before "thi").
const communeTypes: Array<[RegExp, string]> = [
  [/^(thi tran|tt\.?)\s+/u, 'Thị trấn'],
  [/^(phuong|p\.)\s*/u, 'Phường'],
  [/^(xa|x\.)\s+/u, 'Xã'],
  [/^(dac khu)\s+/u, 'Đặc khu'],
];
const districtTypes = /^(huyen|h\.|thi xa|tx\.?|thanh pho|tp\.?|quan|q\.)\s*/u;

/** "Xã Mường Kim" → { name: "Mường Kim", type: "Xã" }; the type words are matched without diacritics. */
export function splitUnitType(written: string, level: 'commune' | 'district'): { name: string; type: string | null } {
  const text = written.normalize('NFC').replace(/\s+/g, ' ').trim();
  const folded = foldVietnamese(text);
  if (level === 'district') {
    const match = districtTypes.exec(folded);
    return match ? { name: text.slice(match[0].length).trim(), type: match[1] ?? null } : { name: text, type: null };
  }
  for (const [pattern, type] of communeTypes) {
    const match = pattern.exec(folded);
    if (match) return { name: text.slice(match[0].length).trim(), type };
  }
  return { name: text, type: null };
}

/**
 * Today's commune of a place written in a list kept before or after the reform of 1 July 2025, within
 * one current province: the old commune (in its district when one is given) is found among the units
 * before the reform and followed through the succession table (Nghị quyết 202/2025/QH15 and the
 * resolutions merging communes); a name of today's communes is taken as it is. One match is resolved; a
 * name shared by communes of several districts, or an old commune split between new ones, is ambiguous
 * and the user picks; a name written without its diacritics or misspelt gets suggestions, never a guess.
 */
export function createPlaceResolver(sql: Sql, provinceCode: string): (query: PlaceQuery) => Promise<PlaceResolution> {
  const cache = new Map<string, Promise<PlaceResolution>>();
  let oldProvinces: Promise<string[]> | null = null;
  const predecessors = () => (oldProvinces ??= repository.listPredecessorProvinces(sql, PRE_2025_UNITS_VERSION, CURRENT_UNITS_VERSION, provinceCode));

  async function successorsOf(old: repository.NamedCommune): Promise<PlaceCandidate[]> {
    const successions = await repository.listSuccessions(sql, PRE_2025_UNITS_VERSION, 'commune', old.code);
    const via = [old.fullName, old.districtName].filter(Boolean).join(', ');
    return successions
      .filter((s) => s.toCode !== null && s.toProvinceCode === provinceCode)
      .map((s) => ({ code: s.toCode!, fullName: s.toName ?? '', provinceCode: s.toProvinceCode!, provinceName: s.toProvinceName ?? '', via, isPartial: s.isPartial }));
  }

  const current = (unit: repository.NamedCommune): PlaceCandidate => ({
    code: unit.code, fullName: unit.fullName, provinceCode: unit.provinceCode, provinceName: unit.provinceName, via: null, isPartial: false,
  });

  async function resolve(query: PlaceQuery): Promise<PlaceResolution> {
    if (!query.commune) return { status: 'unknown', suggestions: [] };
    const commune = splitUnitType(query.commune, 'commune');
    const district = query.district ? splitUnitType(query.district, 'district').name : null;
    const sameType = (unit: repository.NamedCommune) => commune.type === null || unit.typeName === commune.type;
    // The same letters and marks as written (case aside): "Muong Kim" only suggests "Mường Kim".
    const spelledAsWritten = (unit: repository.NamedCommune) => unit.name.normalize('NFC').toLowerCase() === commune.name.toLowerCase();

    const oldCodes = await predecessors();
    let old = await repository.findCommunesByName(sql, { versionId: PRE_2025_UNITS_VERSION, provinceCodes: oldCodes, name: commune.name, districtName: district, fuzzy: false });
    if (old.length > 1) old = old.filter(sameType).length > 0 ? old.filter(sameType) : old;
    let today = district
      ? []
      : await repository.findCommunesByName(sql, { versionId: CURRENT_UNITS_VERSION, provinceCodes: [provinceCode], name: commune.name, districtName: null, fuzzy: false });
    if (today.length > 1) today = today.filter(sameType).length > 0 ? today.filter(sameType) : today;

    const exactOld = old.filter(spelledAsWritten);
    const exactToday = today.filter(spelledAsWritten);
    if (exactOld.length + exactToday.length > 0) {
      const candidates = unique([...(await Promise.all(exactOld.map(successorsOf))).flat(), ...exactToday.map(current)]);
      if (candidates.length === 1) return { status: 'resolved', commune: candidates[0]! };
      if (candidates.length > 1) return { status: 'ambiguous', candidates };
    }
    // Written without diacritics, or misspelt: suggestions the user confirms.
    const near = old.length + today.length > 0
      ? [...old, ...today]
      : [
          ...(await repository.findCommunesByName(sql, { versionId: PRE_2025_UNITS_VERSION, provinceCodes: oldCodes, name: commune.name, districtName: district, fuzzy: true })),
          ...(district ? [] : await repository.findCommunesByName(sql, { versionId: CURRENT_UNITS_VERSION, provinceCodes: [provinceCode], name: commune.name, districtName: null, fuzzy: true })),
        ];
    const suggestions = unique(
      (await Promise.all(near.map((unit) => (unit.versionId === CURRENT_UNITS_VERSION ? [current(unit)] : successorsOf(unit))))).flat(),
    ).slice(0, 8);
    return { status: 'unknown', suggestions };
  }

  return (query) => {
    const key = `${query.commune ?? ''}|${query.district ?? ''}`;
    let answer = cache.get(key);
    if (!answer) cache.set(key, (answer = resolve(query)));
    return answer;
  };
}

function unique(candidates: PlaceCandidate[]): PlaceCandidate[] {
  const byCode = new Map<string, PlaceCandidate>();
  for (const candidate of candidates) {
    const known = byCode.get(candidate.code);
    if (!known) byCode.set(candidate.code, candidate);
    else known.isPartial = known.isPartial && candidate.isPartial;
  }
  return [...byCode.values()];
}

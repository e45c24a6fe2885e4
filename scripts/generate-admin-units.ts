/**
 * Builds the administrative-unit reference data in data/admin-units/ from the official datasets in
 * ../shared/reference/admin-units/ (relative to the repository root):
 *   - vn-pre-2025.json: 63 provinces, 696 districts, 10,035 communes in force until 30/6/2025;
 *   - vn-2025.json: 34 provinces and 3,321 communes after the reform of 1/7/2025
 *     (Nghị quyết 202/2025/QH15, codes per Quyết định 19/2025/QĐ-TTg);
 *   - mapping-2025.json: which old province/commune became which new one, derived from the Vietnamese
 *     "formed from" descriptions (merger-2025-old-to-new-descriptions.sql).
 * Output is deterministic (sorted, no timestamps). Run: npx tsx scripts/generate-admin-units.ts
 * Source data: MIT License, © 2021 Thang Le Quoc (see data/admin-units/README.md).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldVietnamese } from '../src/core/text.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const sourceDir = path.resolve(repoRoot, '../shared/reference/admin-units');
const outDir = path.resolve(repoRoot, 'data/admin-units');

const OLD_FILE = 'vn-units-pre-2025-07-01.json';
const NEW_FILE = 'vn-units-2026-07-25.json';
const SQL_FILE = 'merger-2025-old-to-new-descriptions.sql';
const LICENSE = 'MIT, © 2021 Thang Le Quoc';

// ---------------------------------------------------------------------------------------------
// Types

type Level = 'province' | 'district' | 'commune';

interface Unit {
  code: string;
  level: Level;
  name: string;
  fullName: string;
  typeName: string;
  nameEn: string | null;
  parentCode: string | null;
  provinceCode: string;
}

interface SourceRef {
  file: string;
  sha256: string;
  license: string;
  note?: string;
}

interface OldWard {
  Code: string;
  Name: string;
  NameEn: string;
  FullName: string;
}
interface OldDistrict extends OldWard {
  Ward: OldWard[] | null;
}
interface OldProvince extends OldWard {
  District: OldDistrict[];
}
interface NewWard extends OldWard {
  AdministrativeUnitShortName: string;
}
interface NewProvince extends NewWard {
  Wards: NewWard[];
}

interface SqlRow {
  ma: string;
  ten: string;
  magoc: string | null;
  truocsapnhap: string | null;
}

interface Unmatched {
  newCode: string | null;
  newName: string;
  fragment: string;
  reason: string;
}

/** How a description item was tied to an old unit; all but the first five are listed in inferredMatches. */
type Method =
  | 'unchanged' // "giữ nguyên": the old unit of the same name
  | 'uniqueName' // the only old commune of that name in the old provinces that formed the new province
  | 'districtHint' // narrowed by "(huyện X)", "(Quận 5)", "(thuộc huyện X)"
  | 'typeHint' // narrowed by the written unit type (Xã / Phường / Thị trấn)
  | 'carriedDistrictHint' // narrowed by the hint closing a run: "Phường 5, Phường 7, Phường 9 (Quận 5)"
  | 'wholeDistrict' // "Huyện Côn Đảo": every commune of the old district
  | 'sameCode' // of several namesakes, the one whose code the new unit took over
  | 'siblingDistrict' // of several namesakes, the only one in a district of the other items of the same description
  | 'spellingVariant' // name differs in diacritics, spacing, i/y, roman numerals only ("Đakrông" / "Đa Krông")
  | 'nearName' // name one or two letters off, corroborated by the new unit's code or the items' district
  | 'sameCodeLeftover' // the only unknown item of a description, and the unclaimed old commune whose code the new unit took over
  | 'remainderNote'; // "(phần còn lại sau khi sáp nhập vào xã X)": a part also went to X

const INFERRED: ReadonlySet<Method> = new Set([
  'sameCode',
  'siblingDistrict',
  'spellingVariant',
  'nearName',
  'sameCodeLeftover',
  'remainderNote',
]);

// ---------------------------------------------------------------------------------------------
// Text helpers

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Moves the tone mark of every word to the end of the word, so the two accepted accent placements
 * ("Hoá"/"Hóa", "Thuỵ"/"Thụy") give the same text while letters and tones stay distinct
 * ("Văn Lang" ≠ "Văn Lăng", "Sơn Hà" ≠ "Sơn Hạ", which foldVietnamese merges).
 */
function normaliseTonePlacement(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(TONE_MARKS, '') + (word.match(TONE_MARKS) ?? []).join(''))
    .join(' ')
    .normalize('NFC');
}

// Unit-type words, compared with their diacritics: "Xã" is a type, "Xà" (as in "Xà Phìn") is not.
const UNIT_PREFIXES = ['thủ đô', 'thành phố', 'tỉnh', 'quận', 'huyện', 'thị xã', 'thị trấn', 'phường', 'xã', 'đặc khu'].map((p) =>
  normaliseTonePlacement(p),
);
const COMMUNE_TYPES = new Set(['xa', 'phuong', 'thi tran', 'dac khu']);
const DISTRICT_TYPES = new Set(['quan', 'huyen', 'thi xa', 'thanh pho']);

/** Splits "Thị trấn Than Uyên" into folded type "thi tran" and the rest (original spelling). */
function splitType(text: string): { type: string | null; rest: string } {
  const words = text.trim().split(/\s+/);
  const exact = words.map((w) => normaliseTonePlacement(w));
  for (const prefix of UNIT_PREFIXES) {
    const n = prefix.split(' ').length;
    if (words.length > n && exact.slice(0, n).join(' ') === prefix) {
      return { type: foldVietnamese(prefix), rest: words.slice(n).join(' ') };
    }
  }
  return { type: null, rest: words.join(' ') };
}

const cleanKey = (text: string) =>
  text
    .replace(/['’‘`]\s*/g, '')
    .replace(/\s*-\s*/g, ' ')
    .replace(/\b0+(\d)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Matching keys of a unit name (unit-type prefix, apostrophes "Ea H'Leo"/"Ea H’leo"/"K' Dang", hyphen
 * spacing and leading zeros "Phường 01" removed), from strict to loose:
 *   - exact: letters and tones kept, only the accent placement normalised;
 *   - folded: foldVietnamese (no diacritics);
 *   - compact: folded, no spaces, y→i, a final roman numeral as a number ("Hòa Tú II" = "Hòa Tú 2").
 * Official `Name` fields carry no type prefix: pass hasTypePrefix = false so a name is kept whole.
 */
function exactKey(text: string, hasTypePrefix = true): string {
  return cleanKey(normaliseTonePlacement(hasTypePrefix ? splitType(text).rest : text));
}
function foldedKey(text: string, hasTypePrefix = true): string {
  return cleanKey(foldVietnamese(hasTypePrefix ? splitType(text).rest : text));
}
const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4', v: '5', vi: '6', vii: '7', viii: '8', ix: '9', x: '10' };
function compactKey(text: string): string {
  // Strip commune-type words, also doubled ones ("Phường Phường Đúc" in the old list), keeping at least one word.
  let rest = text;
  for (let next = splitType(rest); next.type !== null && COMMUNE_TYPES.has(next.type); next = splitType(rest)) rest = next.rest;
  const words = cleanKey(foldVietnamese(rest)).split(' ');
  const last = words[words.length - 1] ?? '';
  if ((words.length > 1 || rest !== text) && ROMAN[last]) words[words.length - 1] = ROMAN[last];
  // "Thị trấn NT Lệ Ninh" / "Thị trấn N.T Phong Hải" = "Thị trấn Nông trường Lệ Ninh"
  if (words[0] === 'nt' || words[0] === 'n.t') words.splice(0, 1, 'nong', 'truong');
  return words.join('').replace(/y/g, 'i');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

const PROVINCE_ALIASES: Record<string, string> = { tphcm: 'Hồ Chí Minh', 'tp hcm': 'Hồ Chí Minh' };

const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

function typeOf(fullName: string, name: string): string {
  return fullName.endsWith(name) ? fullName.slice(0, fullName.length - name.length).trim() : splitType(fullName).rest;
}

// ---------------------------------------------------------------------------------------------
// SQL parsing: the file holds only INSERT ... VALUES tuples of single-quoted strings or NULL.

function parseSql(text: string): SqlRow[] {
  const rows: SqlRow[] = [];
  const v = `('(?:[^']|'')*'|NULL)`;
  const tuple = new RegExp(`\\(\\s*${v}\\s*,\\s*${v}\\s*,\\s*${v}\\s*,\\s*${v}\\s*,\\s*${v}\\s*\\)`, 'g');
  const value = (s: string | undefined) => (s === undefined || s === 'NULL' ? null : s.slice(1, -1).replace(/''/g, "'"));
  for (const m of text.matchAll(tuple)) {
    const ma = value(m[1]);
    const ten = value(m[2]);
    if (ma === null || ten === null) continue;
    rows.push({ ma, ten, magoc: value(m[3]), truocsapnhap: value(m[5]) });
  }
  return rows;
}

/** Splits a description on commas outside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

interface Fragment {
  raw: string;
  base: string;
  type: string | null; // folded unit type, e.g. "xa", "huyen"
  districtHint: string | null; // "(huyện X)", "(Quận 5)", "(thuộc huyện X)"
  provinceHint: string | null; // "(huyện Châu Thành, tỉnh Bến Tre)"
  partial: boolean; // "(phần còn lại ...)", "(một phần)"
  remainderTargets: string[]; // "(phần còn lại sau khi sáp nhập vào phường X, phường Y)" -> X, Y
  unknownNotes: string[];
}

function parseFragment(raw: string): Fragment {
  const notes = [...raw.matchAll(/\(([^()]*)\)/g)].map((m) => (m[1] ?? '').trim());
  const base = raw.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const fragment: Fragment = {
    raw,
    base,
    type: splitType(base).type,
    districtHint: null,
    provinceHint: null,
    partial: false,
    remainderTargets: [],
    unknownNotes: [],
  };
  for (const note of notes) {
    const folded = foldVietnamese(note);
    if (/phan con lai|mot phan/.test(folded)) {
      fragment.partial = true;
      const into = /sáp nhập vào\s+(.+)$/i.exec(note)?.[1];
      if (into) fragment.remainderTargets = into.split(/\s*,\s*|\s+và\s+/).map((t) => t.replace(/\s+mới$/i, '').trim());
    } else if (/^(?:thuoc )?(quan|huyen|thi xa|thanh pho) /.test(folded)) {
      const [district = '', province] = note.replace(/^thuộc\s+/i, '').split(/\s*,\s*/);
      fragment.districtHint = district;
      fragment.provinceHint = province ?? null;
    } else if (/^(bao gom|do) /.test(folded)) {
      // "(bao gồm Hòn Đá Bạc)", "(do huyện Kim Sơn quản lý)": details, not a different unit
    } else fragment.unknownNotes.push(note);
  }
  return fragment;
}

// ---------------------------------------------------------------------------------------------
// Name index: units by scope (province) and name key, strict to loose

type Tier = 'exact' | 'folded' | 'compact';

class NameIndex {
  private maps: Record<Tier, Map<string, Unit[]>> = { exact: new Map(), folded: new Map(), compact: new Map() };
  private byScope = new Map<string, { unit: Unit; compact: string }[]>();

  constructor(units: Unit[], scope: (u: Unit) => string) {
    for (const u of units) {
      const s = scope(u);
      this.add('exact', `${s}|${exactKey(u.name, false)}`, u);
      this.add('folded', `${s}|${foldedKey(u.name, false)}`, u);
      const compact = compactKey(u.name);
      this.add('compact', `${s}|${compact}`, u);
      const list = this.byScope.get(s) ?? [];
      list.push({ unit: u, compact });
      this.byScope.set(s, list);
    }
  }

  private add(tier: Tier, key: string, u: Unit) {
    const list = this.maps[tier].get(key) ?? [];
    list.push(u);
    this.maps[tier].set(key, list);
  }

  /** Units named `text` (type prefix allowed) in `scopes`, per tier, strict first; tiers adding nothing new are left out. */
  tiers(scopes: string[], text: string): { tier: Tier; units: Unit[] }[] {
    const keys: Record<Tier, string> = { exact: exactKey(text), folded: foldedKey(text), compact: compactKey(text) };
    const out: { tier: Tier; units: Unit[] }[] = [];
    const seen = new Set<string>();
    for (const tier of ['exact', 'folded', 'compact'] as const) {
      const units = scopes.flatMap((s) => this.maps[tier].get(`${s}|${keys[tier]}`) ?? []);
      const key = units.map((u) => u.code).join(',');
      if (units.length > 0 && !seen.has(key)) out.push({ tier, units });
      seen.add(key);
    }
    return out;
  }

  /** The single unit named `text` in `scope`, by the strictest tier that finds any. */
  findOne(scope: string, text: string): { unit: Unit | null; count: number; tier: Tier | null } {
    const first = this.tiers([scope], text)[0];
    return { unit: first?.units.length === 1 ? (first.units[0] ?? null) : null, count: first?.units.length ?? 0, tier: first?.tier ?? null };
  }

  /** Units whose compact name is 1..maxDistance edits from `text`. */
  near(scopes: string[], text: string, maxDistance: number): { unit: Unit; distance: number }[] {
    const key = compactKey(text);
    return scopes
      .flatMap((s) => this.byScope.get(s) ?? [])
      .map(({ unit, compact }) => ({ unit, distance: editDistance(compact, key) }))
      .filter((n) => n.distance > 0 && n.distance <= maxDistance);
  }
}

// ---------------------------------------------------------------------------------------------
// Output helpers

/** JSON with one array item per line: readable diffs, reasonable size. */
function writeJsonLines(file: string, header: Record<string, unknown>, arrays: Record<string, unknown[]>): number {
  const entries: string[] = [];
  for (const [key, value] of Object.entries(header)) {
    entries.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`);
  }
  for (const [key, items] of Object.entries(arrays)) {
    entries.push(
      items.length === 0
        ? `  ${JSON.stringify(key)}: []`
        : `  ${JSON.stringify(key)}: [\n${items.map((i) => '    ' + JSON.stringify(i)).join(',\n')}\n  ]`,
    );
  }
  const text = `{\n${entries.join(',\n')}\n}\n`;
  writeFileSync(path.join(outDir, file), text);
  return Buffer.byteLength(text);
}

const LEVEL_ORDER: Record<Level, number> = { province: 0, district: 1, commune: 2 };
const byLevelThenCode = (a: Unit, b: Unit) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code);
const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Units

const unit = (u: OldWard, level: Level, typeName: string, parentCode: string | null, provinceCode: string): Unit => ({
  code: u.Code,
  level,
  name: u.Name,
  fullName: u.FullName,
  typeName,
  nameEn: u.NameEn || null,
  parentCode,
  provinceCode,
});

function buildOldUnits(data: OldProvince[]): Unit[] {
  const units: Unit[] = [];
  for (const p of data) {
    units.push(unit(p, 'province', typeOf(p.FullName, p.Name), null, p.Code));
    for (const d of p.District) {
      units.push(unit(d, 'district', typeOf(d.FullName, d.Name), p.Code, p.Code));
      for (const w of d.Ward ?? []) units.push(unit(w, 'commune', typeOf(w.FullName, w.Name), d.Code, p.Code));
    }
  }
  return units.sort(byLevelThenCode);
}

function buildNewUnits(data: NewProvince[]): Unit[] {
  const units: Unit[] = [];
  for (const p of data) {
    units.push(unit(p, 'province', p.AdministrativeUnitShortName, null, p.Code));
    for (const w of p.Wards) units.push(unit(w, 'commune', w.AdministrativeUnitShortName, p.Code, p.Code));
  }
  return units.sort(byLevelThenCode);
}

// ---------------------------------------------------------------------------------------------

type Resolution =
  | { kind: 'matched'; unit: Unit; method: Method; tier: Tier | 'near'; namesakes?: Unit[] }
  | { kind: 'ambiguous'; candidates: Unit[]; tier: Tier }
  | { kind: 'notFound'; reason: string; notAUnit: boolean };

interface RowWork {
  newUnit: Unit;
  allowedProvinces: string[];
  fragments: Fragment[];
  resolutions: Resolution[];
}

function main() {
  const started = performance.now();
  const oldBuf = readFileSync(path.join(sourceDir, OLD_FILE));
  const newBuf = readFileSync(path.join(sourceDir, NEW_FILE));
  const sqlBuf = readFileSync(path.join(sourceDir, SQL_FILE));
  const source = (file: string, buf: Buffer, note?: string): SourceRef => ({
    file,
    sha256: sha256(buf),
    license: LICENSE,
    ...(note ? { note } : {}),
  });

  const oldUnits = buildOldUnits(JSON.parse(oldBuf.toString('utf8')) as OldProvince[]);
  const newUnits = buildNewUnits(JSON.parse(newBuf.toString('utf8')) as NewProvince[]);

  const oldProvinces = oldUnits.filter((u) => u.level === 'province');
  const oldDistricts = oldUnits.filter((u) => u.level === 'district');
  const oldCommunes = oldUnits.filter((u) => u.level === 'commune');
  const oldDistrictByCode = new Map(oldDistricts.map((d) => [d.code, d]));
  const oldCommuneByCode = new Map(oldCommunes.map((c) => [c.code, c]));
  const newProvinces = newUnits.filter((u) => u.level === 'province');
  const newCommunes = newUnits.filter((u) => u.level === 'commune');

  const oldCommuneIndex = new NameIndex(oldCommunes, (c) => c.provinceCode);
  const oldDistrictIndex = new NameIndex(oldDistricts, (d) => d.provinceCode);
  const oldProvinceIndex = new NameIndex(oldProvinces, () => '');
  const newProvinceIndex = new NameIndex(newProvinces, () => '');
  const newCommuneIndex = new NameIndex(newCommunes, (c) => c.provinceCode);
  const oldCommunesByDistrict = new Map<string, Unit[]>();
  for (const c of oldCommunes) oldCommunesByDistrict.set(c.parentCode ?? '', [...(oldCommunesByDistrict.get(c.parentCode ?? '') ?? []), c]);

  const districtName = (c: Unit) => oldDistrictByCode.get(c.parentCode ?? '')?.name ?? '';
  /** "03595 Thị trấn Than Uyên (Huyện Than Uyên)"; an old district is given with its province. */
  const label = (u: Unit) =>
    `${u.code} ${u.fullName} (${(u.level === 'district' ? oldProvinces.find((p) => p.code === u.provinceCode) : oldDistrictByCode.get(u.parentCode ?? ''))?.fullName ?? '?'})`;
  const describe = (units: Unit[]) => units.map(label).join('; ');
  /** Candidates in the district named by a hint: exact name first, folded name if that finds none. */
  const inDistrict = (candidates: Unit[], hint: string) => {
    const exact = candidates.filter((c) => exactKey(districtName(c), false) === exactKey(hint));
    return exact.length > 0 ? exact : candidates.filter((c) => foldedKey(districtName(c), false) === foldedKey(hint));
  };

  const sqlText = sqlBuf.toString('utf8').normalize('NFC');
  const rows = parseSql(sqlText);
  const provinceRows = rows.filter((r) => r.magoc === null);
  const communeRows = rows.filter((r) => r.magoc !== null);
  const problems: string[] = [];

  // --- Provinces: new province by name; old provinces from its description ("giữ nguyên" = itself) ---
  const newProvinceOfRow = new Map<string, Unit>();
  const oldProvincesOfNew = new Map<string, string[]>();
  const provinceMapping: { oldCode: string; newCode: string }[] = [];
  for (const row of provinceRows) {
    const np = newProvinceIndex.findOne('', row.ten).unit;
    if (!np) {
      problems.push(`province row ${row.ma} "${row.ten}": no single official match`);
      continue;
    }
    newProvinceOfRow.set(row.ma, np);
    const desc = (row.truocsapnhap ?? '').trim();
    const names = /^giữ nguyên$/i.test(desc) ? [np.name] : desc.split(/\s*,\s*|\s+và\s+/);
    const olds: string[] = [];
    for (const n of names) {
      const op = oldProvinceIndex.findOne('', PROVINCE_ALIASES[foldedKey(n)] ?? n).unit;
      if (op) olds.push(op.code);
      else problems.push(`province ${np.name}: cannot resolve "${n}"`);
    }
    oldProvincesOfNew.set(np.code, olds);
    for (const oldCode of olds) provinceMapping.push({ oldCode, newCode: np.code });
  }
  provinceMapping.sort((a, b) => compareCodes(a.oldCode, b.oldCode));

  // --- Communes, pass 1: each item on its own ---------------------------------------------------
  const unmatched: Unmatched[] = [];
  const work: RowWork[] = [];
  const described = new Set<string>();
  for (const row of communeRows) {
    const np = newProvinceOfRow.get(row.magoc ?? '');
    const found = np ? newCommuneIndex.findOne(np.code, row.ten) : null;
    const nc = found?.unit;
    if (!np || !nc) {
      unmatched.push({
        newCode: null,
        newName: np ? `${row.ten} (${np.fullName})` : row.ten,
        fragment: row.truocsapnhap ?? '',
        reason: np ? `${found?.count ?? 0} official new units of this name` : `unknown province id ${row.magoc}`,
      });
      continue;
    }
    if (found.tier !== 'exact') problems.push(`description "${row.ten}" tied to ${nc.code} ${nc.fullName} by ${found.tier} name`);
    if (described.has(nc.code)) {
      problems.push(`new commune ${nc.code} ${nc.fullName} described twice; second description ignored`);
      continue;
    }
    described.add(nc.code);
    const desc = (row.truocsapnhap ?? '').trim();
    const unchanged = /^giữ nguyên$/i.test(desc);
    const fragments = (unchanged ? [row.ten] : splitTopLevel(desc)).map(parseFragment);
    const allowedProvinces = oldProvincesOfNew.get(np.code) ?? [];
    for (const f of fragments) {
      if (f.unknownNotes.length > 0) problems.push(`${nc.fullName}: unrecognised note(s) ${f.unknownNotes.map((n) => `"${n}"`).join(', ')}`);
    }

    const resolve = (f: Fragment, index: number): Resolution => {
      let scopes = allowedProvinces;
      if (f.provinceHint) {
        const hinted = oldProvinceIndex.findOne('', f.provinceHint).unit;
        if (hinted && scopes.includes(hinted.code)) scopes = [hinted.code];
      }
      const isDistrict = f.type !== null && DISTRICT_TYPES.has(f.type);
      const index_ = isDistrict ? oldDistrictIndex : oldCommuneIndex;
      const tiers = index_.tiers(scopes, f.base);
      // The old commune whose code the new unit took over, if this item names it in any spelling.
      const sameCodeUnit = isDistrict ? undefined : tiers.flatMap((t) => t.units).find((c) => c.code === nc.code);
      if (unchanged && sameCodeUnit) return { kind: 'matched', unit: sameCodeUnit, method: 'unchanged', tier: 'exact' };
      let hintMiss: Unit[] | null = null;
      for (const { tier, units } of tiers) {
        let candidates = units;
        let method: Method = unchanged ? 'unchanged' : isDistrict ? 'wholeDistrict' : 'uniqueName';
        if (f.districtHint !== null && !isDistrict) {
          const hinted = inDistrict(candidates, f.districtHint);
          if (hinted.length === 0) {
            hintMiss ??= candidates;
            continue; // the name fits, the district does not: maybe a looser spelling does
          }
          if (hinted.length < candidates.length) method = 'districtHint';
          candidates = hinted;
        }
        const namesakes = candidates;
        if (candidates.length > 1 && f.type && COMMUNE_TYPES.has(f.type)) {
          const typed = candidates.filter((c) => foldVietnamese(c.typeName) === f.type);
          if (typed.length > 0 && typed.length < candidates.length) [candidates, method] = [typed, 'typeHint'];
        }
        if (candidates.length > 1 && f.districtHint === null) {
          const next = fragments.slice(index + 1).find((g) => g.districtHint !== null);
          const carried = next?.districtHint ? inDistrict(candidates, next.districtHint) : [];
          if (carried.length === 1) [candidates, method] = [carried, 'carriedDistrictHint'];
        }
        if (candidates.length > 1 && !isDistrict) {
          const same = candidates.filter((c) => c.code === nc.code);
          if (same.length === 1) [candidates, method] = [same, 'sameCode'];
        }
        const only = candidates[0];
        if (candidates.length === 1 && only) {
          // "Thị trấn Thạnh An" found only "Xã Thạnh An" by exact name, while "Thị trấn Thanh An" has the new unit's code.
          const writtenType = f.type && COMMUNE_TYPES.has(f.type) ? f.type : null;
          const fitsHint = (c: Unit) => f.districtHint === null || inDistrict([c], f.districtHint).length === 1;
          if (
            writtenType &&
            foldVietnamese(only.typeName) !== writtenType &&
            sameCodeUnit &&
            sameCodeUnit !== only &&
            foldVietnamese(sameCodeUnit.typeName) === writtenType &&
            fitsHint(sameCodeUnit)
          ) {
            return { kind: 'matched', unit: sameCodeUnit, method: 'sameCode', tier: 'compact' };
          }
          if (tier !== 'exact' && !INFERRED.has(method)) method = 'spellingVariant';
          return { kind: 'matched', unit: only, method, tier, namesakes: namesakes.length > 1 ? namesakes : undefined };
        }
        return { kind: 'ambiguous', candidates, tier };
      }
      if (hintMiss) return { kind: 'notFound', reason: `district hint "${f.districtHint}" fits none of ${describe(hintMiss)}`, notAUnit: false };
      const notAUnit = f.type === null && /^(trường bắn|khu vực)\s/i.test(f.base);
      return {
        kind: 'notFound',
        notAUnit,
        reason: notAUnit
          ? 'not an administrative unit (a land area); nothing to map'
          : `no old ${isDistrict ? 'district' : 'commune'} named "${f.base}" in old province(s) ${scopes.join(', ')}`,
      };
    };
    work.push({ newUnit: nc, allowedProvinces, fragments, resolutions: fragments.map(resolve) });
  }

  // --- Pass 2: use the other items of the same description ---------------------------------------
  const claims = new Map<string, number>(); // old commune -> number of items matched to it in pass 1
  const claim = (r: Resolution) => {
    if (r.kind !== 'matched') return;
    const codes = r.unit.level === 'district' ? (oldCommunesByDistrict.get(r.unit.code) ?? []).map((c) => c.code) : [r.unit.code];
    for (const c of codes) claims.set(c, (claims.get(c) ?? 0) + 1);
  };
  for (const w of work) w.resolutions.forEach(claim);
  for (const w of work) {
    const districtOf = (r: Resolution) =>
      r.kind === 'matched' ? (r.unit.level === 'district' ? r.unit.code : (r.unit.parentCode ?? '')) : null;
    w.resolutions = w.resolutions.map((r, i): Resolution => {
      const f = w.fragments[i];
      if (!f) return r;
      // Districts of the other items of this description that were matched on their own.
      const siblingDistricts = new Set(w.resolutions.filter((_, j) => j !== i).map(districtOf).filter((d) => d !== null));
      if (r.kind === 'matched' && r.namesakes) {
        // The written type or another soft hint chose one namesake, the other items' district another one.
        const local = r.namesakes.filter((c) => siblingDistricts.has(c.parentCode ?? ''));
        const other = local[0];
        if (local.length > 0 && local.length < r.namesakes.length && !local.includes(r.unit)) {
          // Follow the district only when that resolves the whole picture: the chosen namesake is claimed by another
          // description and the local one by none (so it would otherwise have no successor at all).
          if (local.length === 1 && other && (claims.get(r.unit.code) ?? 0) > 1 && (claims.get(other.code) ?? 0) === 0) {
            problems.push(
              `${w.newUnit.fullName}: "${f.raw}" written type points to ${label(r.unit)}, ` +
                `its district and the unclaimed namesake to ${label(other)}; took the latter`,
            );
            return { kind: 'matched', unit: other, method: 'siblingDistrict', tier: r.tier };
          }
          return { kind: 'ambiguous', candidates: r.namesakes, tier: r.tier === 'near' ? 'compact' : r.tier };
        }
      }
      if (r.kind === 'ambiguous') {
        const local = r.candidates.filter((c) => siblingDistricts.has(c.parentCode ?? ''));
        const only = local[0];
        if (local.length === 1 && only) return { kind: 'matched', unit: only, method: 'siblingDistrict', tier: r.tier };
      }
      if (r.kind === 'notFound' && !r.notAUnit && !(f.type && DISTRICT_TYPES.has(f.type))) {
        let near = oldCommuneIndex.near(w.allowedProvinces, f.base, 2);
        if (f.districtHint) near = near.filter((n) => inDistrict([n.unit], f.districtHint ?? '').length === 1);
        const corroborated = near.filter(
          (n) => n.unit.code === w.newUnit.code || (n.distance === 1 && siblingDistricts.has(n.unit.parentCode ?? '')),
        );
        const only = corroborated[0];
        if (corroborated.length === 1 && only) return { kind: 'matched', unit: only.unit, method: 'nearName', tier: 'near' };
      }
      return r;
    });
  }

  // --- Pass 3: items still unknown vs old communes nobody claimed ---------------------------------
  const claimedNow = new Set<string>();
  for (const w of work) for (const r of w.resolutions) if (r.kind === 'matched') {
    if (r.unit.level === 'district') for (const c of oldCommunesByDistrict.get(r.unit.code) ?? []) claimedNow.add(c.code);
    else claimedNow.add(r.unit.code);
  }
  for (const w of work) {
    const siblingDistricts = new Set(w.resolutions.flatMap((r) => (r.kind === 'matched' ? [r.unit.parentCode ?? ''] : [])));
    const open = () =>
      w.resolutions
        .map((r, i) => ({ r, i, f: w.fragments[i] }))
        .filter(({ r, f }) => r.kind === 'notFound' && !r.notAUnit && f && !(f.type && DISTRICT_TYPES.has(f.type)));
    // A name one or two letters off ("Kim Trung" / "Kim Chung"), unclaimed, in the district of the other items or with the new code.
    for (const { i, f } of open()) {
      if (!f) continue;
      let near = oldCommuneIndex.near(w.allowedProvinces, f.base, 2).filter((n) => !claimedNow.has(n.unit.code));
      if (f.districtHint) near = near.filter((n) => inDistrict([n.unit], f.districtHint ?? '').length === 1);
      let fitting = near.filter((n) => n.unit.code === w.newUnit.code || siblingDistricts.has(n.unit.parentCode ?? ''));
      // Otherwise one letter off and the only such unclaimed commune of the old provinces ("Sá Tổng" / Xá Tổng).
      if (fitting.length === 0) fitting = near.filter((n) => n.distance === 1);
      const only = fitting[0];
      if (fitting.length === 1 && only) {
        w.resolutions[i] = { kind: 'matched', unit: only.unit, method: 'nearName', tier: 'near' };
        claimedNow.add(only.unit.code);
      }
    }
    // The one item left unknown and the unclaimed old commune whose code the new unit took over ("Xá Nhè" / 03244 Sáng Nhè).
    const left = open();
    const sameCode = oldCommuneByCode.get(w.newUnit.code);
    const item = left[0];
    if (left.length === 1 && item && sameCode && !claimedNow.has(sameCode.code) && w.allowedProvinces.includes(sameCode.provinceCode)) {
      w.resolutions[item.i] = { kind: 'matched', unit: sameCode, method: 'sameCodeLeftover', tier: 'near' };
      claimedNow.add(sameCode.code);
    }
  }

  // --- Links -----------------------------------------------------------------------------------
  const links = new Map<string, { oldCode: string; newCode: string; part: boolean }>();
  const districtLinks = new Map<string, { oldCode: string; newCode: string; part: boolean }>();
  const inferred: { newCode: string; fragment: string; oldCode: string; oldName: string; evidence: Method }[] = [];
  const methodCounts: Partial<Record<Method, number>> = {};
  const addLink = (oldCode: string, newCode: string, part: boolean) => {
    const key = `${oldCode}|${newCode}`;
    const existing = links.get(key);
    if (existing) existing.part &&= part;
    else links.set(key, { oldCode, newCode, part });
  };
  let fragmentCount = 0;
  const typeMismatches: string[] = [];
  for (const w of work) {
    w.resolutions.forEach((r, i) => {
      const f = w.fragments[i];
      if (!f) return;
      fragmentCount++;
      if (r.kind === 'ambiguous') {
        unmatched.push({ newCode: w.newUnit.code, newName: w.newUnit.fullName, fragment: f.raw, reason: `ambiguous: ${describe(r.candidates)}` });
        return;
      }
      if (r.kind === 'notFound') {
        unmatched.push({ newCode: w.newUnit.code, newName: w.newUnit.fullName, fragment: f.raw, reason: r.reason });
        return;
      }
      methodCounts[r.method] = (methodCounts[r.method] ?? 0) + 1;
      if (f.type && COMMUNE_TYPES.has(f.type) && r.unit.level === 'commune' && foldVietnamese(r.unit.typeName) !== f.type) {
        typeMismatches.push(`${w.newUnit.code} ${w.newUnit.fullName}: "${f.raw}" -> ${label(r.unit)} [${r.method}/${r.tier}]`);
      }
      if (INFERRED.has(r.method)) {
        inferred.push({ newCode: w.newUnit.code, fragment: f.raw, oldCode: r.unit.code, oldName: label(r.unit).slice(r.unit.code.length + 1), evidence: r.method });
      }
      if (r.unit.level === 'district') {
        districtLinks.set(`${r.unit.code}|${w.newUnit.code}`, { oldCode: r.unit.code, newCode: w.newUnit.code, part: f.partial });
        for (const c of oldCommunesByDistrict.get(r.unit.code) ?? []) addLink(c.code, w.newUnit.code, f.partial);
      } else addLink(r.unit.code, w.newUnit.code, f.partial);
    });
  }

  // "(phần còn lại sau khi sáp nhập vào xã X)": the old commune also gave a part to the new X.
  for (const w of work) {
    w.resolutions.forEach((r, i) => {
      const f = w.fragments[i];
      if (!f || r.kind !== 'matched' || r.unit.level !== 'commune') return;
      for (const target of f.remainderTargets) {
        const x = newCommuneIndex.findOne(w.newUnit.provinceCode, target).unit;
        if (!x) {
          problems.push(`${w.newUnit.fullName}: "${f.raw}" names "${target}", not a single new unit of ${w.newUnit.provinceCode}`);
          continue;
        }
        if (links.has(`${r.unit.code}|${x.code}`)) continue;
        addLink(r.unit.code, x.code, true);
        methodCounts.remainderNote = (methodCounts.remainderNote ?? 0) + 1;
        inferred.push({
          newCode: x.code,
          fragment: `${w.newUnit.fullName}: ${f.raw}`,
          oldCode: r.unit.code,
          oldName: label(r.unit).slice(r.unit.code.length + 1),
          evidence: 'remainderNote',
        });
      }
    });
  }

  // An old commune that went to several new communes was split: every link is partial.
  const successors = new Map<string, number>();
  for (const l of links.values()) successors.set(l.oldCode, (successors.get(l.oldCode) ?? 0) + 1);
  const communeMapping = [...links.values()]
    .map((l) => ({ oldCode: l.oldCode, newCode: l.newCode, part: l.part || (successors.get(l.oldCode) ?? 0) > 1 }))
    .sort((a, b) => compareCodes(a.oldCode, b.oldCode) || compareCodes(a.newCode, b.newCode));
  // Splits the text never calls partial: each is listed for review (usually a commune named whole in two descriptions).
  const explicitPart = new Set([...links.values()].filter((l) => l.part).map((l) => l.oldCode));
  const silentSplits = [...successors.entries()].filter(([code, n]) => n > 1 && !explicitPart.has(code)).map(([code]) => code).sort(compareCodes);
  const districtMapping = [...districtLinks.values()].sort((a, b) => compareCodes(a.oldCode, b.oldCode) || compareCodes(a.newCode, b.newCode));

  // --- Checks ------------------------------------------------------------------------------------
  for (const c of newCommunes) if (!described.has(c.code)) problems.push(`official new unit without description: ${c.code} ${c.fullName}`);
  const mappedOld = new Set(communeMapping.map((m) => m.oldCode));
  const oldWithout = oldCommunes.filter((c) => !mappedOld.has(c.code)).map((c) => c.code);
  const predecessors = new Map<string, Set<string>>();
  for (const m of communeMapping) predecessors.set(m.newCode, (predecessors.get(m.newCode) ?? new Set()).add(m.oldCode));
  // Codes per Quyết định 19/2025: a new commune keeps the code of one of the communes it was formed from.
  const codeNotAmongPredecessors = newCommunes.filter((c) => oldCommuneByCode.has(c.code) && !predecessors.get(c.code)?.has(c.code));
  for (const c of codeNotAmongPredecessors) {
    const old = oldCommuneByCode.get(c.code);
    problems.push(`${c.code} ${c.fullName}: old commune ${old ? label(old) : c.code} is not among the matched predecessors`);
  }
  unmatched.sort((a, b) => compareCodes(a.newCode ?? '~', b.newCode ?? '~') || compareCodes(a.fragment, b.fragment));
  inferred.sort((a, b) => compareCodes(a.newCode, b.newCode) || compareCodes(a.oldCode, b.oldCode));

  // --- Write -------------------------------------------------------------------------------------
  mkdirSync(outDir, { recursive: true });
  const sizes: Record<string, number> = {};
  sizes['vn-pre-2025.json'] = writeJsonLines(
    'vn-pre-2025.json',
    {
      version: {
        id: 'vn-pre-2025',
        name: 'Đơn vị hành chính ba cấp (tỉnh, huyện, xã) trước ngày 01/7/2025',
        validFrom: null,
        validTo: '2025-06-30',
        legalBasis:
          'Danh mục và mã số đơn vị hành chính Việt Nam (Quyết định 124/2004/QĐ-TTg và các văn bản cập nhật) trước sắp xếp; ' +
          'hết hiệu lực khi Nghị quyết 202/2025/QH15 và các nghị quyết sắp xếp đơn vị hành chính cấp xã năm 2025 có hiệu lực (01/7/2025)',
        source: source(
          OLD_FILE,
          oldBuf,
          'validFrom is null: the file carries no effective date. It already has Thành phố Huế as a centrally-run city and the ' +
            '2023-2025 commune mergers (696 districts, 10,035 communes), so it shows the units as they stood just before 1/7/2025, ' +
            'but units changed one by one over the years and no single start date can be read from it.',
        ),
      },
    },
    { units: oldUnits },
  );
  sizes['vn-2025.json'] = writeJsonLines(
    'vn-2025.json',
    {
      version: {
        id: 'vn-2025',
        name: 'Đơn vị hành chính hai cấp (tỉnh, xã) từ ngày 01/7/2025',
        validFrom: '2025-07-01',
        validTo: null,
        legalBasis:
          'Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh; ' +
          'Quyết định 19/2025/QĐ-TTg ban hành Bảng danh mục và mã số các đơn vị hành chính Việt Nam',
        source: source(
          NEW_FILE,
          newBuf,
          'Snapshot dated 2026-07-25 (file name). Codes follow Quyết định 19/2025/QĐ-TTg; names and types are those of the snapshot ' +
            'and include changes after 1/7/2025: Đồng Nai is "Thành phố Đồng Nai" and 10 of its communes are phường where the 2025 ' +
            'merger descriptions still say Tỉnh / Xã.',
        ),
      },
    },
    { units: newUnits },
  );

  const unmatchedItems = unmatched.filter((u) => u.newCode !== null);
  const stats = {
    oldProvinces: oldProvinces.length,
    oldDistricts: oldDistricts.length,
    oldCommunes: oldCommunes.length,
    newProvinces: newProvinces.length,
    newCommunes: newCommunes.length,
    provinceMappings: provinceMapping.length,
    descriptionRows: communeRows.length,
    newCommunesDescribed: described.size,
    newCommunesWithPredecessors: predecessors.size,
    descriptionItems: fragmentCount,
    itemsMatched: fragmentCount - unmatchedItems.length,
    itemsUnmatched: unmatchedItems.length,
    itemsUnmatchedAmbiguous: unmatchedItems.filter((u) => u.reason.startsWith('ambiguous')).length,
    itemsNotAdministrativeUnits: unmatchedItems.filter((u) => u.reason.startsWith('not an administrative unit')).length,
    descriptionRowsWithoutOfficialUnit: unmatched.length - unmatchedItems.length,
    matchedBy: Object.fromEntries(Object.entries(methodCounts).sort(([a], [b]) => compareCodes(a, b))),
    inferredMatches: inferred.length,
    communeMappings: communeMapping.length,
    partialMappings: communeMapping.filter((m) => m.part).length,
    oldCommunesMapped: mappedOld.size,
    oldCommunesSplit: [...successors.values()].filter((n) => n > 1).length,
    oldCommunesWithoutMapping: oldWithout.length,
    oldCommuneCoveragePercent: Math.round((mappedOld.size / oldCommunes.length) * 10000) / 100,
    wholeDistrictMappings: districtMapping.length,
    newCommunesWhoseCodeIsNotAPredecessor: codeNotAmongPredecessors.length,
    matchesWithOtherWrittenType: typeMismatches.length,
    splitsWithoutPartialNote: silentSplits.length,
  };
  sizes['mapping-2025.json'] = writeJsonLines(
    'mapping-2025.json',
    {
      fromVersion: 'vn-pre-2025',
      toVersion: 'vn-2025',
      source: source(SQL_FILE, sqlBuf),
      method:
        'Each new unit of the description file is tied to the official 2025 list by (province, name without unit type). Its "formed from" ' +
        'text is split on top-level commas and each item is looked up among the old communes of the old provinces that formed the new ' +
        'province (province descriptions), by exact name (accent placement normalised), then folded name (foldVietnamese), then compact ' +
        'spelling (no spaces, y=i, roman numerals). Namesakes are narrowed by the "(huyện X)" hint, the written unit type, a hint closing ' +
        'a run ("Phường 5, Phường 7 (Quận 5)"), the new unit\'s code (Quyết định 19/2025 gives a new commune the code of one of its ' +
        'predecessors), then the district of the other items of the same description; a name one or two letters off is accepted only ' +
        'when that code or district corroborates it. Only a single remaining candidate is accepted; the rest is in unmatchedDescriptions. ' +
        '"giữ nguyên" = the old unit of the same name; "(phần còn lại sau khi sáp nhập vào X)" also links the old commune to X. ' +
        'part = the text says "phần còn lại"/"một phần", or the old commune went to several new units. districts = old districts named as ' +
        'a whole ("Huyện Côn Đảo"), their communes are in communes too. inferredMatches lists every link that rests on more than the ' +
        'exact name and written hints, for review.',
      stats,
    },
    {
      provinces: provinceMapping,
      communes: communeMapping,
      districts: districtMapping,
      unmatchedDescriptions: unmatched,
      inferredMatches: inferred,
      oldCommunesWithoutMapping: oldWithout,
    },
  );

  const count = (units: Unit[], level: Level) => units.filter((u) => u.level === level).length;
  const counts = (units: Unit[]) => (['province', 'district', 'commune'] as const).map((level) => count(units, level)).join('/');
  console.log(`units (province/district/commune): old ${counts(oldUnits)}, new ${counts(newUnits)}`);
  console.log(`mapping: ${JSON.stringify(stats, null, 1)}`);
  for (const p of problems) console.warn(`note: ${p}`);
  if (process.argv.includes('--verbose')) {
    for (const t of typeMismatches) console.warn(`written type differs: ${t}`);
    for (const code of silentSplits) {
      const targets = communeMapping.filter((m) => m.oldCode === code).map((m) => `${m.newCode} ${newCommunes.find((c) => c.code === m.newCode)?.fullName}`);
      const old = oldCommuneByCode.get(code);
      console.warn(`split without partial note: ${old ? label(old) : code} -> ${targets.join('; ')}`);
    }
  }
  for (const [file, size] of Object.entries(sizes)) console.log(`wrote data/admin-units/${file} (${(size / 1024).toFixed(0)} KiB)`);
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(2)}s`);
}

main();

/**
 * Checks the generated administrative-unit data in data/admin-units/ (scripts/generate-admin-units.ts):
 * counts, unique codes, references, the 2025 mapping, and three "what is this old address today" examples.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { foldVietnamese } from '../src/core/text.ts';

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
interface VersionFile {
  version: {
    id: string;
    name: string;
    validFrom: string | null;
    validTo: string | null;
    legalBasis: string;
    source: { file: string; sha256: string; license: string };
  };
  units: Unit[];
}
interface MappingFile {
  fromVersion: string;
  toVersion: string;
  source: { file: string; sha256: string; license: string };
  method: string;
  stats: Record<string, unknown>;
  provinces: { oldCode: string; newCode: string }[];
  communes: { oldCode: string; newCode: string; part: boolean }[];
  districts: { oldCode: string; newCode: string; part: boolean }[];
  unmatchedDescriptions: { newCode: string | null; newName: string; fragment: string; reason: string }[];
  inferredMatches: { newCode: string; fragment: string; oldCode: string; oldName: string; evidence: string }[];
  oldCommunesWithoutMapping: string[];
}

const dataDir = new URL('../data/admin-units/', import.meta.url);
const sourceDir = new URL('../../shared/reference/admin-units/', import.meta.url);
const read = <T>(file: string): T => JSON.parse(readFileSync(new URL(file, dataDir), 'utf8')) as T;

const oldVersion = read<VersionFile>('vn-pre-2025.json');
const newVersion = read<VersionFile>('vn-2025.json');
const mapping = read<MappingFile>('mapping-2025.json');

const ofLevel = (v: VersionFile, level: Level) => v.units.filter((u) => u.level === level);
const byCode = (v: VersionFile, level: Level) => new Map(ofLevel(v, level).map((u) => [u.code, u]));
const oldCommunes = byCode(oldVersion, 'commune');
const oldDistricts = byCode(oldVersion, 'district');
const oldProvinces = byCode(oldVersion, 'province');
const newCommunes = byCode(newVersion, 'commune');
const newProvinces = byCode(newVersion, 'province');

describe('admin unit versions', () => {
  test('pre-2025 has 63 provinces, 696 districts, 10,035 communes', () => {
    assert.equal(ofLevel(oldVersion, 'province').length, 63);
    assert.equal(ofLevel(oldVersion, 'district').length, 696);
    assert.equal(ofLevel(oldVersion, 'commune').length, 10_035);
  });

  test('2025 has 34 provinces, no districts, 3,321 communes', () => {
    assert.equal(ofLevel(newVersion, 'province').length, 34);
    assert.equal(ofLevel(newVersion, 'district').length, 0);
    assert.equal(ofLevel(newVersion, 'commune').length, 3_321);
  });

  test('codes are unique per level in each version', () => {
    for (const v of [oldVersion, newVersion]) {
      for (const level of ['province', 'district', 'commune'] as const) {
        const codes = ofLevel(v, level).map((u) => u.code);
        assert.equal(new Set(codes).size, codes.length, `${v.version.id} ${level}`);
      }
    }
  });

  test('parents and provinces exist; every unit has a name and a type', () => {
    for (const v of [oldVersion, newVersion]) {
      const provinces = byCode(v, 'province');
      const districts = byCode(v, 'district');
      for (const u of v.units) {
        assert.ok(u.name && u.fullName && u.typeName, `${v.version.id} ${u.code}`);
        assert.ok(provinces.has(u.provinceCode), `${v.version.id} ${u.code} province ${u.provinceCode}`);
        if (u.level === 'province') assert.equal(u.parentCode, null);
        if (u.level === 'district') assert.equal(u.parentCode, u.provinceCode);
        if (u.level === 'commune') {
          const parent = v.version.id === 'vn-pre-2025' ? districts.get(u.parentCode ?? '') : provinces.get(u.parentCode ?? '');
          assert.ok(parent, `${v.version.id} ${u.code} parent ${u.parentCode}`);
          assert.equal(parent.provinceCode, u.provinceCode);
        }
      }
    }
  });

  test('version metadata', () => {
    assert.equal(oldVersion.version.id, 'vn-pre-2025');
    assert.equal(oldVersion.version.validTo, '2025-06-30');
    assert.equal(newVersion.version.id, 'vn-2025');
    assert.equal(newVersion.version.validFrom, '2025-07-01');
    assert.equal(newVersion.version.validTo, null);
    assert.match(newVersion.version.legalBasis, /202\/2025\/QH15/);
    assert.match(newVersion.version.legalBasis, /19\/2025\/QĐ-TTg/);
    for (const source of [oldVersion.version.source, newVersion.version.source, mapping.source]) {
      assert.match(source.sha256, /^[0-9a-f]{64}$/);
      assert.equal(source.license, 'MIT, © 2021 Thang Le Quoc');
    }
  });

  test('recorded sha256 matches the source files (when they are present)', (t) => {
    for (const source of [oldVersion.version.source, newVersion.version.source, mapping.source]) {
      const file = new URL(source.file, sourceDir);
      if (!existsSync(fileURLToPath(file))) {
        t.diagnostic(`source ${source.file} not present, skipped`);
        continue;
      }
      assert.equal(createHash('sha256').update(readFileSync(file)).digest('hex'), source.sha256, source.file);
    }
  });

  test('units are sorted by level, then code', () => {
    const order = { province: 0, district: 1, commune: 2 };
    for (const v of [oldVersion, newVersion]) {
      for (let i = 1; i < v.units.length; i++) {
        const [a, b] = [v.units[i - 1], v.units[i]];
        assert.ok(a && b);
        assert.ok(order[a.level] < order[b.level] || (a.level === b.level && a.code < b.code), `${v.version.id} at ${i}`);
      }
    }
  });
});

describe('mapping 2025', () => {
  test('is from vn-pre-2025 to vn-2025', () => {
    assert.equal(mapping.fromVersion, oldVersion.version.id);
    assert.equal(mapping.toVersion, newVersion.version.id);
  });

  test('every one of the 63 old provinces maps to exactly one new province, and all 34 are reached', () => {
    assert.equal(mapping.provinces.length, 63);
    assert.deepEqual(new Set(mapping.provinces.map((p) => p.oldCode)), new Set(oldProvinces.keys()));
    assert.deepEqual(new Set(mapping.provinces.map((p) => p.newCode)), new Set(newProvinces.keys()));
  });

  test('every code in the mapping exists in its version', () => {
    for (const p of mapping.provinces) {
      assert.ok(oldProvinces.has(p.oldCode), `old province ${p.oldCode}`);
      assert.ok(newProvinces.has(p.newCode), `new province ${p.newCode}`);
    }
    for (const c of mapping.communes) {
      assert.ok(oldCommunes.has(c.oldCode), `old commune ${c.oldCode}`);
      assert.ok(newCommunes.has(c.newCode), `new commune ${c.newCode}`);
    }
    for (const d of mapping.districts) {
      assert.ok(oldDistricts.has(d.oldCode), `old district ${d.oldCode}`);
      assert.ok(newCommunes.has(d.newCode), `new commune ${d.newCode}`);
    }
    for (const u of mapping.unmatchedDescriptions) if (u.newCode !== null) assert.ok(newCommunes.has(u.newCode), u.newCode);
    for (const i of mapping.inferredMatches) {
      assert.ok(newCommunes.has(i.newCode), i.newCode);
      assert.ok(oldCommunes.has(i.oldCode) || oldDistricts.has(i.oldCode), i.oldCode);
    }
    for (const code of mapping.oldCommunesWithoutMapping) assert.ok(oldCommunes.has(code), code);
  });

  test('commune links are unique, sorted, and consistent with the province mapping', () => {
    const newProvinceOf = new Map(mapping.provinces.map((p) => [p.oldCode, p.newCode]));
    const keys = mapping.communes.map((c) => `${c.oldCode}|${c.newCode}`);
    assert.equal(new Set(keys).size, keys.length);
    assert.deepEqual(keys, [...keys].sort());
    for (const c of mapping.communes) {
      const from = oldCommunes.get(c.oldCode);
      const to = newCommunes.get(c.newCode);
      assert.equal(newProvinceOf.get(from?.provinceCode ?? ''), to?.provinceCode, `${c.oldCode} -> ${c.newCode}`);
    }
  });

  test('an old commune split between several new ones is marked partial', () => {
    const count = new Map<string, number>();
    for (const c of mapping.communes) count.set(c.oldCode, (count.get(c.oldCode) ?? 0) + 1);
    for (const c of mapping.communes) if ((count.get(c.oldCode) ?? 0) > 1) assert.equal(c.part, true, c.oldCode);
  });

  test('oldCommunesWithoutMapping is exactly the old communes with no link', () => {
    const mapped = new Set(mapping.communes.map((c) => c.oldCode));
    const expected = [...oldCommunes.keys()].filter((code) => !mapped.has(code)).sort();
    assert.deepEqual(mapping.oldCommunesWithoutMapping, expected);
    assert.equal(mapping.stats.oldCommunesWithoutMapping, expected.length);
    assert.ok(expected.length <= 10, `${expected.length} old communes without successor`);
  });

  test('every new commune has a predecessor (a commune, or an old district without communes)', () => {
    const reached = new Set([...mapping.communes, ...mapping.districts].map((c) => c.newCode));
    assert.deepEqual([...newCommunes.keys()].filter((code) => !reached.has(code)), []);
  });

  test('each new commune keeps the code of one of its predecessors (Quyết định 19/2025)', () => {
    const predecessors = new Map<string, Set<string>>();
    for (const c of mapping.communes) predecessors.set(c.newCode, (predecessors.get(c.newCode) ?? new Set()).add(c.oldCode));
    for (const code of newCommunes.keys()) {
      if (oldCommunes.has(code)) assert.ok(predecessors.get(code)?.has(code), code);
    }
  });
});

describe('what is this old address today', () => {
  const key = (s: string) => foldVietnamese(s);
  const findOldDistrict = (district: string, province: string) => {
    const p = [...oldProvinces.values()].find((u) => key(u.name) === key(province));
    assert.ok(p, province);
    const d = [...oldDistricts.values()].find((u) => u.provinceCode === p.code && key(u.name) === key(district));
    assert.ok(d, `${district}, ${province}`);
    return d;
  };

  for (const [district, province] of [
    ['Than Uyên', 'Lai Châu'],
    ['Điện Biên Đông', 'Điện Biên'],
    ['Quan Hoá', 'Thanh Hoá'], // accent placement differs from the data on purpose
  ] as const) {
    test(`every commune of huyện ${district} (tỉnh ${province}) has a successor`, (t) => {
      const d = findOldDistrict(district, province);
      const communes = [...oldCommunes.values()].filter((c) => c.parentCode === d.code);
      assert.ok(communes.length > 0);
      const missing: string[] = [];
      for (const c of communes) {
        const successors = mapping.communes
          .filter((m) => m.oldCode === c.code)
          .map((m) => `${newCommunes.get(m.newCode)?.fullName} (${m.newCode})${m.part ? ' [một phần]' : ''}`);
        if (successors.length === 0) missing.push(`${c.code} ${c.fullName}`);
        t.diagnostic(`${c.fullName} (${c.code}) → ${successors.join('; ') || 'NONE'}`);
      }
      assert.deepEqual(missing, []);
    });
  }

  test('a commune named in two rows with "(huyện X)" resolves by the hint: Xã Phú Sơn (huyện Quan Hóa) → Xã Phú Lệ', () => {
    const d = findOldDistrict('Quan Hóa', 'Thanh Hóa');
    const phuSon = [...oldCommunes.values()].find((c) => c.parentCode === d.code && key(c.name) === 'phu son');
    assert.ok(phuSon);
    const to = mapping.communes.filter((m) => m.oldCode === phuSon.code).map((m) => newCommunes.get(m.newCode)?.name);
    assert.deepEqual(to, ['Phú Lệ']);
  });

  test('old districts named as a whole (island districts) map to a special zone (đặc khu)', () => {
    for (const d of mapping.districts) {
      assert.equal(newCommunes.get(d.newCode)?.typeName, 'Đặc khu', d.oldCode);
    }
    const conDao = [...oldDistricts.values()].find((u) => key(u.name) === 'con dao');
    assert.ok(conDao);
    assert.ok(mapping.districts.some((m) => m.oldCode === conDao.code && newCommunes.get(m.newCode)?.name === 'Côn Đảo'));
  });
});

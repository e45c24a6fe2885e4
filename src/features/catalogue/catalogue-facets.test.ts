/**
 * Facet counts follow the query (issue 19 point 4): each facet counts the products of the text and of
 * the other facets' choices, not its own; the page /san-pham and the JSON search show the same counts;
 * the counts are checked against counts computed here from the products this file creates.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createCertifiedProduct } from '../../../tests/support/certificates.ts';
import { createFixedClock, createTestApp, unique, type TestApp } from '../../../tests/support/test-app.ts';

const clock = createFixedClock('2026-11-23T05:00:00Z');

type Validity = 'valid' | 'expiring' | 'expired' | 'revoked';
interface Spec { name: string; province: string; commune: string; stars: 3 | 4 | 5; set: number; validity: Validity }
interface Choice { province?: string; commune?: string; stars?: number; sets?: number[]; validity?: Validity }
type Facet = 'province' | 'commune' | 'stars' | 'group' | 'validity';

// Issue dates giving each state on 23/11/2026 (36 months; "expiring" is the last 180 days).
const issuedOn: Record<Validity, string> = { valid: '2026-08-15', expiring: '2023-12-01', expired: '2022-01-10', revoked: '2025-05-20' };

/** Counts of each facet computed here: the products passing every choice but the facet's own. */
function expectedCounts(products: Spec[], choice: Choice, facet: Facet): Record<string, number> {
  const passes = (p: Spec) =>
    (facet === 'province' || !choice.province || p.province === choice.province) &&
    (facet === 'province' || facet === 'commune' || !choice.commune || p.commune === choice.commune) &&
    (facet === 'stars' || !choice.stars || p.stars === choice.stars) &&
    (facet === 'group' || !choice.sets || choice.sets.includes(p.set)) &&
    (facet === 'validity' || !choice.validity || p.validity === choice.validity);
  const counts: Record<string, number> = {};
  for (const p of products.filter(passes)) {
    const value = facet === 'province' ? p.province : facet === 'commune' ? p.commune : facet === 'stars' ? String(p.stars) : facet === 'group' ? String(p.set) : p.validity;
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

describe('catalogue facets follow the query', () => {
  let t: TestApp;
  const tag = unique('f');
  const products: Spec[] = [
    { name: `Gạo Séng Cù ${tag} Mường Than`, province: '12', commune: '03595', stars: 4, set: 3, validity: 'valid' },
    { name: `Gạo Séng Cù ${tag} Than Uyên`, province: '12', commune: '03595', stars: 3, set: 3, validity: 'expiring' },
    { name: `Gạo Séng Cù ${tag} Nghệ An`, province: '42', commune: '18496', stars: 4, set: 3, validity: 'expired' },
    { name: `Gạo Séng Cù ${tag} Cao Bằng`, province: '11', commune: '03203', stars: 5, set: 4, validity: 'valid' },
    { name: `Mật ong bạc hà ${tag}`, province: '12', commune: '03595', stars: 3, set: 7, validity: 'valid' },
    { name: `Thổ cẩm Hồi Xuân ${tag}`, province: '38', commune: '14869', stars: 4, set: 22, validity: 'revoked' },
  ];
  const rice = products.filter((p) => p.name.startsWith('Gạo'));
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  before(async () => {
    t = await createTestApp({ clock });
    for (const p of products) {
      const made = await createCertifiedProduct(t.db, {
        productName: p.name, stars: p.stars, issuedOn: issuedOn[p.validity], productSetNumber: p.set, provinceCode: p.province, communeCode: p.commune,
      });
      if (p.validity === 'revoked') await t.db.pool.query(`UPDATE certificates SET revoked_on = '2026-10-01' WHERE id = $1`, [made.certificate.id]);
    }
  });
  after(async () => t.close());

  /** value → count of one facet's select on the page (options with a count only). */
  const pageCounts = (body: string, name: string) => {
    const select = new RegExp(`<select name="${name}">(.*?)</select>`, 's').exec(body)?.[1] ?? '';
    return Object.fromEntries([...select.matchAll(/<option value="([^"]+)"[^>]*>[^<]*\((\d+)\)<\/option>/g)].map((m) => [m[1]!, Number(m[2])]));
  };
  const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
  /** Product sets of the group facet: only its product-set options (depth 2, or a group that is one set). */
  const setCounts = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([value]) => /^\d+$/.test(value)));

  async function check(params: string, visible: Spec[], choice: Choice) {
    const page = await get(`/san-pham?${params}`);
    assert.equal(page.statusCode, 200);
    const api = await get(`/api/catalogue/search?${params}`);
    assert.equal(api.statusCode, 200, api.body);
    const json = api.json() as { total: number; facets: Record<Facet, Array<{ value: string; count: number; selected: boolean }>> };
    const apiCounts = (facet: Facet) => Object.fromEntries(json.facets[facet].map((o) => [o.value, o.count]));
    const facets: Array<[Facet, string]> = [['province', 'province'], ['stars', 'stars'], ['validity', 'validity']];
    if (choice.province) facets.push(['commune', 'commune']);
    for (const [facet, name] of facets) {
      const expected = expectedCounts(visible, choice, facet);
      assert.deepEqual(nonZero(pageCounts(page.body, name)), expected, `page, facet ${facet} for ${params}`);
      assert.deepEqual(nonZero(apiCounts(facet)), expected, `JSON, facet ${facet} for ${params}`);
    }
    // The group facet: sets 3 and 4 are options of group I.2 (a set each); compare the product-set options.
    const groups = expectedCounts(visible, choice, 'group');
    for (const [set, n] of Object.entries(groups)) {
      if (pageCounts(page.body, 'group')[set] !== undefined) assert.equal(pageCounts(page.body, 'group')[set], n, `page, product set ${set}`);
      if (apiCounts('group')[set] !== undefined) assert.equal(apiCounts('group')[set], n, `JSON, product set ${set}`);
    }
    assert.deepEqual(setCounts(nonZero(apiCounts('group'))), setCounts(nonZero(pageCounts(page.body, 'group'))), 'the page and the JSON agree on the classification');
    const total = visible.filter((p) => Object.values(expectedCounts([p], choice, 'validity')).length > 0 && (!choice.validity || p.validity === choice.validity)).length;
    assert.equal(json.total, total, `total for ${params}`);
    assert.match(page.body, new RegExp(`<h1>(Tìm thấy ${total} sản phẩm|Sản phẩm OCOP)</h1>`));
    return { page: page.body, json };
  }

  test('a text that narrows: the province, star and validity counts are those of the products it finds', async () => {
    const q = encodeURIComponent(`gao seng cu ${tag}`);
    const { page, json } = await check(`q=${q}`, rice, {});
    // The case of the issue: four rice products in three provinces, not the whole catalogue's provinces.
    assert.deepEqual(Object.keys(nonZero(pageCounts(page, 'province'))).sort(), ['11', '12', '42']);
    assert.doesNotMatch(page, /<option value="38"/, 'a province with none of these products is not offered');
    assert.equal(json.facets.province.find((o) => o.value === '12')?.count, 2);
    // The tag alone finds all six: the counts grow back.
    await check(`q=${tag}`, products, {});
  });

  test("a chosen facet narrows the others' counts, not its own", async () => {
    const q = encodeURIComponent(`gao seng cu ${tag}`);
    const { page, json } = await check(`q=${q}&province=12`, rice, { province: '12' });
    // The province facet still lists the other provinces with their counts (a choice to switch to).
    assert.equal(json.facets.province.find((o) => o.value === '42')?.count, 1);
    assert.ok(json.facets.province.find((o) => o.value === '12')?.selected);
    assert.match(page, /<option value="12" selected>Lai Châu \(2\)<\/option>/);
    await check(`q=${q}&stars=4`, rice, { stars: 4 });
    await check(`q=${q}&province=12&validity=valid`, rice, { province: '12', validity: 'valid' });
    await check(`q=${tag}&validity=valid&stars=3`, products, { validity: 'valid', stars: 3 });
    await check(`q=${tag}&group=I.2&province=12`, products, { sets: [3, 4], province: '12' });
  });

  test('nothing found: no advice to type without diacritics; close recognised products are offered', async () => {
    // Typed without diacritics, and neither every word nor a typo of them matches.
    const q = `seng cu ${tag} qqxxzzkk wwyyvvjj`;
    const page = (await get(`/san-pham?q=${encodeURIComponent(q)}`)).body;
    assert.match(page, new RegExp(`Không tìm thấy sản phẩm nào cho “${q}”`));
    assert.doesNotMatch(page, /không dấu/i);
    const close = /<ul class="results" data-testid="close-products">(.*?)<\/ul>/s.exec(page)?.[1] ?? '';
    assert.match(close, new RegExp(`Gạo Séng Cù ${tag}`), 'the rice products of that name are suggested');
    assert.match(close, /href="\/san-pham\/[0-9a-f-]{36}-gao-seng-cu-/);
    const json = (await get(`/api/catalogue/search?q=${encodeURIComponent(q)}`)).json() as { total: number; closeProducts: Array<{ name: string }> };
    assert.equal(json.total, 0);
    assert.ok(json.closeProducts.some((p) => p.name.startsWith(`Gạo Séng Cù ${tag}`)));
    // Words that match, but filters that leave nothing: the page offers to drop the filters.
    const filtered = (await get(`/san-pham?q=${encodeURIComponent(`gao seng cu ${tag}`)}&province=38`)).body;
    assert.match(filtered, /Bỏ các bộ lọc: 4 sản phẩm khớp từ khóa/);
    assert.doesNotMatch(filtered, /không dấu/i);
  });
});

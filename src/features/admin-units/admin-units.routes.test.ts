import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';

describe('administrative units', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  test('both official versions are loaded with their periods of validity', async () => {
    const versions = (await get('/api/admin-units/versions')).json();
    const byId = Object.fromEntries(versions.map((v: { id: string }) => [v.id, v]));
    assert.equal(byId['vn-pre-2025'].validTo, '2025-06-30');
    assert.equal(byId['vn-2025'].validFrom, '2025-07-01');
    assert.equal(byId['vn-2025'].validTo, null);
    const count = async (version: string, level: string) =>
      (await get(`/api/admin-units?version=${version}&level=${level}&pageSize=1`)).json().total;
    assert.equal(await count('vn-2025', 'province'), 34);
    assert.equal(await count('vn-2025', 'commune'), 3321);
    assert.equal(await count('vn-2025', 'district'), 0);
    assert.equal(await count('vn-pre-2025', 'province'), 63);
    assert.equal(await count('vn-pre-2025', 'district'), 696);
    assert.equal(await count('vn-pre-2025', 'commune'), 10035);
  });

  test('search ignores diacritics, matches d for đ, and ranks exact spelling first', async () => {
    const plain = (await get('/api/admin-units?q=thanh%20hoa&level=province')).json();
    assert.equal(plain.items[0].code, '38');
    const dien = (await get(`/api/admin-units?q=${encodeURIComponent('dien bien')}&level=province`)).json();
    assert.equal(dien.items[0].fullName, 'Tỉnh Điện Biên');
    const exact = (await get(`/api/admin-units?q=${encodeURIComponent('Mường Than')}&province=12`)).json();
    assert.equal(exact.items[0].fullName, 'Xã Mường Than');
    const thanUyen = (await get(`/api/admin-units?version=vn-pre-2025&q=${encodeURIComponent('than uyen')}`)).json();
    assert.ok(thanUyen.total < 50, `"than uyen" matches words, not parts of "huyện": ${thanUyen.total} units`);
    assert.equal(thanUyen.items[0].fullName, 'Huyện Than Uyên');
    const inProvince = (await get(`/api/admin-units?q=${encodeURIComponent('na son dien bien')}`)).json();
    assert.ok(inProvince.items.some((u: { code: string }) => u.code === '03203'), 'words may name the parent too');
  });

  test('browsing a province lists its communes', async () => {
    const page = (await get('/api/admin-units?parent=12&level=commune&pageSize=200')).json();
    assert.equal(page.total, 38);
    assert.ok(page.items.every((u: { provinceCode: string }) => u.provinceCode === '12'));
  });

  test('a current commune tells what it was formed from', async () => {
    const detail = (await get('/api/admin-units/vn-2025/commune/03595')).json();
    assert.equal(detail.unit.fullName, 'Xã Than Uyên');
    const formedFrom = detail.formedFrom.map((u: { name: string }) => u.name).sort();
    assert.deepEqual(formedFrom, ['Hua Nà', 'Mường Cang', 'Mường Than', 'Than Uyên'].sort());
    assert.deepEqual(detail.successions, []);
  });

  for (const [query, province] of [
    ['huyện Than Uyên, tỉnh Lai Châu', '12'],
    ['huyện Điện Biên Đông, tỉnh Điện Biên', '11'],
    ['huyện Quan Hóa, tỉnh Thanh Hóa', '38'],
  ] as const) {
    test(`what is "${query}" today`, async () => {
      const answer = (await get(`/api/admin-units/old-address?q=${encodeURIComponent(query)}`)).json();
      const [best] = answer.matches;
      assert.equal(best.unit.level, 'district');
      assert.ok(best.currentUnits.length > 0);
      assert.ok(best.currentUnits.every((u: { provinceCode: string }) => u.provinceCode === province));
      assert.deepEqual(best.unmapped, [], 'every old commune of the district has a successor');
    });
  }

  test('an island district without communes maps to its special zone (huyện Côn Đảo → đặc khu Côn Đảo)', async () => {
    const answer = (await get(`/api/admin-units/old-address?q=${encodeURIComponent('huyện Côn Đảo')}`)).json();
    const [best] = answer.matches;
    assert.equal(best.unit.code, '755');
    assert.deepEqual(best.currentUnits.map((u: { fullName: string }) => u.fullName), ['Đặc khu Côn Đảo']);
  });

  test('bad parameters get a 400 naming the field; unknown units a 404', async () => {
    const bad = await get('/api/admin-units?level=village&pageSize=1000');
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().error.details.issues.map((i: { path: string }) => i.path).sort(), ['querystring.level', 'querystring.pageSize']);
    assert.equal((await get('/api/admin-units/vn-2025/commune/99999')).statusCode, 404);
    const short = await get('/api/admin-units/old-address?q=a');
    assert.match(short.json().error.details.issues[0].message, /ít nhất 2 ký tự/);
  });
});

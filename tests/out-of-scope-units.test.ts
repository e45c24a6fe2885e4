import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, signInAs, type Client, type TestApp } from './support/test-app.ts';

// Issue 16, finding 5: a unit outside the caller's scope, named in a report, figure or list query, answers
// 404 like a missing one — never the caller's own figures in its place, nor a 403 that confirms it exists.
const LAI_CHAU = '12';
const THAN_UYEN = '03595';
const OTHER_COMMUNE_OF_LAI_CHAU = '03598';
const HA_NOI = '01';
const COMMUNE_OF_HA_NOI = '00004';

describe('units outside the caller’s scope in queries', () => {
  let t: TestApp;
  let province: Client;
  let commune: Client;
  before(async () => {
    t = await createTestApp();
    province = await signInAs(t, { role: 'province_office', provinceCode: LAI_CHAU });
    commune = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
  });
  after(() => t.close());

  async function answers(client: Client, urls: readonly string[]): Promise<string[]> {
    const lines: string[] = [];
    for (const url of urls) lines.push(`${url} → ${(await client.request('GET', url)).statusCode}`);
    return lines;
  }

  test('a provincial office naming another province or its communes gets 404 everywhere', async () => {
    const urls = [
      `/api/reports/programme?commune=${COMMUNE_OF_HA_NOI}`,
      `/api/reports/programme/export.xlsx?commune=${COMMUNE_OF_HA_NOI}`,
      `/api/training-coverage?commune=${COMMUNE_OF_HA_NOI}`,
      `/api/dossiers/on-time-rate?province=${HA_NOI}`,
      `/api/dossiers/on-time-rate?commune=${COMMUNE_OF_HA_NOI}`,
      `/api/certificates?province=${HA_NOI}`,
      `/api/inspections?province=${HA_NOI}`,
      `/api/fairs?province=${HA_NOI}`,
      `/api/sales-points?province=${HA_NOI}`,
      `/api/ecommerce-listings?province=${HA_NOI}`,
      `/api/plans?province=${HA_NOI}`,
      `/api/trainings?province=${HA_NOI}`,
      `/api/producers?commune=${COMMUNE_OF_HA_NOI}`,
      `/api/ideas?commune=${COMMUNE_OF_HA_NOI}`,
      `/api/users?province=${HA_NOI}`,
      `/api/imports?provinceCode=${HA_NOI}`,
      `/api/imports/mappings?provinceCode=${HA_NOI}`,
      `/api/imports/national-register?provinceCode=${HA_NOI}`,
      `/api/notices/unreachable-producers?commune=${COMMUNE_OF_HA_NOI}`,
      `/api/outbox?province=${HA_NOI}`,
    ];
    assert.deepEqual(await answers(province, urls), urls.map((url) => `${url} → 404`));
  });

  test('a commune officer naming another commune gets 404; their own commune and province still answer', async () => {
    const outside = [
      `/api/reports/programme?commune=${OTHER_COMMUNE_OF_LAI_CHAU}`,
      `/api/training-coverage?commune=${COMMUNE_OF_HA_NOI}`,
      `/api/dossiers/on-time-rate?commune=${OTHER_COMMUNE_OF_LAI_CHAU}`,
      `/api/notices/unreachable-producers?commune=${OTHER_COMMUNE_OF_LAI_CHAU}`,
      `/api/producers?commune=${OTHER_COMMUNE_OF_LAI_CHAU}`,
      `/api/trainings?province=${HA_NOI}`,
      `/api/fairs?commune=${OTHER_COMMUNE_OF_LAI_CHAU}`,
    ];
    assert.deepEqual(await answers(commune, outside), outside.map((url) => `${url} → 404`));
    const own = [`/api/reports/programme?commune=${THAN_UYEN}`, `/api/trainings?province=${LAI_CHAU}`, `/api/producers?commune=${THAN_UYEN}`, `/api/dossiers/on-time-rate?commune=${THAN_UYEN}`];
    assert.deepEqual(await answers(commune, own), own.map((url) => `${url} → 200`));
    const report = (await commune.request('GET', `/api/reports/programme?commune=${THAN_UYEN}`)).json();
    assert.equal(report.communeCode, THAN_UYEN);
  });

  test('the provincial office’s own units still answer', async () => {
    const own = [`/api/fairs?province=${LAI_CHAU}`, `/api/producers?commune=${THAN_UYEN}`, `/api/reports/programme?commune=${THAN_UYEN}`, `/api/imports?provinceCode=${LAI_CHAU}`, `/api/users?province=${LAI_CHAU}`];
    assert.deepEqual(await answers(province, own), own.map((url) => `${url} → 200`));
    const report = (await province.request('GET', `/api/reports/programme?commune=${THAN_UYEN}`)).json();
    assert.equal(report.communeCode, THAN_UYEN, 'a commune named alone is reported, not replaced by the province');
  });
});

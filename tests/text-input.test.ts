import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createProducerRecord, createTestApp, signInAs, unique, type Client, type TestApp } from './support/test-app.ts';

// Issue 16, finding 8: control characters, bidirectional overrides and invisible-only text in free text.
const LAI_CHAU = '12';
const THAN_UYEN = '03595';

describe('free text: control characters, bidi overrides and invisible text', () => {
  let t: TestApp;
  let commune: Client;
  let producer: Client;
  before(async () => {
    t = await createTestApp();
    commune = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    const producerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    producer = await signInAs(t, { role: 'producer', producerId, provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
  });
  after(() => t.close());

  const issuePaths = (body: { error: { details?: { issues?: Array<{ path: string }> } } }) => (body.error.details?.issues ?? []).map((i) => i.path);

  const training = (title: string) => ({
    provinceCode: LAI_CHAU, communeCode: THAN_UYEN, organiserName: 'UBND xã Than Uyên', title, startsOn: '2026-06-16', endsOn: '2026-06-17',
    place: 'Hội trường xã', targetAudiences: ['producers'], topicCodes: ['ocop_overview'],
  });
  const fair = (name: string) => ({ provinceCode: LAI_CHAU, communeCode: THAN_UYEN, name, scope: 'out_of_province', startsOn: '2026-05-20', endsOn: '2026-05-24', place: 'Lào Cai' });

  test('a NUL or another control character is a 400 naming the field, never a 500', async () => {
    const cases: Array<[Client, string, string, unknown, string]> = [
      [commune, 'POST', '/api/trainings', training('Tập huấn\u0000OCOP'), 'title'],
      [commune, 'POST', '/api/producers', { name: `HTX ${unique()}\u0000`, legalForm: 'cooperative', communeCode: THAN_UYEN }, 'name'],
      [commune, 'POST', '/api/fairs', fair('Hội chợ\u0007 OCOP'), 'name'],
      [producer, 'POST', '/api/dossiers', { type: 'first', productName: 'Chè Shan tuyết', productSetNumber: 14, representativeName: 'Lò\u0000 Văn A' }, 'representativeName'],
      [commune, 'GET', '/api/producers?q=a%00b', undefined, 'querystring.q'],
    ];
    for (const [client, method, url, body, field] of cases) {
      const response = await client.request(method, url, body);
      assert.equal(response.statusCode, 400, `${method} ${url}: ${response.body}`);
      assert.equal(response.json().error.code, 'INVALID_INPUT');
      assert.deepEqual(issuePaths(response.json()), [field], `${method} ${url}`);
      assert.match(response.json().error.details.issues[0].message, /ký tự điều khiển/);
    }
    const draft = await producer.request('POST', '/api/dossiers', { type: 'first', productName: 'Chè Shan tuyết', productSetNumber: 14 });
    assert.equal(draft.statusCode, 201, draft.body);
    const patched = await producer.request('PATCH', `/api/dossiers/${draft.json().id}`, { version: draft.json().version, productStory: 'Câu chuyện\u0000' });
    assert.equal(patched.statusCode, 400, patched.body);
    assert.deepEqual(issuePaths(patched.json()), ['productStory']);
  });

  test('multi-line text keeps its line breaks and tabs; a one-line name refuses them', async () => {
    const draft = await producer.request('POST', '/api/dossiers', { type: 'first', productName: 'Chè Shan tuyết', productSetNumber: 14 });
    const story = 'Dòng một\r\nDòng hai\tcó tab';
    const patched = await producer.request('PATCH', `/api/dossiers/${draft.json().id}`, { version: draft.json().version, productStory: story });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json().productStory, story);
    const twoLines = await commune.request('POST', '/api/producers', { name: `HTX ${unique()}\nXóm Mới`, legalForm: 'cooperative', communeCode: THAN_UYEN });
    assert.equal(twoLines.statusCode, 400, twoLines.body);
    assert.deepEqual(issuePaths(twoLines.json()), ['name']);
  });

  test('bidirectional overrides are removed from what is stored', async () => {
    const name = `HTX ${unique()}`;
    const created = await commune.request('POST', '/api/producers', { name: `\u202E${name}\u202C`, legalForm: 'cooperative', communeCode: THAN_UYEN });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().name, name);
    const fairCreated = await commune.request('POST', '/api/fairs', fair('Hội chợ \u2066OCOP\u2069 2026'));
    assert.equal(fairCreated.statusCode, 201, fairCreated.body);
    assert.equal(fairCreated.json().name, 'Hội chợ OCOP 2026');
  });

  test('text made only of invisible characters counts as empty where text is required', async () => {
    const invisible = '\u200B\u200B\u200C\u2060\uFEFF';
    const named = await commune.request('POST', '/api/producers', { name: invisible, legalForm: 'cooperative', communeCode: THAN_UYEN });
    assert.equal(named.statusCode, 400, named.body);
    assert.deepEqual(issuePaths(named.json()), ['name']);
    const titled = await commune.request('POST', '/api/trainings', training(` ${invisible} `));
    assert.equal(titled.statusCode, 400, titled.body);
    assert.deepEqual(issuePaths(titled.json()), ['title']);
    const padded = await commune.request('POST', '/api/producers', { name: `\u200BHTX ${unique()}\u200B`, legalForm: 'cooperative', communeCode: THAN_UYEN });
    assert.equal(padded.statusCode, 201, padded.body);
    assert.doesNotMatch(padded.json().name, /\u200B/, 'invisible characters at the edges are trimmed like spaces');
  });
});

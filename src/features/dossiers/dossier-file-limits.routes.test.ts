/**
 * Issue 16 finding 9: stale staging files are cleared at start-up and daily, a dossier and a producer have
 * a storage quota, and uploaded files are served so that they cannot run script on the app's origin.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startSweeps } from '../../server.ts';
import { createReadyDossier, pdfBytes, pngBytes, upload } from '../../../tests/support/dossiers.ts';
import { createFixedClock, createProducerRecord, createTestApp, signInAs, type Client, type TestApp } from '../../../tests/support/test-app.ts';

const LAI_CHAU = '12';
const THAN_UYEN = '03595';
const KB = 1024;

describe('dossier files: staging clean-up, quotas, safe serving', () => {
  let t: TestApp;
  let filesDir: string;
  let producerId: string;
  let producer: Client;
  const blobs = () => readdirSync(filesDir).filter((name) => !name.startsWith('.'));
  const staging = () => (existsSync(path.join(filesDir, '.staging')) ? readdirSync(path.join(filesDir, '.staging')) : []);
  /** A real PNG padded to about `size` bytes (file-type still reads it as a PNG). */
  const photo = (size: number) => Buffer.concat([pngBytes(), Buffer.alloc(size)]);

  before(async () => {
    filesDir = mkdtempSync(path.join(tmpdir(), 'ocop-file-limits-'));
    t = await createTestApp({
      clock: createFixedClock('2026-11-24T09:00:00+07:00'),
      config: { filesDir, dossierFilesQuotaBytes: 250 * KB, producerFilesQuotaBytes: 400 * KB },
    });
    producerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    producer = await signInAs(t, { role: 'producer', producerId, provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
  });
  after(async () => {
    await t.close();
    rmSync(filesDir, { recursive: true, force: true });
  });

  test('staging files an interrupted upload left are removed at start-up (and every day); fresh ones and stored files stay', async () => {
    const stagingDir = path.join(filesDir, '.staging');
    mkdirSync(stagingDir, { recursive: true });
    const old = path.join(stagingDir, 'interrupted-upload');
    const fresh = path.join(stagingDir, 'upload-in-progress');
    writeFileSync(old, Buffer.alloc(64 * KB));
    writeFileSync(fresh, Buffer.alloc(KB));
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    writeFileSync(path.join(filesDir, 'a'.repeat(64)), 'stored');
    utimesSync(path.join(filesDir, 'a'.repeat(64)), twoDaysAgo, twoDaysAgo);
    const sweeps = startSweeps({ config: t.config, db: t.db, clock: t.clock }, { only: ['files.clear-staging'] });
    await sweeps.stop();
    assert.deepEqual(staging(), ['upload-in-progress']);
    assert.ok(blobs().includes('a'.repeat(64)));
    rmSync(fresh);
  });

  test('a dossier and a producer have a storage quota; the upload past it is refused whole, with the figures', async () => {
    const first = await createReadyDossier(producer, producerId);
    assert.equal((await upload(t, producer, first.id, [{ field: 'label', name: 'nhan.png', content: photo(100 * KB) }, { field: 'packaging', name: 'bao-bi.png', content: photo(100 * KB) }])).statusCode, 201);
    const before = blobs().length;
    const over = await upload(t, producer, first.id, [{ field: 'other', name: 'them.png', content: photo(100 * KB) }]);
    assert.equal(over.statusCode, 413, over.body);
    assert.match(over.json().error.message, /Hồ sơ .*hạn mức 250 KB/);
    assert.equal(over.json().error.details.reason, 'dossier_quota');
    assert.equal(blobs().length, before, 'nothing stored');
    assert.deepEqual(staging(), []);
    // The same content again costs nothing.
    const second = await createReadyDossier(producer, producerId);
    assert.equal((await upload(t, producer, second.id, [{ field: 'label', name: 'nhan.png', content: photo(150 * KB) }])).statusCode, 201);
    const producerOver = await upload(t, producer, second.id, [{ field: 'packaging', name: 'bao-bi.png', content: photo(60 * KB) }]);
    assert.equal(producerOver.statusCode, 413, producerOver.body);
    assert.match(producerOver.json().error.message, /chủ thể .*hạn mức 400 KB/);
    assert.equal(producerOver.json().error.details.reason, 'producer_quota');
  });

  test('files are served sandboxed, never sniffed; a PDF or anything that could run script is an attachment', async () => {
    const dossier = await createReadyDossier(producer, producerId);
    const response = await upload(t, producer, dossier.id, [
      { field: 'label', name: 'nhan.png', content: pngBytes() },
      { field: 'lab_report', name: 'phieu.pdf', content: pdfBytes() },
    ]);
    assert.equal(response.statusCode, 201, response.body);
    const files = response.json().added as Array<{ id: string; mimeType: string }>;
    for (const file of files) {
      const download = await producer.request('GET', `/api/dossiers/${dossier.id}/files/${file.id}`);
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-security-policy'], 'sandbox', file.mimeType);
      assert.equal(download.headers['x-content-type-options'], 'nosniff');
      const disposition = String(download.headers['content-disposition']);
      if (file.mimeType === 'application/pdf') assert.match(disposition, /^attachment; filename\*=UTF-8''phieu\.pdf$/);
      else assert.match(disposition, /^inline; /);
    }
  });
});

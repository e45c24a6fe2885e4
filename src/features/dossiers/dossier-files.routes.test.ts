import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createFixedClock, createProducerRecord, createTestApp, signInAs, type Client, type TestApp } from '../../../tests/support/test-app.ts';
import { createReadyDossier, exeBytes, expectStatus, passingCheck, pdfBytes, pngBytes, upload } from '../../../tests/support/dossiers.ts';

const LAI_CHAU = '12';
const THAN_UYEN = '03595';
const TAN_UYEN = '03598';

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

describe('dossier files: real types, limits, all or nothing, reuse', () => {
  let t: TestApp;
  let filesDir: string;
  let producerId: string;
  let neighbourId: string;
  let producer: Client;
  let officer: Client;
  let neighbour: Client;
  const blobs = () => readdirSync(filesDir).filter((name) => !name.startsWith('.'));
  const staging = () => (existsSync(path.join(filesDir, '.staging')) ? readdirSync(path.join(filesDir, '.staging')) : []);

  before(async () => {
    filesDir = mkdtempSync(path.join(tmpdir(), 'ocop-files-'));
    t = await createTestApp({ clock: createFixedClock('2026-11-24T09:00:00+07:00'), config: { filesDir } });
    producerId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    neighbourId = await createProducerRecord(t.db, { provinceCode: LAI_CHAU, communeCode: TAN_UYEN });
    producer = await signInAs(t, { role: 'producer', producerId, provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
    neighbour = await signInAs(t, { role: 'producer', producerId: neighbourId, provinceCode: LAI_CHAU, communeCode: TAN_UYEN });
    officer = await signInAs(t, { role: 'commune_officer', provinceCode: LAI_CHAU, communeCode: THAN_UYEN });
  });
  after(async () => {
    await t.close();
    rmSync(filesDir, { recursive: true, force: true });
  });

  test('photos and PDFs are stored once by content, classified by their bytes, and read back', async () => {
    const dossier = await createReadyDossier(producer, producerId);
    const label = pngBytes();
    const lab = pdfBytes();
    const disguised = pngBytes();
    const response = await upload(t, producer, dossier.id, [
      { field: 'label', name: 'Nhãn sản phẩm.png', content: label, contentType: 'image/png' },
      { field: 'evidence:9', name: 'Phiếu kiểm nghiệm.pdf', content: lab, contentType: 'application/pdf' },
      // Named .pdf, sent as application/pdf, but a PNG inside: stored as what it is.
      { field: 'packaging', name: 'bao-bi.pdf', content: disguised, contentType: 'application/pdf' },
    ]);
    assert.equal(response.statusCode, 201, response.body);
    const { added, alreadyPresent } = response.json();
    assert.equal(alreadyPresent, 0);
    assert.deepEqual(
      added.map((f: { originalName: string; mimeType: string; kind: string; criterionCode: string | null }) => [f.originalName, f.mimeType, f.kind, f.criterionCode]),
      [
        ['Nhãn sản phẩm.png', 'image/png', 'label', null],
        ['Phiếu kiểm nghiệm.pdf', 'application/pdf', 'evidence', '9'],
        ['bao-bi.pdf', 'image/png', 'packaging', null],
      ],
    );
    for (const content of [label, lab, disguised]) assert.ok(blobs().includes(sha256(content)), 'stored as data/files/<sha256>');
    assert.deepEqual(staging(), [], 'nothing left in staging');

    const fileId = added.find((f: { kind: string }) => f.kind === 'packaging').id;
    const download = await producer.request('GET', `/api/dossiers/${dossier.id}/files/${fileId}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'image/png');
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(download.rawPayload, disguised);
    assert.equal((await neighbour.request('GET', `/api/dossiers/${dossier.id}/files/${fileId}`)).statusCode, 404);

    // The same content again for the same purpose is the same file.
    const again = await upload(t, producer, dossier.id, [{ field: 'label', name: 'nhan-lan-2.png', content: label }]);
    assert.equal(again.statusCode, 201);
    assert.equal(again.json().alreadyPresent, 1);
    const detail = await expectStatus(producer, 'GET', `/api/dossiers/${dossier.id}`, undefined, 200);
    assert.equal(detail.files.length, 3);

    const removed = await expectStatus(producer, 'DELETE', `/api/dossiers/${dossier.id}/files/${fileId}`, undefined, 200);
    assert.equal(removed.files.length, 2);
    assert.equal((await producer.request('DELETE', `/api/dossiers/${dossier.id}/files/${fileId}`)).statusCode, 404);
  });

  test('one refused file refuses the request; every refused file is named, in Vietnamese; nothing is saved', async () => {
    const dossier = await createReadyDossier(producer, producerId);
    const before = blobs().length;
    const good = pngBytes();
    const response = await upload(t, producer, dossier.id, [
      { field: 'label', name: 'nhan.png', content: good },
      { field: 'evidence', name: 'hop-dong.pdf', content: exeBytes(), contentType: 'application/pdf' },
      { field: 'story', name: 'cau-chuyen.txt', content: Buffer.from('Ngày xửa ngày xưa, ở bản Mường Than…') },
      { field: 'photo', name: 'anh.png', content: pngBytes() },
      { field: 'evidence:99.9', name: 'chung-tu.png', content: pngBytes() },
      { field: 'other', name: 'rong.pdf', content: Buffer.alloc(0) },
    ]);
    assert.equal(response.statusCode, 400, response.body);
    const error = response.json().error;
    assert.equal(error.code, 'INVALID_INPUT');
    assert.match(error.message, /5 tệp không được nhận; chưa lưu tệp nào/);
    const reasons = error.details.rejected.map((r: { name: string; reason: string }) => [r.name, r.reason]);
    assert.deepEqual(reasons.map(([name]: string[]) => name), ['hop-dong.pdf', 'cau-chuyen.txt', 'anh.png', 'chung-tu.png', 'rong.pdf']);
    assert.match(reasons[0][1], /nội dung thực là EXE/);
    assert.match(reasons[1][1], /không nhận ra loại nội dung/);
    assert.match(reasons[2][1], /trường “photo” không hợp lệ/);
    assert.match(reasons[3][1], /tiêu chí 99.9 không có/);
    assert.match(reasons[4][1], /rỗng/);
    assert.deepEqual(error.details.issues.map((i: { path: string }) => i.path), ['files.1', 'files.2', 'files.3', 'files.4', 'files.5']);

    assert.equal((await producer.request('GET', `/api/dossiers/${dossier.id}`)).json().files.length, 0);
    assert.equal(blobs().length, before, 'not even the good file was stored');
    assert.ok(!blobs().includes(sha256(good)));
    assert.deepEqual(staging(), []);
  });

  test('a file over 20 MB is refused by size; more than 10 files at once are refused', async () => {
    const dossier = await createReadyDossier(producer, producerId);
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(20 * 1024 * 1024)]);
    const tooBig = await upload(t, producer, dossier.id, [{ field: 'lab_report', name: 'kiem-nghiem.pdf', content: big }]);
    assert.equal(tooBig.statusCode, 400);
    assert.match(tooBig.json().error.details.rejected[0].reason, /lớn hơn 20 MB/);

    const many = Array.from({ length: 11 }, (_, i) => ({ field: 'evidence', name: `anh-${i}.png`, content: pngBytes() }));
    const tooMany = await upload(t, producer, dossier.id, many);
    assert.equal(tooMany.statusCode, 413);
    assert.match(tooMany.json().error.message, /tối đa 10 tệp/);
    assert.equal((await producer.request('GET', `/api/dossiers/${dossier.id}`)).json().files.length, 0);
    assert.deepEqual(staging(), []);
  });

  test('401, 403, 404 and the wrong status', async () => {
    const dossier = await createReadyDossier(producer, producerId);
    const file = [{ field: 'label', name: 'nhan.png', content: pngBytes() }];
    assert.equal((await upload(t, null, dossier.id, file)).statusCode, 403, 'no session, no CSRF token');
    assert.equal((await upload(t, neighbour, dossier.id, file)).statusCode, 404);
    const submitted = await expectStatus(producer, 'POST', `/api/dossiers/${dossier.id}/submit`, { version: dossier.version }, 200);
    assert.equal((await upload(t, officer, dossier.id, file)).statusCode, 403, 'the commune does not add the producer’s files');
    const late = await upload(t, producer, dossier.id, file);
    assert.equal(late.statusCode, 409, 'a submitted dossier takes files only when supplements are asked for');
    assert.equal(late.json().error.code, 'INVALID_TRANSITION');

    const received = await expectStatus(officer, 'POST', `/api/dossiers/${dossier.id}/receive`, { version: submitted.version }, 200);
    await expectStatus(officer, 'POST', `/api/dossiers/${dossier.id}/return`, { version: received.version, reasons: ['Thêm ảnh nhãn'] }, 200);
    assert.equal((await upload(t, producer, dossier.id, file)).statusCode, 201, 'a returned dossier takes supplements');
    const json = await producer.request('POST', `/api/dossiers/${dossier.id}/files`, { not: 'multipart' });
    assert.equal(json.statusCode, 400);
  });

  test('an upgrade reuses the files of the earlier dossier of the same product, without uploading them again', async () => {
    const first = await createReadyDossier(producer, producerId, { productSetNumber: 1, productName: 'Chè Tam Đường' });
    const photos = [pngBytes(), pdfBytes()];
    assert.equal((await upload(t, producer, first.id, [
      { field: 'evidence:1.1', name: 'vung-nguyen-lieu.png', content: photos[0]! },
      { field: 'lab_report', name: 'kiem-nghiem.pdf', content: photos[1]! },
    ])).statusCode, 201);
    const submitted = await expectStatus(producer, 'POST', `/api/dossiers/${first.id}/submit`, { version: first.version }, 200);
    const received = await expectStatus(officer, 'POST', `/api/dossiers/${first.id}/receive`, { version: submitted.version }, 200);
    const checked = await expectStatus(officer, 'PUT', `/api/dossiers/${first.id}/commune-check`, { version: received.version, ...passingCheck }, 200);
    await expectStatus(officer, 'POST', `/api/dossiers/${first.id}/forward`, { version: checked.version }, 200);

    const blobsBefore = blobs().length;
    const upgrade = await expectStatus(producer, 'POST', '/api/dossiers', { type: 'upgrade', productId: first.productId }, 201);
    assert.equal(upgrade.productCode, received.productCode, 'same product, same code');
    const reused = await expectStatus(producer, 'POST', `/api/dossiers/${upgrade.id}/reuse-files`, { fromDossierId: first.id }, 200);
    assert.equal(reused.files.length, 2);
    assert.deepEqual(reused.files.map((f: { sha256: string }) => f.sha256).sort(), photos.map(sha256).sort());
    assert.ok(reused.files.every((f: { reusedFromId: string | null }) => f.reusedFromId !== null));
    assert.equal(blobs().length, blobsBefore, 'no new stored content');
    const download = await producer.request('GET', `/api/dossiers/${upgrade.id}/files/${reused.files[0].id}`);
    assert.equal(download.statusCode, 200);

    const twice = await expectStatus(producer, 'POST', `/api/dossiers/${upgrade.id}/reuse-files`, { fromDossierId: first.id }, 200);
    assert.equal(twice.files.length, 2, 'reusing again copies nothing twice');

    const unrelated = await createReadyDossier(producer, producerId);
    const wrongProduct = await producer.request('POST', `/api/dossiers/${upgrade.id}/reuse-files`, { fromDossierId: unrelated.id });
    assert.equal(wrongProduct.statusCode, 400);
    assert.deepEqual(wrongProduct.json().error.details.issues.map((i: { path: string }) => i.path), ['fromDossierId']);
    const neighbourDossier = await createReadyDossier(neighbour, neighbourId);
    assert.equal((await producer.request('POST', `/api/dossiers/${upgrade.id}/reuse-files`, { fromDossierId: neighbourDossier.id })).statusCode, 404);
    assert.equal((await neighbour.request('POST', `/api/dossiers/${upgrade.id}/reuse-files`, { fromDossierId: first.id })).statusCode, 404);
    assert.equal((await producer.request('POST', `/api/dossiers/${upgrade.id}/reuse-files`, { fromDossierId: 'x' })).statusCode, 400);
  });
});

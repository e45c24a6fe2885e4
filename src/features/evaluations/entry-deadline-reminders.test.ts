import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createFixedClock } from '../../core/clock/index.ts';
import { runDueJobs } from '../../core/jobs/index.ts';
import { createReadyDossier, expectStatus, passingCheck } from '../../../tests/support/dossiers.ts';
import { createProducerRecord, createTestApp, signInAs, type TestApp } from '../../../tests/support/test-app.ts';
import { entryDeadlineJob } from './entry-deadline-reminders.ts';

const PROVINCE = '38'; // Thanh Hóa
const COMMUNE = '14869';

describe('deadline reminders of entries with a legal deadline of their own (Đ.7.6.g, Đ.12.2)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ clock: createFixedClock('2026-11-23T02:00:00Z') });
  });
  after(() => t.close());

  test('a dossier filed before 22/5/2026 must be decided within 60 days of that day; the office is reminded once', async () => {
    const producerId = await createProducerRecord(t.db, { provinceCode: PROVINCE, communeCode: COMMUNE });
    const producer = await signInAs(t, { role: 'producer', producerId });
    const officer = await signInAs(t, { role: 'commune_officer', provinceCode: PROVINCE, communeCode: COMMUNE });
    const office = await signInAs(t, { role: 'province_office', provinceCode: PROVINCE });
    const dossier = await createReadyDossier(producer, producerId);
    const submitted = await expectStatus(producer, 'POST', `/api/dossiers/${dossier.id}/submit`, { version: dossier.version }, 200);
    const received = await expectStatus(officer, 'POST', `/api/dossiers/${dossier.id}/receive`, { version: submitted.version }, 200);
    const checked = await expectStatus(officer, 'PUT', `/api/dossiers/${dossier.id}/commune-check`, { version: received.version, ...passingCheck }, 200);
    await expectStatus(officer, 'POST', `/api/dossiers/${dossier.id}/forward`, { version: checked.version }, 200);
    // Filed under the 2021–2025 rules (the transitional case of Đ.12.2.a).
    await t.db.pool.query(`UPDATE dossiers SET submitted_at = '2026-05-20T03:00:00Z' WHERE id = $1`, [dossier.id]);

    const round = await expectStatus(office, 'POST', '/api/evaluation-rounds', { level: 'province', year: 2026, kind: 'extra', title: 'Đợt xử lý hồ sơ chuyển tiếp', proposalsDueOn: '2026-12-01', completeBy: '2026-12-30' }, 201);
    const entry = round.entries.find((e: { dossierId: string }) => e.dossierId === dossier.id);
    assert.equal(entry.dueOn, '2026-07-21', '60 days from 22/5/2026');

    const jobs = await t.db.pool.query('SELECT run_at FROM scheduled_jobs WHERE name = $1 AND key = $2', [entryDeadlineJob.name, entry.id]);
    assert.equal(jobs.rowCount, 1, 'scheduled when the dossier joined');
    await runDueJobs(t.db, t.clock, [entryDeadlineJob]);
    await runDueJobs(t.db, t.clock, [entryDeadlineJob]);
    const notices = await expectStatus(office, 'GET', '/api/notifications', undefined, 200);
    const mine = notices.items.filter((n: { kind: string; link: string }) => n.kind === 'evaluation.entry_deadline' && n.link.endsWith(entry.id));
    assert.equal(mine.length, 1);
    assert.match(mine[0].body, /21\/07\/2026/);
  });
});

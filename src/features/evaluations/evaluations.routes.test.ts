import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { findCriteriaSheet } from '../rule-sets/index.ts';
import { choicesUpTo, extremeChoices } from '../../../tests/support/criteria.ts';
import { createReadyDossier, expectStatus, passingCheck } from '../../../tests/support/dossiers.ts';
import { assertEveryRouteNeedsSession, createFixedClock, createProducerRecord, createTestApp, createUserRecord, signIn, type Client, type TestApp } from '../../../tests/support/test-app.ts';

// Not Hà Tĩnh (42): the browser journey opens rounds there, and a forwarded dossier joins its province's open round.
const PROVINCE = '11'; // Điện Biên
const COMMUNE = '03203'; // Na Son
const clock = createFixedClock('2026-11-23T02:00:00Z');

interface Cast {
  office: Client;
  officer: Client;
  producer: Client;
  producerId: string;
  chair: Client;
  member1: Client;
  member2: Client;
  advisor: Client;
  ministry: Client;
}

async function cast(t: TestApp): Promise<Cast> {
  const producerId = await createProducerRecord(t.db, { provinceCode: PROVINCE, communeCode: COMMUNE });
  const user = (spec: Parameters<typeof createUserRecord>[1]) => createUserRecord(t.db, spec).then((u) => signIn(t.app, u.username));
  return {
    office: await user({ role: 'province_office', provinceCode: PROVINCE }),
    officer: await user({ role: 'commune_officer', provinceCode: PROVINCE, communeCode: COMMUNE }),
    producer: await user({ role: 'producer', producerId }),
    producerId,
    chair: await user({ role: 'council_member', provinceCode: PROVINCE }),
    member1: await user({ role: 'council_member', provinceCode: PROVINCE }),
    member2: await user({ role: 'council_member', provinceCode: PROVINCE }),
    advisor: await user({ role: 'advisory_member', provinceCode: PROVINCE }),
    ministry: await user({ role: 'ministry_officer' }),
  };
}

/** A dossier filed by the producer, checked and forwarded by the commune. */
async function forwardedDossier(c: Cast, productSetNumber = 3): Promise<{ id: string; productId: string }> {
  const dossier = await createReadyDossier(c.producer, c.producerId, { productSetNumber });
  const submitted = await expectStatus(c.producer, 'POST', `/api/dossiers/${dossier.id}/submit`, { version: dossier.version }, 200);
  const received = await expectStatus(c.officer, 'POST', `/api/dossiers/${dossier.id}/receive`, { version: submitted.version }, 200);
  const checked = await expectStatus(c.officer, 'PUT', `/api/dossiers/${dossier.id}/commune-check`, { version: received.version, ...passingCheck }, 200);
  await expectStatus(c.officer, 'POST', `/api/dossiers/${dossier.id}/forward`, { version: checked.version }, 200);
  return { id: dossier.id, productId: dossier.productId };
}

async function seatCouncil(c: Cast, roundId: string) {
  const round = await expectStatus(c.office, 'GET', `/api/evaluation-rounds/${roundId}`, undefined, 200);
  return expectStatus(c.office, 'PUT', `/api/evaluation-rounds/${roundId}/members`, {
    version: round.version,
    members: [
      { userId: c.chair.userId, role: 'chair', agency: 'UBND tỉnh' },
      { userId: c.member1.userId, role: 'member', agency: 'Sở Nông nghiệp và Môi trường' },
      { userId: c.member2.userId, role: 'member', agency: 'Sở Công Thương' },
      { userId: c.advisor.userId, role: 'advisory', agency: 'Chi cục PTNT' },
    ],
  }, 200);
}

async function reviewAndOpen(c: Cast, entryId: string) {
  let entry = await expectStatus(c.advisor, 'GET', `/api/round-entries/${entryId}`, undefined, 200);
  entry = await expectStatus(c.advisor, 'POST', `/api/round-entries/${entryId}/advisory`, { action: 'site_visit', note: 'Khảo sát vùng nguyên liệu tại bản Mường Than.', happenedOn: '2026-11-20', version: entry.version }, 200);
  entry = await expectStatus(c.advisor, 'POST', `/api/round-entries/${entryId}/advisory`, { action: 'advisory_report', note: 'Hồ sơ đầy đủ, đề nghị hội đồng chấm điểm.', version: entry.version }, 200);
  return expectStatus(c.chair, 'POST', `/api/round-entries/${entryId}/open-scoring`, { version: entry.version }, 200);
}

/** The text of a PDF (poppler's pdftotext), or null where poppler-utils is not installed. */
function pdfText(pdf: Buffer): string | null {
  try {
    return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const score = (client: Client, entryId: string, choices: Record<string, string>, submit = true) => client.request('PUT', `/api/round-entries/${entryId}/my-score`, { choices, submit });

describe('evaluation rounds, councils, decisions and certificates (QĐ 26/2026 Đ.5–7)', () => {
  let t: TestApp;
  let c: Cast;
  before(async () => {
    t = await createTestApp({ clock });
    c = await cast(t);
  });
  after(() => t.close());

  test('without a session every evaluation route answers 401', async () => {
    const id = '8d2e6f0a-3a51-4c1b-9d1e-1f0c2b3a4d5e';
    await assertEveryRouteNeedsSession(t.app, [
      ['GET', '/api/evaluation-rounds'],
      ['POST', '/api/evaluation-rounds', { level: 'province', provinceCode: PROVINCE, year: 2026, kind: 'second', title: 'Đợt 2 năm 2026' }],
      ['GET', `/api/evaluation-rounds/${id}`],
      ['PATCH', `/api/evaluation-rounds/${id}`, { version: 1, title: 'Tên mới' }],
      ['PUT', `/api/evaluation-rounds/${id}/members`, { version: 1, members: [] }],
      ['POST', `/api/evaluation-rounds/${id}/close`, { version: 1, sessionHeldOn: '2026-11-20', sessionPlace: 'Hội trường UBND tỉnh' }],
      ['POST', `/api/evaluation-rounds/${id}/decision`, { version: 1, number: '12/QĐ-UBND', signedOn: '2026-11-20', signerName: 'Lò Văn A' }],
      ['GET', `/api/evaluation-rounds/${id}/minutes.pdf`],
      ['GET', `/api/evaluation-rounds/${id}/decision-draft.pdf`],
      ['GET', `/api/round-entries/${id}`],
      ['POST', `/api/round-entries/${id}/advisory`, { action: 'advisory_review', note: 'Thẩm định hồ sơ.', version: 1 }],
      ['POST', `/api/round-entries/${id}/open-scoring`, { version: 1 }],
      ['POST', `/api/round-entries/${id}/conflict`, { reason: 'Người thân của chủ thể.' }],
      ['GET', `/api/round-entries/${id}/my-score`],
      ['PUT', `/api/round-entries/${id}/my-score`, { choices: {} }],
      ['POST', `/api/round-entries/${id}/recognise-from-central`, { version: 1, decisionNumber: '12/QĐ-UBND', signedOn: '2026-11-20' }],
    ]);
  });

  test('bad input is named field by field, every issue at once', async () => {
    const paths = (response: { json(): { error: { details: { issues: { path: string }[] } } } }) => response.json().error.details.issues.map((i) => i.path).sort();
    const id = '8d2e6f0a-3a51-4c1b-9d1e-1f0c2b3a4d5e';
    const cases: [string, string, object, string[]][] = [
      ['POST', '/api/evaluation-rounds', { level: 'county', year: 1990, kind: 'third', title: 'Đ', proposalsDueOn: '2026-02-30', maxSpread: 200, quorumFraction: 0, extra: true }, ['', 'kind', 'level', 'maxSpread', 'proposalsDueOn', 'quorumFraction', 'title', 'year']],
      ['PATCH', `/api/evaluation-rounds/${id}`, { version: 'one', title: 'x', completeBy: '30/12/2026' }, ['completeBy', 'title', 'version']],
      ['PUT', `/api/evaluation-rounds/${id}/members`, { version: 1, members: [{ userId: 'someone', role: 'boss' }] }, ['members.0.role', 'members.0.userId']],
      ['POST', `/api/evaluation-rounds/${id}/close`, { version: 1, sessionHeldOn: 'yesterday', sessionPlace: '' }, ['sessionHeldOn', 'sessionPlace']],
      ['POST', `/api/evaluation-rounds/${id}/decision`, { version: 1, number: '', signedOn: '2026-13-01', signerName: '' }, ['number', 'signedOn', 'signerName']],
      ['POST', `/api/round-entries/${id}/advisory`, { action: 'gossip', note: '', version: 1 }, ['action', 'note']],
      ['POST', `/api/round-entries/${id}/conflict`, { reason: '' }, ['reason']],
      ['POST', `/api/round-entries/${id}/recognise-from-central`, { version: 1, decisionNumber: '', signedOn: '2026-02-29' }, ['decisionNumber', 'signedOn']],
    ];
    for (const [method, url, body, expected] of cases) {
      const response = await c.office.request(method, url, body);
      assert.equal(response.statusCode, 400, `${method} ${url}: ${response.body}`);
      assert.deepEqual(paths(response), expected, `${method} ${url}`);
    }
    // An unknown round is 404, like one of another province.
    assert.equal((await c.office.request('GET', `/api/evaluation-rounds/${id}`)).statusCode, 404);
    assert.equal((await c.office.request('GET', `/api/round-entries/${id}`)).statusCode, 404);
  });

  test('a forwarded dossier joins the open round; members score alone; a wide spread orders a re-score; close, decide, certificate', async () => {
    const opened = await expectStatus(c.office, 'POST', '/api/evaluation-rounds', { level: 'province', year: 2026, kind: 'second', title: 'Đợt 2 năm 2026' }, 201);
    assert.equal(opened.proposalsDueOn, '2026-10-30', 'the legal cut-off of the second round (Đ.5.1)');
    assert.equal(opened.completeBy, '2026-12-30');
    assert.equal(opened.ruleSetId, '26-2026');
    await seatCouncil(c, opened.id);

    const dossier = await forwardedDossier(c);
    const round = await expectStatus(c.office, 'GET', `/api/evaluation-rounds/${opened.id}`, undefined, 200);
    const entry = round.entries.find((e: { dossierId: string }) => e.dossierId === dossier.id);
    assert.ok(entry, 'the forwarded dossier joined the open round');
    assert.equal(entry.status, 'reviewing');

    // Nobody scores before the advisory team has reported and scoring is open.
    assert.equal((await score(c.member1, entry.id, {})).statusCode, 409);
    // The chair and the producer can be reached by SMS and e-mail: the notices below reach the outbox too.
    await expectStatus(c.chair, 'PUT', '/api/me/notice-settings', { email: null, phone: '0912 000 111', channels: ['sms'], optedOutKinds: [] }, 200);
    await expectStatus(c.producer, 'PUT', '/api/me/notice-settings', { email: `chu.the.${entry.id.slice(0, 8)}@example.vn`, phone: null, channels: ['email'], optedOutKinds: [] }, 200);
    await reviewAndOpen(c, entry.id);

    const sheet = findCriteriaSheet('26-2026', 3)!;
    const best = extremeChoices(sheet, 'best');
    const good = choicesUpTo(sheet, 80);
    // A draft keeps missing criteria listed; submitting an incomplete sheet names every missing criterion.
    const draft = await score(c.chair, entry.id, { '1.1': best['1.1']! }, false);
    assert.equal(draft.statusCode, 200, draft.body);
    assert.ok(draft.json().missing.length > 5);
    const incomplete = await score(c.chair, entry.id, { '1.1': best['1.1']! });
    assert.equal(incomplete.statusCode, 400);
    assert.ok(incomplete.json().error.details.issues.length > 5);

    // Members do not see each other's sheets until their own is in.
    assert.equal((await score(c.chair, entry.id, best)).statusCode, 200);
    const beforeOwn = await expectStatus(c.member1, 'GET', `/api/round-entries/${entry.id}`, undefined, 200);
    assert.equal(beforeOwn.sheets.length, 0);
    assert.equal((await score(c.member1, entry.id, good)).statusCode, 200);
    const afterOwn = await expectStatus(c.member1, 'GET', `/api/round-entries/${entry.id}`, undefined, 200);
    assert.equal(afterOwn.sheets.length, 2);
    // A submitted sheet is final.
    assert.equal((await score(c.member1, entry.id, best)).statusCode, 409);
    const third = await score(c.member2, entry.id, good);
    assert.equal(third.statusCode, 200, third.body);
    const rescore = third.json().rescoreOrdered;
    assert.ok(rescore, 'totals ~100 and ~80 are more than 10 points apart');
    assert.ok(rescore.largest > 10);
    assert.equal(rescore.pair.length, 2);

    const afterSpread = await expectStatus(c.office, 'GET', `/api/round-entries/${entry.id}`, undefined, 200);
    assert.equal(afterSpread.attempt, 2);
    assert.ok(afterSpread.events.some((e: { action: string; note: string }) => e.action === 'rescore_ordered' && /chênh nhau/.test(e.note)));
    // The re-score starts from each member's previous choices.
    const mine = await expectStatus(c.chair, 'GET', `/api/round-entries/${entry.id}/my-score`, undefined, 200);
    assert.equal(mine.status, 'none');
    assert.deepEqual(mine.choices, best);

    // Closing while a re-score is pending is refused.
    const pending = await c.office.request('POST', `/api/evaluation-rounds/${opened.id}/close`, { version: round.version + 0, sessionHeldOn: '2026-11-23', sessionPlace: 'Điện Biên' });
    assert.ok([409].includes(pending.statusCode), pending.body);

    for (const member of [c.chair, c.member1, c.member2]) assert.equal((await score(member, entry.id, good)).statusCode, 200);
    const current = await expectStatus(c.office, 'GET', `/api/evaluation-rounds/${opened.id}`, undefined, 200);
    const closed = await expectStatus(c.chair, 'POST', `/api/evaluation-rounds/${opened.id}/close`, { version: current.version, sessionHeldOn: '2026-11-23', sessionPlace: 'Hội trường UBND tỉnh Điện Biên' }, 200);
    const result = closed.entries.find((e: { id: string }) => e.id === entry.id);
    assert.equal(result.status, 'closed');
    assert.equal(result.stars, 4);
    assert.equal(result.outcome, 'recognised');
    assert.ok(result.averageTotal >= 70 && result.averageTotal < 90);

    // The minutes and the draft decision, as PDF in Vietnamese.
    assert.equal((await c.producer.request('GET', `/api/evaluation-rounds/${opened.id}/minutes.pdf`)).statusCode, 404);
    for (const [path, words] of [['minutes.pdf', ['BIÊN BẢN', 'chênh']], ['decision-draft.pdf', ['QUYẾT ĐỊNH', '4 sao']]] as const) {
      const pdf = await c.office.request('GET', `/api/evaluation-rounds/${opened.id}/${path}`);
      assert.equal(pdf.statusCode, 200, pdf.body);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const text = pdfText(pdf.rawPayload);
      if (text !== null) for (const word of [...words, entry.productName]) assert.ok(text.includes(word), `${path} mentions ${word}`);
    }

    // The decision issues the certificate (36 months) and tells the producer.
    const badDate = await c.office.request('POST', `/api/evaluation-rounds/${opened.id}/decision`, { version: closed.version, number: '123/QĐ-UBND', signedOn: '2026-12-01', signerName: 'Nguyễn Văn A' });
    assert.equal(badDate.statusCode, 400, 'signed in the future');
    const decided = await expectStatus(c.office, 'POST', `/api/evaluation-rounds/${opened.id}/decision`, { version: closed.version, number: '123/QĐ-UBND', signedOn: '2026-11-23', signerName: 'Nguyễn Văn A', signerTitle: 'Phó Chủ tịch UBND tỉnh' }, 200);
    assert.equal(decided.status, 'decided');
    const certified = decided.entries.find((e: { id: string }) => e.id === entry.id);
    assert.equal(certified.certificate.stars, 4);
    assert.equal(certified.certificate.expiresOn, '2029-11-23');
    assert.match(certified.certificate.number, /^OCOP-11-2026-\d{4}$/);
    const notices = await expectStatus(c.producer, 'GET', '/api/notifications', undefined, 200);
    assert.ok(notices.items.some((n: { kind: string; body: string }) => n.kind === 'evaluation.result' && n.body.includes(certified.certificate.number)));
    // Scoring opened and the re-score reached the chair by SMS; the result reached the producer by e-mail.
    const outbox = await t.db.pool.query<{ kind: string; subject_id: string; channel: string }>(
      `SELECT kind, subject_id, channel FROM notice_messages WHERE kind IN ('evaluation.scoring_opened', 'evaluation.rescore', 'evaluation.result') AND (dedupe_key LIKE '%' || $1 || '%')`,
      [entry.id],
    );
    const sent = outbox.rows.map((r) => `${r.kind}:${r.subject_id === c.chair.userId ? 'chair' : r.subject_id === c.producer.userId ? 'producer' : 'other'}:${r.channel}`);
    for (const expected of ['evaluation.scoring_opened:chair:sms', 'evaluation.rescore:chair:sms', 'evaluation.result:producer:email']) assert.ok(sent.includes(expected), `${expected} in ${sent.join(', ')}`);

    // Scores are immutable once the session is closed, even in the database.
    await assert.rejects(t.db.pool.query(`UPDATE member_scores SET total = 1 WHERE entry_id = $1`, [entry.id]), /cannot be changed/);
    const audit = await t.db.pool.query(`SELECT action FROM audit_events WHERE entity_id = $1 OR entity_id = $2 ORDER BY seq`, [opened.id, entry.id]);
    const actions = audit.rows.map((r) => r.action);
    for (const action of ['evaluation_round.opened', 'member_score.submitted', 'round_entry.rescore_ordered', 'evaluation_round.closed', 'evaluation_round.decided']) {
      assert.ok(actions.includes(action), `${action} is in the audit log`);
    }
  });

  test('a member with a conflict of interest neither sees nor scores that product; outsiders see nothing', async () => {
    const opened = await expectStatus(c.office, 'POST', '/api/evaluation-rounds', { level: 'province', year: 2026, kind: 'extra', title: 'Đợt bổ sung', proposalsDueOn: '2026-12-15', completeBy: '2026-12-30' }, 201);
    await seatCouncil(c, opened.id);
    const dossier = await forwardedDossier(c);
    const round = await expectStatus(c.office, 'GET', `/api/evaluation-rounds/${opened.id}`, undefined, 200);
    const entry = round.entries.find((e: { dossierId: string }) => e.dossierId === dossier.id);
    assert.ok(entry);
    // Seated members and the advisory team read the dossier (forms and evidence) they evaluate.
    for (const member of [c.member2, c.advisor]) assert.equal((await member.request('GET', `/api/dossiers/${dossier.id}`)).statusCode, 200);
    await expectStatus(c.member2, 'POST', `/api/round-entries/${entry.id}/conflict`, { reason: 'Là thành viên HTX sản xuất sản phẩm này.' }, 200);
    assert.equal((await c.member2.request('GET', `/api/dossiers/${dossier.id}`)).statusCode, 404, 'not after declaring a conflict');
    assert.equal((await c.member2.request('GET', `/api/round-entries/${entry.id}`)).statusCode, 404);
    const seen = await expectStatus(c.member2, 'GET', `/api/evaluation-rounds/${opened.id}`, undefined, 200);
    assert.ok(!seen.entries.some((e: { id: string }) => e.id === entry.id));

    // Another province's council member and the producer see nothing of the round.
    const stranger = await signIn(t.app, (await createUserRecord(t.db, { role: 'council_member', provinceCode: '12' })).username);
    assert.equal((await stranger.request('GET', `/api/evaluation-rounds/${opened.id}`)).statusCode, 404);
    assert.equal((await stranger.request('GET', `/api/dossiers/${dossier.id}`)).statusCode, 404);
    assert.equal((await c.producer.request('GET', `/api/round-entries/${entry.id}`)).statusCode, 404);
    // Seating an account of the wrong role or province is refused with every problem named.
    const wrong = await c.office.request('PUT', `/api/evaluation-rounds/${opened.id}/members`, {
      version: seen.version,
      members: [
        { userId: stranger.userId, role: 'member', agency: '' },
        { userId: c.advisor.userId, role: 'chair', agency: '' },
      ],
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().error.details.issues.length, 2);

    // A second dossier is opened for scoring but nobody scores it: closing sends it to the next round.
    const idle = await forwardedDossier(c);
    const idleEntry = (await expectStatus(c.office, 'GET', `/api/evaluation-rounds/${opened.id}`, undefined, 200)).entries.find((e: { dossierId: string }) => e.dossierId === idle.id);
    await reviewAndOpen(c, idleEntry.id);

    // Two members score (quorum 3/4 of the two expected with the chair), the round closes with 3★.
    await reviewAndOpen(c, entry.id);
    const sheet = findCriteriaSheet('26-2026', 3)!;
    const fair = choicesUpTo(sheet, 62);
    for (const member of [c.chair, c.member1]) assert.equal((await score(member, entry.id, fair)).statusCode, 200);
    const current = await expectStatus(c.office, 'GET', `/api/evaluation-rounds/${opened.id}`, undefined, 200);
    const closed = await expectStatus(c.office, 'POST', `/api/evaluation-rounds/${opened.id}/close`, { version: current.version, sessionHeldOn: '2026-11-23', sessionPlace: 'Điện Biên' }, 200);
    const result = closed.entries.find((e: { id: string }) => e.id === entry.id);
    assert.equal(result.stars, 3);
    assert.equal(result.progress.expected.find((e: { userId: string }) => e.userId === c.member2.userId).conflict, true);
    const idleAfter = await expectStatus(c.office, 'GET', `/api/round-entries/${idleEntry.id}`, undefined, 200);
    assert.equal(idleAfter.status, 'withdrawn');
    assert.ok(idleAfter.events.some((e: { action: string }) => e.action === 'withdrawn'));
  });

  test('90 points or more go to the ministry; the ministry recognises 5★ and the province certificate is superseded', async () => {
    const opened = await expectStatus(c.office, 'POST', '/api/evaluation-rounds', { level: 'province', year: 2026, kind: 'extra', title: 'Đợt bổ sung 5 sao', proposalsDueOn: '2026-12-20', completeBy: '2026-12-30' }, 201);
    await seatCouncil(c, opened.id);
    const dossier = await forwardedDossier(c);
    let round = await expectStatus(c.office, 'GET', `/api/evaluation-rounds/${opened.id}`, undefined, 200);
    const entry = round.entries.find((e: { dossierId: string }) => e.dossierId === dossier.id);
    await reviewAndOpen(c, entry.id);
    const best = extremeChoices(findCriteriaSheet('26-2026', 3)!, 'best');
    for (const member of [c.chair, c.member1, c.member2]) assert.equal((await score(member, entry.id, best)).statusCode, 200);
    round = await expectStatus(c.office, 'GET', `/api/evaluation-rounds/${opened.id}`, undefined, 200);
    round = await expectStatus(c.office, 'POST', `/api/evaluation-rounds/${opened.id}/close`, { version: round.version, sessionHeldOn: '2026-11-23', sessionPlace: 'Điện Biên' }, 200);
    assert.equal(round.entries.find((e: { id: string }) => e.id === entry.id).outcome, 'proposed_to_central');
    // A province never gives 5★ itself: no star on the entry, and its history says the result goes to the ministry.
    assert.equal(round.entries.find((e: { id: string }) => e.id === entry.id).stars, null);
    const proposed = await expectStatus(c.office, 'GET', `/api/round-entries/${entry.id}`, undefined, 200);
    const closedNote = proposed.events.find((e: { action: string }) => e.action === 'closed').note as string;
    assert.match(closedNote, /tỉnh phê duyệt kết quả và đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận 5 sao/);
    assert.doesNotMatch(closedNote, /, 5 sao:/);
    round = await expectStatus(c.office, 'POST', `/api/evaluation-rounds/${opened.id}/decision`, { version: round.version, number: '200/QĐ-UBND', signedOn: '2026-11-23', signerName: 'Nguyễn Văn A' }, 200);
    assert.equal(round.entries.find((e: { id: string }) => e.id === entry.id).certificate, null, 'no provincial certificate for a 5★ candidate');

    // The province cannot open a central round; the ministry can, and the proposal joins it.
    assert.equal((await c.office.request('POST', '/api/evaluation-rounds', { level: 'central', year: 2026, kind: 'extra', title: 'Đợt TW', proposalsDueOn: '2026-12-20', completeBy: '2026-12-30' })).statusCode, 403);
    const central = await expectStatus(c.ministry, 'POST', '/api/evaluation-rounds', { level: 'central', year: 2026, kind: 'extra', title: 'Đợt 5 sao cuối năm', proposalsDueOn: '2026-12-20', completeBy: '2026-12-30' }, 201);
    const centralEntry = central.entries.find((e: { dossierId: string }) => e.dossierId === dossier.id);
    assert.ok(centralEntry, 'the province’s proposal joined the ministry’s round');
    assert.equal(centralEntry.proposedByEntryId, entry.id);

    const seat = async (role: 'council_member' | 'advisory_member') => signIn(t.app, (await createUserRecord(t.db, { role })).username);
    const [chair, m1, m2, advisor] = [await seat('council_member'), await seat('council_member'), await seat('council_member'), await seat('advisory_member')];
    await expectStatus(c.ministry, 'PUT', `/api/evaluation-rounds/${central.id}/members`, {
      version: central.version,
      members: [
        { userId: chair.userId, role: 'chair', agency: 'Bộ NN&MT' },
        { userId: m1.userId, role: 'member', agency: 'Bộ Công Thương' },
        { userId: m2.userId, role: 'member', agency: 'Bộ Y tế' },
        { userId: advisor.userId, role: 'advisory', agency: 'Văn phòng Điều phối NTM TW' },
      ],
    }, 200);
    const reported = await expectStatus(advisor, 'POST', `/api/round-entries/${centralEntry.id}/advisory`, { action: 'advisory_report', note: 'Đủ điều kiện đánh giá 5 sao.', version: centralEntry.version }, 200);
    await expectStatus(chair, 'POST', `/api/round-entries/${centralEntry.id}/open-scoring`, { version: reported.version }, 200);
    for (const member of [chair, m1, m2]) assert.equal((await score(member, centralEntry.id, best)).statusCode, 200);
    let cr = await expectStatus(c.ministry, 'GET', `/api/evaluation-rounds/${central.id}`, undefined, 200);
    cr = await expectStatus(chair, 'POST', `/api/evaluation-rounds/${central.id}/close`, { version: cr.version, sessionHeldOn: '2026-11-23', sessionPlace: 'Hà Nội' }, 200);
    cr = await expectStatus(c.ministry, 'POST', `/api/evaluation-rounds/${central.id}/decision`, { version: cr.version, number: '55/QĐ-BNNMT', signedOn: '2026-11-23', signerName: 'Bộ trưởng' }, 200);
    const five = cr.entries.find((e: { id: string }) => e.id === centralEntry.id);
    assert.equal(five.certificate.stars, 5);
    assert.match(five.certificate.number, /^OCOP-TW-2026-/);
    const row = await t.db.pool.query(`SELECT issuing_body, level FROM certificates WHERE id = $1`, [five.certificate.id]);
    assert.deepEqual(row.rows[0], { issuing_body: 'Bộ Nông nghiệp và Môi trường', level: 'central' });
    // 5★: the province may not also recognise it from the central result.
    const again = await c.office.request('POST', `/api/round-entries/${entry.id}/recognise-from-central`, { version: 1, decisionNumber: '1/QĐ', signedOn: '2026-11-23' });
    assert.equal(again.statusCode, 409);
  });

  test('below 90 at the ministry, the province recognises the product from the central result (Đ.7.4)', async () => {
    const sheet = findCriteriaSheet('26-2026', 3)!;
    const opened = await expectStatus(c.office, 'POST', '/api/evaluation-rounds', { level: 'province', year: 2026, kind: 'extra', title: 'Đợt bổ sung tháng 12', proposalsDueOn: '2026-12-21', completeBy: '2026-12-30' }, 201);
    await seatCouncil(c, opened.id);
    const dossier = await forwardedDossier(c);
    let round = await expectStatus(c.office, 'GET', `/api/evaluation-rounds/${opened.id}`, undefined, 200);
    const entry = round.entries.find((e: { dossierId: string }) => e.dossierId === dossier.id);
    await reviewAndOpen(c, entry.id);
    for (const member of [c.chair, c.member1, c.member2]) assert.equal((await score(member, entry.id, extremeChoices(sheet, 'best'))).statusCode, 200);
    round = await expectStatus(c.office, 'GET', `/api/evaluation-rounds/${opened.id}`, undefined, 200);
    round = await expectStatus(c.office, 'POST', `/api/evaluation-rounds/${opened.id}/close`, { version: round.version, sessionHeldOn: '2026-11-23', sessionPlace: 'Điện Biên' }, 200);
    await expectStatus(c.office, 'POST', `/api/evaluation-rounds/${opened.id}/decision`, { version: round.version, number: '300/QĐ-UBND', signedOn: '2026-11-23', signerName: 'Nguyễn Văn A' }, 200);
    const early = await c.office.request('POST', `/api/round-entries/${entry.id}/recognise-from-central`, { version: 1, decisionNumber: '301/QĐ-UBND', signedOn: '2026-11-23' });
    assert.equal(early.statusCode, 409, 'no central result yet');

    const central = await expectStatus(c.ministry, 'POST', '/api/evaluation-rounds', { level: 'central', year: 2026, kind: 'extra', title: 'Đợt 5 sao bổ sung', proposalsDueOn: '2026-12-21', completeBy: '2026-12-30' }, 201);
    const centralEntry = central.entries.find((e: { dossierId: string }) => e.dossierId === dossier.id);
    const seat = async (role: 'council_member' | 'advisory_member') => signIn(t.app, (await createUserRecord(t.db, { role })).username);
    const [chair, m1, m2, advisor] = [await seat('council_member'), await seat('council_member'), await seat('council_member'), await seat('advisory_member')];
    await expectStatus(c.ministry, 'PUT', `/api/evaluation-rounds/${central.id}/members`, {
      version: central.version,
      members: [
        { userId: chair.userId, role: 'chair', agency: 'Bộ NN&MT' },
        { userId: m1.userId, role: 'member', agency: 'Bộ Công Thương' },
        { userId: m2.userId, role: 'member', agency: 'Bộ Y tế' },
        { userId: advisor.userId, role: 'advisory', agency: 'Văn phòng Điều phối' },
      ],
    }, 200);
    const reported = await expectStatus(advisor, 'POST', `/api/round-entries/${centralEntry.id}/advisory`, { action: 'advisory_report', note: 'Chưa đạt mức 5 sao ở phần C.', version: centralEntry.version }, 200);
    await expectStatus(chair, 'POST', `/api/round-entries/${centralEntry.id}/open-scoring`, { version: reported.version }, 200);
    for (const member of [chair, m1, m2]) assert.equal((await score(member, centralEntry.id, choicesUpTo(sheet, 80))).statusCode, 200);
    let cr = await expectStatus(c.ministry, 'GET', `/api/evaluation-rounds/${central.id}`, undefined, 200);
    cr = await expectStatus(chair, 'POST', `/api/evaluation-rounds/${central.id}/close`, { version: cr.version, sessionHeldOn: '2026-11-23', sessionPlace: 'Hà Nội' }, 200);
    assert.equal(cr.entries.find((e: { id: string }) => e.id === centralEntry.id).outcome, 'not_recognised');
    cr = await expectStatus(c.ministry, 'POST', `/api/evaluation-rounds/${central.id}/decision`, { version: cr.version, number: '60/QĐ-BNNMT', signedOn: '2026-11-23', signerName: 'Bộ trưởng' }, 200);
    assert.equal(cr.entries.find((e: { id: string }) => e.id === centralEntry.id).certificate, null);

    const provinceEntry = await expectStatus(c.office, 'GET', `/api/round-entries/${entry.id}`, undefined, 200);
    const recognised = await expectStatus(c.office, 'POST', `/api/round-entries/${entry.id}/recognise-from-central`, { version: provinceEntry.version, decisionNumber: '310/QĐ-UBND', signedOn: '2026-11-23' }, 200);
    assert.equal(recognised.outcome, 'recognised_from_central');
    assert.equal(recognised.certificate.stars, 4);
    assert.match(recognised.certificate.number, /^OCOP-11-2026-/);
  });

  test('the organiser corrects an open round’s settings; the council’s rule freezes once a sheet is in', async () => {
    // Last in this file: the round stays the only open one of the province, so the dossier below joins it.
    const opened = await expectStatus(c.office, 'POST', '/api/evaluation-rounds', { level: 'province', year: 2026, kind: 'extra', title: 'Đợt bổ sung cuối năm', proposalsDueOn: '2026-12-10', completeBy: '2026-12-28' }, 201);
    const url = `/api/evaluation-rounds/${opened.id}`;
    const edited = await expectStatus(c.office, 'PATCH', url, { version: opened.version, title: 'Đợt bổ sung tháng 12/2026', completeBy: '2026-12-30', maxSpread: 8, quorumFraction: 0.6 }, 200);
    assert.equal(edited.title, 'Đợt bổ sung tháng 12/2026');
    assert.equal(edited.completeBy, '2026-12-30');
    assert.equal(edited.proposalsDueOn, '2026-12-10', 'fields not sent are kept');
    assert.equal(edited.maxSpread, 8);
    assert.equal(edited.quorumFraction, 0.6);
    assert.equal(edited.version, opened.version + 1);
    const audit = await t.db.pool.query(`SELECT before, after FROM audit_events WHERE entity_id = $1 AND action = 'evaluation_round.settings_changed'`, [opened.id]);
    assert.equal(audit.rows.length, 1);
    assert.deepEqual(audit.rows[0].before, { title: 'Đợt bổ sung cuối năm', completeBy: '2026-12-28', maxSpread: 10, quorumFraction: 0.75 });
    assert.deepEqual(audit.rows[0].after, { title: 'Đợt bổ sung tháng 12/2026', completeBy: '2026-12-30', maxSpread: 8, quorumFraction: 0.6 });

    // A stale version, a non-organiser, and someone who cannot see the round are refused.
    const stale = await c.office.request('PATCH', url, { version: opened.version, title: 'Tên khác' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.json().error.message, /vừa được người khác cập nhật/);
    assert.equal((await c.ministry.request('PATCH', url, { version: edited.version, title: 'Tên của Bộ' })).statusCode, 403, 'the ministry sees but does not run a province round');
    const otherOffice = await signIn(t.app, (await createUserRecord(t.db, { role: 'province_office', provinceCode: '12' })).username);
    assert.equal((await otherOffice.request('PATCH', url, { version: edited.version, title: 'Tên khác' })).statusCode, 404);

    // Every problem with the dates at once: completion in the past, and before the proposal deadline.
    const badDates = await c.office.request('PATCH', url, { version: edited.version, proposalsDueOn: '2026-12-20', completeBy: '2026-11-20' });
    assert.equal(badDates.statusCode, 400);
    const issues = badDates.json().error.details.issues;
    assert.equal(issues.length, 2, JSON.stringify(issues));
    assert.ok(issues.every((issue: { path: string; message: string }) => issue.path === 'completeBy' && /[ạảờ]/.test(issue.message)));
    // Moving only the proposal deadline past the completion date names that field.
    const late = await c.office.request('PATCH', url, { version: edited.version, proposalsDueOn: '2027-01-05' });
    assert.deepEqual(late.json().error.details.issues.map((issue: { path: string }) => issue.path), ['proposalsDueOn']);

    // Once a member has submitted a sheet, the council's rule is frozen; the title and dates may still be corrected.
    await seatCouncil(c, opened.id);
    const dossier = await forwardedDossier(c);
    let round = await expectStatus(c.office, 'GET', url, undefined, 200);
    const entry = round.entries.find((e: { dossierId: string }) => e.dossierId === dossier.id);
    assert.ok(entry, 'the forwarded dossier joined this round');
    await reviewAndOpen(c, entry.id);
    assert.equal((await score(c.chair, entry.id, choicesUpTo(findCriteriaSheet('26-2026', 3)!, 70))).statusCode, 200);
    round = await expectStatus(c.office, 'GET', url, undefined, 200);
    for (const change of [{ maxSpread: 12 }, { quorumFraction: 0.5 }, { chairRequired: false }]) {
      const frozen = await c.office.request('PATCH', url, { version: round.version, ...change });
      assert.equal(frozen.statusCode, 409, JSON.stringify(change));
      assert.match(frozen.json().error.message, /nộp phiếu chấm/);
    }
    // Sending the rule unchanged (as a form does) is not a change.
    round = await expectStatus(c.office, 'PATCH', url, { version: round.version, title: 'Đợt bổ sung tháng 12', maxSpread: 8, quorumFraction: 0.6, chairRequired: true }, 200);
    assert.equal(round.title, 'Đợt bổ sung tháng 12');
    assert.equal(round.maxSpread, 8);

    // Once the session is closed, nothing changes any more.
    round = await expectStatus(c.office, 'POST', `${url}/close`, { version: round.version, sessionHeldOn: '2026-11-23', sessionPlace: 'Điện Biên' }, 200);
    const closed = await c.office.request('PATCH', url, { version: round.version, title: 'Sau phiên họp' });
    assert.equal(closed.statusCode, 409);
    assert.equal(closed.json().error.code, 'INVALID_TRANSITION');
  });
});

/**
 * Demo data of evaluation (issue 5), made through the same use cases the screens call, so it is what a
 * real province would have: Lai Châu's provincial office opens this year's second round and seats its
 * council (a chair and two members) and advisory team; HTX Mường Than files "Chè Shan tuyết Mường Than",
 * the commune of Than Uyên checks and forwards it, it joins the round, the advisory team visits and
 * reports, and the council is invited to score. Logging in as `chutich.laichau`, `hoidong.laichau` or
 * `hoidong2.laichau` shows the sheet to score. Idempotent: skipped when the demo round exists.
 */
import type { Actor } from '../core/auth/actor.ts';
import { today } from '../core/clock/index.ts';
import type { Sql } from '../core/db/database.ts';
import type { AppContext } from '../core/http/types.ts';
import { createDossier, forwardDossierToProvince, receiveDossier, recordCommuneCheck, submitDossier } from '../features/dossiers/index.ts';
import { openRound, openScoring, recordAdvisoryWork, setRoundMembers } from '../features/evaluations/index.ts';
import { collectLeafCriteria, findCriteriaSheet } from '../features/rule-sets/index.ts';
import { createSelfAssessment } from '../features/self-assessments/index.ts';
import * as repository from './demo.repository.ts';

const ROUND_TITLE = 'Đợt 2 — đánh giá, phân hạng sản phẩm OCOP tỉnh Lai Châu';

async function actorOf(sql: Sql, username: string): Promise<Actor> {
  const actor = await repository.findDemoActor(sql, username);
  if (!actor) throw new Error(`demo account ${username} is missing`);
  return actor;
}

/** A producer's honest self-assessment: the best option everywhere except a few criteria left at their lowest. */
function selfAssessedChoices(productSetNumber: number): Record<string, string> {
  const leaves = collectLeafCriteria(findCriteriaSheet('26-2026', productSetNumber)!);
  return Object.fromEntries(
    leaves.map((leaf, index) => {
      const sorted = [...leaf.options].sort((a, b) => a.points - b.points);
      const unmarked = leaf.options.every((o) => o.minStars === null);
      return [leaf.code, (unmarked && index % 4 === 1 ? sorted[0] : sorted.at(-1))!.id];
    }),
  );
}

export async function seedDemoEvaluations(ctx: AppContext): Promise<void> {
  const pool = ctx.db.pool;
  if (await repository.hasRoundTitled(pool, ROUND_TITLE)) return;
  const [office, officer, producer, chair, member, member2, advisor] = await Promise.all(
    ['tinh.laichau', 'xa.thanuyen', 'chuthe.muongthan', 'chutich.laichau', 'hoidong.laichau', 'hoidong2.laichau', 'tgv.laichau'].map((u) => actorOf(pool, u)),
  );
  const year = Number(today(ctx.clock).slice(0, 4));
  const round = await openRound(ctx, office!, {
    level: 'province',
    year,
    kind: 'extra',
    title: ROUND_TITLE,
    proposalsDueOn: today(ctx.clock),
    completeBy: `${year}-12-30` > today(ctx.clock) ? `${year}-12-30` : today(ctx.clock),
  });
  await setRoundMembers(ctx, office!, round.id, {
    version: round.version,
    members: [
      { userId: chair!.userId, role: 'chair', agency: 'UBND tỉnh Lai Châu' },
      { userId: member!.userId, role: 'member', agency: 'Sở Nông nghiệp và Môi trường' },
      { userId: member2!.userId, role: 'member', agency: 'Sở Công Thương' },
      { userId: advisor!.userId, role: 'advisory', agency: 'Chi cục Phát triển nông thôn' },
    ],
  });

  const productSetNumber = 9; // Chè
  const selfAssessment = await createSelfAssessment(ctx, producer!, {
    producerId: producer!.producerId!,
    productName: 'Chè Shan tuyết Mường Than',
    productSetNumber,
    choices: selfAssessedChoices(productSetNumber),
  });
  let dossier = await createDossier(ctx, producer!, {
    type: 'first',
    selfAssessmentId: selfAssessment.id,
    representativeName: 'Lò Văn Thanh',
    representativePosition: 'Giám đốc HTX',
    address: 'Bản Mường Than, xã Than Uyên, tỉnh Lai Châu',
    phone: '0912 345 678',
    sampleCount: 5,
    commitmentAccepted: true,
    productStory: 'Chè Shan tuyết cổ thụ trên sườn núi Hoàng Liên, hái một tôm hai lá, sao tay trên chảo gang.',
  });
  dossier = await submitDossier(ctx, producer!, dossier.id, dossier.version);
  dossier = await receiveDossier(ctx, officer!, dossier.id, dossier.version);
  const assessment = (text: string) => ({ assessment: text, passed: true });
  dossier = await recordCommuneCheck(ctx, officer!, dossier.id, {
    version: dossier.version,
    dossierComplete: true,
    origin: assessment('Chè nguyên liệu thu hái tại các bản của xã Than Uyên.'),
    localLabour: assessment('25/28 lao động của HTX là người trong xã.'),
    ideaOrigin: assessment('Ý tưởng từ nghề chè truyền thống của bản Mường Than.'),
    localIdentity: assessment('Gắn với văn hóa chè Shan tuyết của người Mông, người Thái.'),
    conclusion: 'Đề nghị tỉnh đánh giá, phân hạng.',
  });
  await forwardDossierToProvince(ctx, officer!, dossier.id, dossier.version); // joins the open round

  const entry = (await repository.findRoundEntry(pool, round.id, dossier.id))!;
  let detail = await recordAdvisoryWork(ctx, advisor!, entry.id, { action: 'site_visit', note: 'Khảo sát vùng chè cổ thụ và xưởng sao chè của HTX.', version: entry.version });
  detail = await recordAdvisoryWork(ctx, advisor!, entry.id, { action: 'advisory_report', note: 'Hồ sơ đầy đủ, sản phẩm có tiềm năng 4 sao; đề nghị Hội đồng chấm điểm.', version: detail.version });
  await openScoring(ctx, chair!, entry.id, detail.version);
}

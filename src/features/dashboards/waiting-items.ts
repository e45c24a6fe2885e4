import type { Actor } from '../../core/auth/actor.ts';
import { addDays, toLocalDate, type LocalDate } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import { countPlansInStatuses, planVisibility } from '../business-plans/index.ts';
import { countReEvaluationWindows, listOverdueRevocations, RE_EVALUATION_WINDOW, REVOCATION_DEADLINE_DAYS } from '../certificates/index.ts';
import { countDossiersInStatuses, dossierVisibility, type DossierCount } from '../dossiers/index.ts';
import { countDossiersWaitingForRound, countProposalsToCentral, hasOpenRound, listRoundsToFinish, listSheetsToScore } from '../evaluations/index.ts';
import type { DashboardScope } from './dashboards.policy.ts';
import type { WaitingItem, WaitingKind } from './dashboards.schemas.ts';

/** Days ahead a re-evaluation window opening or closing is shown (issue 13). */
export const WINDOW_NOTICE_DAYS = 30;
/** Records listed one by one at most (rounds, sheets, revocations); the list behind the link has the rest. */
const ITEM_LIMIT = 20;

const group = (kind: WaitingKind, title: string, count: number, link: string, dueAt: LocalDate | null, overdue: boolean): WaitingItem => ({
  kind, title, count, id: null, link, dueAt, overdue,
});
const record = (kind: WaitingKind, title: string, id: string, link: string, dueAt: LocalDate | null, overdue: boolean): WaitingItem => ({
  kind, title, count: null, id, link, dueAt, overdue,
});
const dayOf = (instant: Date | null): LocalDate | null => (instant ? toLocalDate(instant) : null);

function dossierGroup(kind: WaitingKind, what: string, counted: DossierCount, link: string): WaitingItem[] {
  if (counted.count === 0) return [];
  const late = counted.overdue > 0 ? ` (${counted.overdue} quá hạn)` : '';
  return [group(kind, `${counted.count} ${what}${late}`, counted.count, link, dayOf(counted.firstDueAt), counted.overdue > 0)];
}

/** Overdue first, then the nearest deadline, then those without one. */
export function sortWaiting(items: WaitingItem[]): WaitingItem[] {
  return [...items].sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    if (a.dueAt !== b.dueAt) return a.dueAt === null ? 1 : b.dueAt === null ? -1 : a.dueAt < b.dueAt ? -1 : 1;
    return a.title.localeCompare(b.title, 'vi');
  });
}

async function reEvaluationWindows(sql: Sql, scope: DashboardScope, today: LocalDate): Promise<WaitingItem[]> {
  const { opening, closing } = await countReEvaluationWindows(sql, scope, today, RE_EVALUATION_WINDOW, WINDOW_NOTICE_DAYS);
  const items: WaitingItem[] = [];
  if (opening.count > 0) {
    items.push(group('re_evaluation_window_opening', `${opening.count} giấy chứng nhận đến kỳ nộp hồ sơ đánh giá lại trong ${WINDOW_NOTICE_DAYS} ngày tới`,
      opening.count, '/admin/certificates?status=valid', opening.firstOn, false));
  }
  if (closing.count > 0) {
    items.push(group('re_evaluation_window_closing', `${closing.count} giấy chứng nhận hết hạn nộp hồ sơ đánh giá lại trong ${WINDOW_NOTICE_DAYS} ngày tới, chưa nộp`,
      closing.count, '/admin/certificates?status=expiring', closing.firstOn, false));
  }
  return items;
}

async function overdueRevocations(sql: Sql, scope: DashboardScope, today: LocalDate): Promise<WaitingItem[]> {
  const pending = await listOverdueRevocations(sql, scope, today, REVOCATION_DEADLINE_DAYS, ITEM_LIMIT);
  return pending.map((p) =>
    record('revocation_overdue', `Quá ${REVOCATION_DEADLINE_DAYS} ngày chưa quyết định thu hồi giấy chứng nhận ${p.number} (${p.productName}) sau kết luận vi phạm`,
      p.certificateId, `/admin/certificates/${p.certificateId}`, addDays(p.findingOn, REVOCATION_DEADLINE_DAYS), true),
  );
}

async function roundsToFinish(sql: Sql, filter: Parameters<typeof listRoundsToFinish>[1], today: LocalDate): Promise<WaitingItem[]> {
  const rounds = await listRoundsToFinish(sql, filter);
  return rounds.slice(0, ITEM_LIMIT).map((round) =>
    round.status === 'open'
      ? record('round_to_close', `Kết thúc đợt đánh giá “${round.title}” (${round.openEntries} sản phẩm chưa có kết quả)`, round.id,
          `/admin/evaluations/${round.id}`, round.completeBy, round.completeBy < today)
      : record('decision_to_record', `Ghi nhận quyết định công nhận của đợt “${round.title}”`, round.id, `/admin/evaluations/${round.id}`, round.completeBy,
          round.completeBy < today),
  );
}

async function communeItems(sql: Sql, actor: Actor, now: Date): Promise<WaitingItem[]> {
  const visibility = dossierVisibility(actor)!;
  const [toReceive, toCheck, plans] = await Promise.all([
    countDossiersInStatuses(sql, visibility, ['submitted'], now),
    countDossiersInStatuses(sql, visibility, ['commune_reviewing', 'resubmitted'], now),
    countPlansInStatuses(sql, planVisibility(actor), ['submitted', 'forwarding_overdue'], now),
  ]);
  return [
    ...dossierGroup('dossiers_to_receive', 'hồ sơ chờ tiếp nhận', toReceive, '/admin/dossiers?status=submitted'),
    ...dossierGroup('dossiers_to_check', 'hồ sơ đang kiểm tra, chờ chuyển tỉnh hoặc yêu cầu bổ sung', toCheck, '/admin/dossiers?status=commune_reviewing'),
    ...dossierGroup('business_plans_to_forward', 'phương án sản xuất kinh doanh chờ chuyển tỉnh', plans, '/admin/business-plans/due'),
  ];
}

async function provinceItems(sql: Sql, actor: Actor, provinceCode: string, now: Date, today: LocalDate): Promise<WaitingItem[]> {
  const [plans, waiting, open, rounds] = await Promise.all([
    countPlansInStatuses(sql, planVisibility(actor), ['forwarded'], now),
    countDossiersWaitingForRound(sql, provinceCode),
    hasOpenRound(sql, 'province', provinceCode),
    roundsToFinish(sql, { level: 'province', provinceCode }, today),
  ]);
  const items = [...dossierGroup('business_plans_to_review', 'phương án sản xuất kinh doanh chờ tỉnh xem xét', plans, '/admin/business-plans?status=forwarded'), ...rounds];
  if (waiting.count > 0) {
    items.push(
      open
        ? group('dossiers_waiting_for_round', `${waiting.count} hồ sơ xã đã chuyển, chưa vào đợt đánh giá`, waiting.count, '/admin/dossiers?status=forwarded_to_province', dayOf(waiting.firstForwardedAt), false)
        : group('round_to_open', `Mở đợt đánh giá: ${waiting.count} hồ sơ xã đã chuyển đang chờ`, waiting.count, '/admin/evaluations', dayOf(waiting.firstForwardedAt), false),
    );
  }
  return items;
}

async function ministryItems(sql: Sql, today: LocalDate): Promise<WaitingItem[]> {
  const [proposals, open, rounds] = await Promise.all([countProposalsToCentral(sql), hasOpenRound(sql, 'central', null), roundsToFinish(sql, { level: 'central', provinceCode: null }, today)]);
  const items = [...rounds];
  if (proposals.count > 0) {
    const title = open
      ? `${proposals.count} sản phẩm tỉnh đề nghị công nhận 5 sao, chưa vào đợt đánh giá`
      : `Mở đợt đánh giá 5 sao: ${proposals.count} sản phẩm tỉnh đề nghị đang chờ`;
    items.push(group('five_star_proposals', title, proposals.count, '/admin/evaluations', dayOf(proposals.firstProposedAt), false));
  }
  return items;
}

async function councilItems(sql: Sql, actor: Actor, today: LocalDate): Promise<WaitingItem[]> {
  const sheets = await listSheetsToScore(sql, actor.userId, ITEM_LIMIT);
  return sheets.map((s) =>
    record('sheets_to_score', `Chấm điểm “${s.productName}” (đợt “${s.roundTitle}”)`, s.entryId, `/admin/evaluations/entries/${s.entryId}`, s.completeBy, s.completeBy < today),
  );
}

/** What waits for an official, by role and scope (a producer's next steps are in producer-overview.ts). */
export async function listWaitingItems(sql: Sql, actor: Actor, scope: DashboardScope, now: Date): Promise<WaitingItem[]> {
  const today = toLocalDate(now);
  const all = async (...parts: Array<Promise<WaitingItem[]>>) => sortWaiting((await Promise.all(parts)).flat());
  switch (actor.role) {
    case 'commune_officer':
      return all(communeItems(sql, actor, now), reEvaluationWindows(sql, scope, today));
    case 'province_office':
      if (!actor.provinceCode) return [];
      return all(provinceItems(sql, actor, actor.provinceCode, now, today), reEvaluationWindows(sql, scope, today), overdueRevocations(sql, scope, today));
    case 'ministry_officer':
    case 'system_admin':
      return all(ministryItems(sql, today), reEvaluationWindows(sql, scope, today), overdueRevocations(sql, scope, today));
    case 'council_member':
      return all(councilItems(sql, actor, today));
    case 'advisory_member':
    case 'producer':
      return [];
  }
}

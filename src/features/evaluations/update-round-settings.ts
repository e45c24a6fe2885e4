import { recordAuditEvent } from '../../core/audit.ts';
import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { today } from '../../core/clock/index.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, forbidden, invalidInput, type FieldIssue } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { canManageRound } from './evaluations.policy.ts';
import * as repository from './evaluations.repository.ts';
import type { RoundSettings } from './evaluations.repository.ts';
import type { RoundDetail, RoundSettingsInput } from './evaluations.schemas.ts';
import { getRoundDetail } from './read-round.ts';
import { loadRound } from './round-access.ts';
import { invalidTransition, roundAllows } from './round-status.ts';

const settingKeys = ['title', 'proposalsDueOn', 'completeBy', 'maxSpread', 'quorumFraction', 'chairRequired'] as const;
/** The council's operating rule (quy chế hoạt động): frozen once scoring has begun. */

const councilRuleKeys: ReadonlySet<keyof RoundSettings> = new Set(['maxSpread', 'quorumFraction', 'chairRequired']);

/**
 * The organiser corrects an open round's settings: title, dates, and the council's rule (spread limit,
 * quorum, chair required). Only fields that differ from the round are changed; nothing to change answers
 * the round as it is. Audited with the changed fields before and after.
 *
 * The round's maxSpread, quorumFraction and chairRequired are read when they are applied: the spread at
 * each submission that completes an attempt (score-entry), the quorum when the session closes
 * (close-round). A change therefore applies to scoring from then on, not to what was decided already —
 * which is why the council's rule is refused once any entry of the round has a submitted sheet: the rule
 * must not change mid-scoring.
 */
export async function updateRoundSettings(ctx: AppContext, actor: Actor, roundId: string, input: RoundSettingsInput, requestId?: string): Promise<RoundDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const { round } = await loadRound(tx, actor, roundId, { forUpdate: true });
    if (!canManageRound(actor, round)) throw forbidden('Chỉ cơ quan tổ chức đợt đánh giá mới sửa thông tin của đợt.');
    if (round.version !== input.version) throw conflict('Đợt đánh giá vừa được người khác cập nhật. Hãy tải lại.', 'Changed by someone else.');
    if (!roundAllows(round.status, 'changeSettings')) throw invalidTransition('Đợt đánh giá đã kết thúc phiên họp: không sửa thông tin của đợt được nữa.', 'The round is closed.');
    // Numbers compared at the columns' precision (numeric(5,2), numeric(4,3)), so that resending the value shown is no change.
    const wanted: Partial<RoundSettings> = {
      ...input,
      ...(input.maxSpread !== undefined ? { maxSpread: Math.round(input.maxSpread * 100) / 100 } : {}),
      ...(input.quorumFraction !== undefined ? { quorumFraction: Math.round(input.quorumFraction * 1000) / 1000 } : {}),
    };
    const changes: Partial<RoundSettings> = {};
    for (const key of settingKeys) {
      if (wanted[key] !== undefined && wanted[key] !== round[key]) Object.assign(changes, { [key]: wanted[key] });
    }
    const changed = Object.keys(changes) as Array<keyof RoundSettings>;
    if (changed.length === 0) return getRoundDetail(tx, actor, roundId);
    if (changed.some((key) => councilRuleKeys.has(key)) && (await repository.hasSubmittedSheet(tx, roundId))) {
      throw conflict(
        'Đã có thành viên nộp phiếu chấm trong đợt này: không thay đổi mức chênh lệch tối đa, số thành viên chấm tối thiểu hay yêu cầu có Chủ tịch được nữa.',
        'Scoring has begun: the council rule can no longer change.',
      );
    }
    const issues: FieldIssue[] = [];
    const proposalsDueOn = changes.proposalsDueOn ?? round.proposalsDueOn;
    const completeBy = changes.completeBy ?? round.completeBy;
    if (changes.completeBy && changes.completeBy < today(ctx.clock)) {
      issues.push({ path: 'completeBy', message: 'Thời hạn hoàn thành không được trước ngày hôm nay.', messageEn: 'Must not be in the past.' });
    }
    if (changes.quorumFraction === 0) issues.push({ path: 'quorumFraction', message: 'Số thành viên chấm tối thiểu phải lớn hơn 0.', messageEn: 'Must be above zero.' });
    if (completeBy < proposalsDueOn) {
      issues.push(
        changes.completeBy
          ? { path: 'completeBy', message: 'Thời hạn hoàn thành phải sau hạn nhận hồ sơ.', messageEn: 'Must be after the proposal deadline.' }
          : { path: 'proposalsDueOn', message: 'Hạn nhận hồ sơ phải trước thời hạn hoàn thành của đợt.', messageEn: 'Must be before the completion date.' },
      );
    }
    if (issues.length) throw invalidInput(issues);
    const before = Object.fromEntries(changed.map((key) => [key, round[key]]));
    const now = ctx.clock.now();
    await repository.updateRoundSettings(tx, roundId, changes, now);
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'evaluation_round.settings_changed', entityType: 'evaluation_round', entityId: roundId, before, after: changes, requestId, occurredAt: now });
    return getRoundDetail(tx, actor, roundId);
  });
}

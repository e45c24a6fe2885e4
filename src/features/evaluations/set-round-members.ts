import { recordAuditEvent } from '../../core/audit.ts';
import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { withTransaction } from '../../core/db/database.ts';
import { conflict, forbidden, invalidInput, type FieldIssue } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { notify } from '../notifications/index.ts';
import { findAccounts } from '../users/index.ts';
import { canManageRound, eligibleRoles } from './evaluations.policy.ts';
import * as repository from './evaluations.repository.ts';
import type { MembersInput, RoundDetail } from './evaluations.schemas.ts';
import { getRoundDetail } from './read-round.ts';
import { loadRound } from './round-access.ts';
import { listRoundMembers } from './round-members.ts';
import { roundAllows } from './round-status.ts';

/**
 * Appoints the council (one chair, members with their agencies) and the advisory team (Đ.7.3.b). Council
 * seats go to council-member accounts, advisory seats to advisory-member accounts, of the round's province
 * (any province for the ministry's rounds). Allowed while the round is open; audited.
 */
export async function setRoundMembers(ctx: AppContext, actor: Actor, roundId: string, input: MembersInput, requestId?: string): Promise<RoundDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const { round } = await loadRound(tx, actor, roundId, { forUpdate: true });
    if (!canManageRound(actor, round)) throw forbidden('Chỉ cơ quan tổ chức đợt đánh giá mới cử thành viên hội đồng và tổ tư vấn.');
    if (round.version !== input.version) throw conflict('Đợt đánh giá vừa được người khác cập nhật. Hãy tải lại.', 'Changed by someone else.');
    if (!roundAllows(round.status, 'setMembers')) throw conflict('Đợt đánh giá đã kết thúc phiên họp: không thay đổi thành phần được nữa.', 'The round is closed.');
    const users = await findAccounts(tx, input.members.map((m) => m.userId));
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    input.members.forEach((member, index) => {
      const user = users.find((u) => u.id === member.userId);
      const path = `members.${index}.userId`;
      if (seen.has(member.userId)) issues.push({ path, message: 'Mỗi người chỉ giữ một vị trí trong đợt đánh giá.', messageEn: 'Listed twice.' });
      seen.add(member.userId);
      if (!user || !user.isActive) return issues.push({ path, message: 'Tài khoản không tồn tại hoặc đã bị khóa.', messageEn: 'Unknown or inactive account.' });
      if (!eligibleRoles[member.role].includes(user.role)) {
        issues.push({
          path,
          message: member.role === 'advisory' ? `${user.displayName} không có tài khoản thành viên tổ tư vấn.` : `${user.displayName} không có tài khoản thành viên hội đồng.`,
          messageEn: 'Wrong account role for this seat.',
        });
      } else if (round.level === 'province' && user.provinceCode !== round.provinceCode) {
        issues.push({ path, message: `${user.displayName} không thuộc tỉnh tổ chức đợt đánh giá.`, messageEn: 'Not of this province.' });
      }
      return undefined;
    });
    const chairs = input.members.filter((m) => m.role === 'chair').length;
    if (chairs > 1) issues.push({ path: 'members', message: 'Hội đồng chỉ có một Chủ tịch.', messageEn: 'One chair only.' });
    if (issues.length) throw invalidInput(issues);
    const before = await listRoundMembers(tx, roundId);
    const now = ctx.clock.now();
    await repository.replaceMembers(tx, roundId, input.members, now);
    await repository.updateRound(tx, roundId, {}, now);
    const after = await listRoundMembers(tx, roundId);
    const added = after.filter((m) => !before.some((b) => b.userId === m.userId));
    for (const member of added) {
      await notify(
        tx,
        [{ userId: member.userId }],
        {
          kind: 'evaluation.appointed',
          title: `Anh/chị được cử vào ${member.role === 'advisory' ? 'Tổ tư vấn' : 'Hội đồng'}: ${round.title}`,
          link: `/admin/evaluations/${roundId}`,
          dedupeKey: `evaluation.appointed:${roundId}:${member.role}`,
        },
        now,
      );
    }
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'evaluation_round.members_set', entityType: 'evaluation_round', entityId: roundId, before, after, requestId, occurredAt: now });
    return getRoundDetail(tx, actor, roundId);
  });
}

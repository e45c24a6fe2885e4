import { recordAuditEvent } from '../../core/audit.ts';
import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { today } from '../../core/clock/index.ts';
import { withTransaction } from '../../core/db/database.ts';
import { forbidden, invalidInput, type FieldIssue } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { findRuleSet, findRuleSetInForce } from '../rule-sets/index.ts';
import { canManageRound } from './evaluations.policy.ts';
import * as repository from './evaluations.repository.ts';
import type { OpenRoundInput, RoundDetail } from './evaluations.schemas.ts';
import { admitWaitingEntries } from './join-open-round.ts';
import { getRoundDetail } from './read-round.ts';
import { defaultRoundDates } from './round-rules.ts';

/**
 * The province (or, for 5★, the ministry) opens an evaluation round (QĐ 26/2026 Đ.5). The dates of the
 * first and second rounds default to the legal cut-offs; the rule set is the one in force today unless
 * named. Dossiers already forwarded and waiting join it at once.
 */
export async function openRound(ctx: AppContext, actor: Actor, input: OpenRoundInput, requestId?: string): Promise<RoundDetail> {
  const provinceCode = input.level === 'central' ? null : (input.provinceCode ?? actor.provinceCode);
  const issues: FieldIssue[] = [];
  if (input.level === 'province' && !provinceCode) issues.push({ path: 'provinceCode', message: 'Chọn tỉnh tổ chức đợt đánh giá.', messageEn: 'Province required.' });
  if (input.level === 'central' && input.provinceCode) issues.push({ path: 'provinceCode', message: 'Đợt đánh giá cấp Trung ương không thuộc tỉnh nào.', messageEn: 'A central round has no province.' });
  if (!canManageRound(actor, { level: input.level, provinceCode })) {
    throw forbidden(input.level === 'central' ? 'Chỉ Bộ Nông nghiệp và Môi trường mở đợt đánh giá 5 sao.' : 'Chỉ cơ quan OCOP cấp tỉnh mở đợt đánh giá của tỉnh mình.');
  }
  const now = ctx.clock.now();
  const ruleSet = input.ruleSetId ? findRuleSet(input.ruleSetId) : findRuleSetInForce(today(ctx.clock));
  if (!ruleSet) issues.push({ path: 'ruleSetId', message: 'Bộ tiêu chí không tồn tại.', messageEn: 'Unknown rule set.' });
  const defaults = ruleSet ? defaultRoundDates(ruleSet, input.level, input.kind, input.year) : null;
  const proposalsDueOn = input.proposalsDueOn ?? defaults?.proposalsDueOn;
  const completeBy = input.completeBy ?? defaults?.completeBy;
  if (!proposalsDueOn) issues.push({ path: 'proposalsDueOn', message: 'Nhập hạn nhận hồ sơ đề nghị của đợt.', messageEn: 'Proposal deadline required.' });
  if (!completeBy) issues.push({ path: 'completeBy', message: 'Nhập thời hạn hoàn thành đợt đánh giá.', messageEn: 'Completion date required.' });
  if (proposalsDueOn && completeBy && completeBy < proposalsDueOn) {
    issues.push({ path: 'completeBy', message: 'Thời hạn hoàn thành phải sau hạn nhận hồ sơ.', messageEn: 'Must be after the proposal deadline.' });
  }
  if (issues.length) throw invalidInput(issues);
  return withTransaction(ctx.db, async (tx) => {
    const id = await repository.insertRound(
      tx,
      {
        level: input.level,
        provinceCode,
        year: input.year,
        kind: input.kind,
        title: input.title,
        ruleSetId: ruleSet!.id,
        proposalsDueOn: proposalsDueOn!,
        completeBy: completeBy!,
        maxSpread: input.maxSpread ?? 10,
        quorumFraction: input.quorumFraction ?? 0.75,
        chairRequired: input.chairRequired ?? true,
      },
      actor.userId,
      now,
    );
    const round = (await repository.findRound(tx, id))!;
    const joined = await admitWaitingEntries(tx, round, now, actor.userId);
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'evaluation_round.opened', entityType: 'evaluation_round', entityId: id, after: { ...round, joined: joined.length }, requestId, occurredAt: now });
    return getRoundDetail(tx, actor, id);
  });
}

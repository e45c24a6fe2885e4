import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { today } from '../../core/clock/index.ts';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { AppError, conflict, forbidden, invalidInput, type FieldIssue } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { notify } from '../notifications/index.ts';
import { findRuleSet, findRuleSetInForce } from '../rule-sets/index.ts';
import * as repository from './evaluations.repository.ts';
import { canManageRound, eligibleRoles } from './evaluations.policy.ts';
import type { RoundSettings } from './evaluations.repository.ts';
import type { MembersInput, OpenRoundInput, RoundDetail, RoundSettingsInput } from './evaluations.schemas.ts';
import { getRoundDetail, loadRound } from './read-evaluations.ts';
import { scheduleEntryDeadlines } from './entry-deadline-reminders.ts';
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
    const joined = await repository.addWaitingEntries(tx, round, now);
    for (const entryId of joined) await repository.insertEntryEvent(tx, { entryId, action: 'joined', actorUserId: actor.userId, at: now });
    await scheduleEntryDeadlines(tx, joined, now);
    await recordAuditEvent(tx, { actor: auditActorOf(actor), action: 'evaluation_round.opened', entityType: 'evaluation_round', entityId: id, after: { ...round, joined: joined.length }, requestId, occurredAt: now });
    return getRoundDetail(tx, actor, id);
  });
}

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
    if (round.status !== 'open') throw conflict('Đợt đánh giá đã kết thúc phiên họp: không thay đổi thành phần được nữa.', 'The round is closed.');
    const users = await repository.findUsers(tx, input.members.map((m) => m.userId));
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
    const before = await repository.listMembers(tx, roundId);
    const now = ctx.clock.now();
    await repository.replaceMembers(tx, roundId, input.members, now);
    await repository.updateRound(tx, roundId, {}, now);
    const after = await repository.listMembers(tx, roundId);
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
    if (round.status !== 'open') throw new AppError('INVALID_TRANSITION', 'Đợt đánh giá đã kết thúc phiên họp: không sửa thông tin của đợt được nữa.', undefined, 'The round is closed.');
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

/**
 * A dossier the commune just forwarded joins its province's open round, if there is one (called in the
 * forwarding transaction); otherwise it waits and joins the next round opened.
 */
export async function joinOpenRound(tx: Sql, dossier: { id: string; provinceCode: string; type: string }, on: string, now: Date, actorUserId: string | null): Promise<string | null> {
  const roundId = await repository.findOpenRoundFor(tx, 'province', dossier.provinceCode, on, dossier.type);
  if (!roundId) return null;
  const round = (await repository.findRound(tx, roundId))!;
  const [entryId] = await repository.addWaitingEntries(tx, round, now, dossier.id);
  if (!entryId) return null;
  await repository.insertEntryEvent(tx, { entryId, action: 'joined', actorUserId, at: now });
  await scheduleEntryDeadlines(tx, [entryId], now);
  return entryId;
}

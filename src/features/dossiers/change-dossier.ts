import { auditActorOf, type Actor } from '../../core/auth/actor.ts';
import { recordAuditEvent } from '../../core/audit.ts';
import { toLocalDate, type LocalDate } from '../../core/clock/index.ts';
import { withTransaction, type Sql } from '../../core/db/database.ts';
import { AppError, conflict, forbidden, notFound } from '../../core/errors.ts';
import type { AppContext } from '../../core/http/types.ts';
import { clockOf, loadDossierDetail } from './dossier-details.ts';
import { noticeOfDossierMove } from './dossier-notices.ts';
import { actionLabels, nextStatus, statusLabels, transitions, type DossierAction, type DossierSide, type DossierStatus } from './dossier-status.ts';
import { canActOnDossier, canReadDossier } from './dossiers.policy.ts';
import * as repository from './dossiers.repository.ts';
import type { DossierDetail, DossierRecord } from './dossiers.schemas.ts';

export interface ChangeScope {
  tx: Sql;
  dossier: DossierRecord;
  now: Date;
  today: LocalDate;
}

/** What a change is: a transition of the table, or an edit allowed in some statuses. */
export interface DossierEdit {
  edit: 'edited' | 'commune_check_recorded' | 'files_added' | 'files_reused' | 'file_removed';
  side: DossierSide;
  allowedIn: (status: DossierStatus) => boolean;
  refusal: string;
  bumpsVersion: boolean;
}
export type DossierChange = { action: DossierAction } | DossierEdit;

export interface ChangeOutcome {
  /** Columns that change with the status, written in the same statement (the table's CHECKs tie them together). */
  state?: repository.DossierStateChanges;
  /** A line for the dossier's history (shown to the producer and officers). */
  note?: string | null;
  /** Extra facts for the audit event (e.g. the reasons of a return). */
  audit?: Record<string, unknown>;
  /** Runs in the transaction once the new status is written (e.g. joining the province's open round). */
  afterStateChange?: () => Promise<void>;
}

export function invalidTransition(status: DossierStatus, action: DossierAction): AppError {
  return new AppError(
    'INVALID_TRANSITION',
    `Không thể ${actionLabels[action].vi} khi hồ sơ đang ở trạng thái “${statusLabels[status].vi}”.`,
    { status, action },
    `Cannot ${actionLabels[action].en} a dossier that is ${statusLabels[status].en.toLowerCase()}.`,
  );
}

/**
 * One change of one dossier, as DESIGN.md wants every state change: one transaction that locks the row,
 * authorizes (not yours looks like missing), checks the version the caller saw, checks the transition
 * table, writes, recomputes the commune's deadline (due_at), records the history line and the audit event.
 * `version` may be null only for changes that do not bump it (files).
 */
export async function changeDossier(
  ctx: AppContext,
  actor: Actor,
  id: string,
  version: number | null,
  change: DossierChange,
  requestId: string | undefined,
  work: (scope: ChangeScope) => Promise<ChangeOutcome | void>,
): Promise<DossierDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await repository.findDossier(tx, id, { forUpdate: true });
    if (!before || !canReadDossier(actor, before)) throw notFound('Hồ sơ');
    const side = 'action' in change ? transitions[change.action].by : change.side;
    if (!canActOnDossier(actor, before, side)) throw forbidden();
    if (version !== null && before.version !== version) {
      throw conflict('Hồ sơ vừa được người khác thay đổi. Hãy tải lại để xem bản mới nhất.', 'The dossier was changed by someone else; reload it.');
    }
    let to: DossierStatus = before.status;
    if ('action' in change) {
      const next = nextStatus(before.status, change.action);
      if (!next) throw invalidTransition(before.status, change.action);
      to = next;
    } else if (!change.allowedIn(before.status)) {
      throw new AppError('INVALID_TRANSITION', `${change.refusal} (trạng thái: ${statusLabels[before.status].vi}).`, { status: before.status }, 'Not allowed in this status.');
    }

    const now = ctx.clock.now();
    const outcome = (await work({ tx, dossier: before, now, today: toLocalDate(now) })) ?? {};
    if (to !== before.status || outcome.state) await repository.updateDossierState(tx, id, { ...outcome.state, status: to });
    await outcome.afterStateChange?.();
    const bumps = 'action' in change || change.bumpsVersion;
    if (bumps) {
      // QĐ 26/2026 Đ.7.2: the 15 working days, recomputed from receipt and the suspensions at each change.
      const stored = (await repository.findDossier(tx, id))!;
      const clock = clockOf(stored, await repository.listSupplementRequests(tx, id), now);
      await repository.touchDossier(tx, id, clock?.dueAt ?? null, now);
    }
    const eventAction = 'action' in change ? eventNames[change.action] : change.edit;
    await repository.insertDossierEvent(tx, {
      dossierId: id,
      action: eventAction,
      fromStatus: before.status,
      toStatus: to,
      note: outcome.note ?? null,
      actorUserId: actor.userId,
      occurredAt: now,
    });
    if ('action' in change) {
      const reasons = Array.isArray(outcome.audit?.reasons) ? (outcome.audit.reasons as string[]) : [];
      await noticeOfDossierMove(tx, before, change.action, reasons, now);
    }
    const after = (await loadDossierDetail(tx, actor, id, now))!;
    const { files: _files, events: _events, allowedActions: _allowed, canEdit: _canEdit, canCheck: _canCheck, ...afterForAudit } = after;
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: `dossier.${eventAction}`,
      entityType: 'dossier',
      entityId: id,
      before,
      after: { ...afterForAudit, ...outcome.audit },
      requestId,
      occurredAt: now,
    });
    return after;
  });
}

const eventNames: Record<DossierAction, string> = {
  submit: 'submitted',
  receive: 'received',
  returnForSupplement: 'returned_for_supplement',
  supplement: 'supplemented',
  forward: 'forwarded_to_province',
  withdraw: 'withdrawn',
};

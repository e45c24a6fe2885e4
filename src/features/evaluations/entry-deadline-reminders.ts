import { addDays, startOfLocalDate } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import { scheduleJob, type JobHandler } from '../../core/jobs/index.ts';
import { formatVietnameseDate } from '../documents/index.ts';
import { notify } from '../notifications/index.ts';
import * as repository from './evaluations.repository.ts';
import { entryDeadline } from './round-rules.ts';
import { isEntryFinal } from './round-status.ts';

const JOB = 'evaluations.entry-deadline';
/** Days before the deadline the organiser is reminded. */
const WARN_DAYS = 7;

/**
 * Entries with a legal deadline of their own (a re-evaluation: 45 days, Đ.7.6.g; a dossier filed before
 * 22/5/2026: 60 or 30 days, Đ.12.2) get a reminder to the organiser a week before it, if still undecided.
 */
export async function scheduleEntryDeadlines(tx: Sql, entryIds: readonly string[], now: Date): Promise<void> {
  for (const entryId of entryIds) {
    const entry = await repository.findEntry(tx, entryId);
    if (!entry) continue;
    const dueOn = entryDeadline(entry.dossierType, entry.joinedOn, entry.dossierSubmittedOn);
    if (!dueOn) continue;
    const remindAt = startOfLocalDate(addDays(dueOn, -WARN_DAYS));
    await scheduleJob(tx, { name: JOB, key: entryId, runAt: remindAt < now ? now : remindAt, payload: { entryId, dueOn } }, now);
  }
}

export const entryDeadlineJob: JobHandler = {
  name: JOB,
  async run(tx, job, now) {
    const entry = await repository.findEntry(tx, String(job.payload.entryId));
    if (!entry || isEntryFinal(entry.status)) return;
    const round = await repository.findRound(tx, entry.roundId);
    if (!round) return;
    const dueOn = String(job.payload.dueOn);
    await notify(
      tx,
      [round.level === 'central' ? { ministry: true } : { provinceOffice: round.provinceCode! }],
      {
        kind: 'evaluation.entry_deadline',
        title: `Sắp hết hạn đánh giá: ${entry.productName}`,
        body: `${entry.dossierType === 're_evaluation' ? 'Hồ sơ đánh giá lại' : 'Hồ sơ'} phải có kết quả trước ngày ${formatVietnameseDate(dueOn)} (${round.title}).`,
        link: `/admin/evaluations/entries/${entry.id}`,
        dedupeKey: `${JOB}:${entry.id}`,
      },
      now,
    );
  },
};

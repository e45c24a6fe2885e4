/**
 * Who is told of a dossier's move, in the transaction of the move (features/notifications writes the
 * in-app notice and the outbox rows): the commune's officers when a dossier is submitted or
 * supplemented (they have 15 working days, Đ.7.2 QĐ 26/2026), the producer when the commune returns it
 * for supplements, with the reasons; and, once a day, the officers of each commune with dossiers due
 * within 3 working days or overdue.
 */
import { toLocalDate, vietnamCalendar } from '../../core/clock/index.ts';
import type { Sql } from '../../core/db/database.ts';
import type { JobHandler } from '../../core/jobs/index.ts';
import { formatVietnameseDate } from '../documents/index.ts';
import { notify } from '../notifications/index.ts';
import { dueSoonLimit } from './dossier-deadline.ts';
import type { DossierAction } from './dossier-status.ts';
import * as repository from './dossiers.repository.ts';
import type { DossierRecord } from './dossiers.schemas.ts';

export async function noticeOfDossierMove(tx: Sql, dossier: DossierRecord, action: DossierAction, reasons: readonly string[], now: Date): Promise<void> {
  const link = `/admin/dossiers/${dossier.id}`;
  const commune = { communeOf: { provinceCode: dossier.provinceCode, communeCode: dossier.communeCode } };
  const stamp = now.toISOString();
  if (action === 'submit' || action === 'supplement') {
    const again = action === 'supplement';
    await notify(
      tx,
      [commune],
      {
        kind: 'dossier.submitted',
        title: again ? `Hồ sơ đã bổ sung: ${dossier.productName}` : `Hồ sơ mới nộp: ${dossier.productName}`,
        body: `${dossier.producerName} ${again ? 'đã nộp bổ sung' : 'đã nộp'} hồ sơ sản phẩm “${dossier.productName}”. Xã tiếp nhận và kiểm tra trong 15 ngày làm việc.`,
        link,
        dedupeKey: `dossier.${action}:${dossier.id}:${stamp}`,
        fields: { product: dossier.productName },
      },
      now,
    );
  } else if (action === 'returnForSupplement') {
    const list = reasons.map((reason) => `- ${reason}`).join('\n');
    await notify(
      tx,
      [{ producerId: dossier.producerId }],
      {
        kind: 'dossier.returned_for_supplement',
        title: `Hồ sơ “${dossier.productName}” cần bổ sung`,
        body: `Xã đề nghị bổ sung:\n${list}`,
        link,
        dedupeKey: `dossier.returned_for_supplement:${dossier.id}:${stamp}`,
        fields: { product: dossier.productName, reasons: list },
      },
      now,
    );
  }
}

export const DOSSIER_DEADLINE_JOB = 'dossiers.deadline-reminders';

/** Daily (7:00): the officers of each commune with dossiers due within 3 working days, or overdue. */
export const dossierDeadlineJob: JobHandler = {
  name: DOSSIER_DEADLINE_JOB,
  async run(tx, job, now) {
    const today = toLocalDate(now);
    const dueSoonUntil = dueSoonLimit(today, vietnamCalendar);
    for (const commune of await repository.countCommuneDeadlines(tx, now, dueSoonUntil)) {
      const recipients = [{ communeOf: { provinceCode: commune.provinceCode, communeCode: commune.communeCode } }];
      if (commune.overdue > 0) {
        await notify(
          tx,
          recipients,
          {
            kind: 'dossier.overdue',
            title: `${commune.overdue} hồ sơ đã quá hạn kiểm tra`,
            body: `Xã có ${commune.overdue} hồ sơ OCOP đã quá 15 ngày làm việc mà chưa chuyển lên tỉnh (Điều 7 khoản 2 Quyết định 26/2026/QĐ-TTg).`,
            link: '/admin/dossiers',
            dedupeKey: `dossier.overdue:${commune.communeCode}:${job.key}`,
            fields: { count: String(commune.overdue) },
          },
          now,
        );
      }
      if (commune.dueSoon > 0 && commune.firstDueAt) {
        const dueOn = formatVietnameseDate(toLocalDate(commune.firstDueAt));
        await notify(
          tx,
          recipients,
          {
            kind: 'dossier.due_soon',
            title: `${commune.dueSoon} hồ sơ đến hạn kiểm tra trong 3 ngày làm việc`,
            body: `Hồ sơ gần hạn nhất phải xong ngày ${dueOn}.`,
            link: '/admin/dossiers',
            dedupeKey: `dossier.due_soon:${commune.communeCode}:${job.key}`,
            fields: { count: String(commune.dueSoon), dueOn },
          },
          now,
        );
      }
    }
  },
};

/** Hour of the day (Vietnam time) the digest is written: before the office opens. */
export const DOSSIER_DEADLINE_HOUR = 7;

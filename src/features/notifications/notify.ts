import type { Sql } from '../../core/db/database.ts';
import { listActiveAccountIds, type AccountHolder } from '../users/index.ts';
import * as repository from './notifications.repository.ts';

/**
 * In-app notices (thông báo). A notice is written in the transaction of the act it reports, once per user
 * and dedupe key, so a job that runs again does not notify twice. Recipients are named by what they are
 * in the programme, and resolved to the active accounts that hold that place.
 */
export type Recipient = AccountHolder | { userId: string };

export interface Notice {
  kind: string;
  title: string;
  body?: string;
  /** A back-office path, e.g. /admin/certificates/…, opened from the notice. */
  link?: string | null;
  dedupeKey: string;
}

async function resolveRecipients(sql: Sql, recipients: readonly Recipient[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const recipient of recipients) {
    const holders = 'userId' in recipient ? [recipient.userId] : await listActiveAccountIds(sql, recipient);
    for (const id of holders) ids.add(id);
  }
  return [...ids];
}

/** Writes the notice for every recipient; returns how many new notices were written. */
export async function notify(sql: Sql, recipients: readonly Recipient[], notice: Notice, now: Date): Promise<number> {
  const userIds = await resolveRecipients(sql, recipients);
  if (userIds.length === 0) return 0;
  return repository.insertNotices(sql, userIds, { kind: notice.kind, title: notice.title, body: notice.body ?? '', link: notice.link ?? null, dedupeKey: notice.dedupeKey }, now);
}

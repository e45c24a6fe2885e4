import type { Actor } from '../../core/auth/actor.ts';
import type { Sql } from '../../core/db/database.ts';
import { pageWindow, type PageRequest } from '../../core/http/paging.ts';
import * as repository from './notifications.repository.ts';

/** The signed-in user's own notices, newest first, with the unread count for the bell. */
export async function listOwnNotifications(sql: Sql, actor: Actor, query: PageRequest & { unreadOnly: boolean }) {
  const result = await repository.listNotifications(sql, actor.userId, { unreadOnly: query.unreadOnly, ...pageWindow(query) });
  return { ...result, page: query.page, pageSize: query.pageSize };
}

/** Marks the user's own notices read (the given ones, or all). */
export function markOwnNotificationsRead(sql: Sql, actor: Actor, ids: readonly string[] | 'all', now: Date): Promise<number> {
  return repository.markRead(sql, actor.userId, ids, now);
}

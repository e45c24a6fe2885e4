import type { Actor } from '../../core/auth/actor.ts';
import type { Sql } from '../../core/db/database.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { pageOfResult, pageWindow, type Page, type PageRequest } from '../../core/http/paging.ts';
import { importVisibility } from './imports.policy.ts';
import * as repository from './imports.repository.ts';

export async function listImportBatches(sql: Sql, actor: Actor, request: PageRequest & { provinceCode?: string }): Promise<Page<repository.ImportBatch>> {
  const visibility = importVisibility(actor);
  if (!visibility) throw forbidden();
  // Another province's batches answer 404, never the caller's own in their place (issue 16, finding 5).
  if (visibility.provinceCode && request.provinceCode && request.provinceCode !== visibility.provinceCode) throw notFound('Đơn vị hành chính');
  const provinceCode = visibility.provinceCode ?? request.provinceCode ?? null;
  return pageOfResult(request, await repository.listBatches(sql, { provinceCode, ...pageWindow(request) }));
}

import type { Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/http/types.ts';
import { commitImport, type CommitResult } from './commit-import.ts';
import { importProvinceOf } from './imports.policy.ts';
import type { ImportRequest } from './preview-import.ts';
import { readImportFile } from './read-import-file.ts';

/** The commit from the UI and the API: the same reading as the preview, then the all-or-nothing commit. */
export async function importFile(ctx: AppContext, actor: Actor, request: ImportRequest): Promise<CommitResult> {
  const provinceCode = importProvinceOf(actor, request.provinceCode);
  const read = await readImportFile(request.file, request.kind, request.mapping);
  return commitImport(ctx.db, ctx.clock, actor, {
    provinceCode,
    file: { kind: request.kind, fileName: request.file.name, bytes: request.file.bytes, mapping: read.mapping },
    rows: read.rows,
    choices: request.choices,
  });
}

import { createHash } from 'node:crypto';
import type { Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/http/types.ts';
import type { ColumnMapping } from './import-row.ts';
import { importProvinceOf } from './imports.policy.ts';
import * as repository from './imports.repository.ts';
import { planImport, type ImportPlan, type RowChoices } from './plan-import.ts';
import { readImportFile, type ImportKind, type ReadImportFile } from './read-import-file.ts';

export interface ImportRequest {
  file: { name: string; bytes: Buffer };
  kind: ImportKind;
  provinceCode: string | null;
  mapping: ColumnMapping | null;
  choices: RowChoices;
}

export interface ImportPreview {
  provinceCode: string;
  file: { name: string; sha256: string; bytes: number };
  read: Omit<ReadImportFile, 'rows'>;
  plan: ImportPlan;
  /** The batch that already committed this very file, if any. */
  alreadyImported: repository.ImportBatch | null;
}

/** The dry run from the UI and the API: reads the file, plans it, writes nothing. */
export async function previewImport(ctx: AppContext, actor: Actor, request: ImportRequest): Promise<ImportPreview> {
  const provinceCode = importProvinceOf(actor, request.provinceCode);
  const { rows, ...read } = await readImportFile(request.file, request.kind, request.mapping);
  const sha256 = createHash('sha256').update(request.file.bytes).digest('hex');
  const [plan, alreadyImported] = await Promise.all([
    planImport(ctx.db.pool, ctx.clock, { provinceCode, rows, choices: request.choices }),
    repository.findCommittedBatchOfFile(ctx.db.pool, provinceCode, sha256),
  ]);
  return { provinceCode, file: { name: request.file.name, sha256, bytes: request.file.bytes.length }, read, plan, alreadyImported };
}

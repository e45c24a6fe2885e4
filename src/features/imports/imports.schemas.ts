import { z } from 'zod';
import { communeCode, pageOf, pageQuery, provinceCode, uuid } from '../../core/http/schemas.ts';
import { importFields } from './import-row.ts';

export const importKind = z.enum(['provincial_list', 'national_register', 'sales_points']);

/** field → 0-based column index. */
export const columnMapping = z.partialRecord(z.enum(importFields), z.number().int().min(0).max(500));

export const rowChoices = z.record(
  z.string().regex(/^\d{1,6}$/u),
  z.object({ communeCode: communeCode.optional(), productSetNumber: z.number().int().min(1).max(26).optional() }).strict(),
);

/** The text fields sent with the file in the multipart body (mapping and choices as JSON). */
export const importOptions = z
  .object({
    kind: importKind.default('provincial_list'),
    provinceCode: provinceCode.nullish(),
    mapping: columnMapping.nullish(),
    choices: rowChoices.default({}),
  })
  .strict();
export type ImportOptions = z.infer<typeof importOptions>;

const rowIssue = z.object({
  rowNumber: z.number().int(),
  column: z.string().nullable(),
  field: z.enum(importFields).nullable(),
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
});

const placeCandidate = z.object({
  code: z.string(), fullName: z.string(), provinceCode: z.string(), provinceName: z.string(), via: z.string().nullable(), isPartial: z.boolean(),
});

const plannedRow = z.object({
  rowNumber: z.number().int(),
  producerName: z.string(),
  productName: z.string().nullable(),
  stars: z.number().int().nullable(),
  placeWritten: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  /** Candidates to pick from where the commune is ambiguous or unknown. */
  candidates: z.array(placeCandidate),
  producerAction: z.enum(['create', 'link']).nullable(),
  productAction: z.enum(['create', 'link']).nullable(),
  certificateAction: z.enum(['create', 'known', 'skip']).nullable(),
  issues: z.array(rowIssue),
});

export const importCounts = z.object({
  rowsRead: z.number().int(), producersNew: z.number().int(), producersLinked: z.number().int(), productsNew: z.number().int(),
  productsLinked: z.number().int(), certificatesNew: z.number().int(), certificatesKnown: z.number().int(),
  salesPointsNew: z.number().int(), salesPointsLinked: z.number().int(),
  rowsWithErrors: z.number().int(), warnings: z.number().int(),
});

export const importBatch = z
  .object({
    id: z.string(),
    provinceCode: z.string(),
    kind: importKind,
    fileName: z.string(),
    fileSha256: z.string(),
    fileBytes: z.number().int(),
    counts: importCounts,
    status: z.enum(['committed', 'undone']),
    createdBy: z.string(),
    createdByName: z.string().nullable(),
    createdAt: z.date(),
    undoneBy: z.string().nullable(),
    undoneAt: z.date().nullable(),
  })
  .meta({ id: 'ImportBatch' });

export const importBatchDetail = importBatch
  .extend({
    records: z.array(z.object({ entityType: z.enum(['producer', 'product', 'certificate', 'sales_point']), entityId: z.string(), action: z.enum(['created', 'linked']), rowNumber: z.number().int() })),
  })
  .meta({ id: 'ImportBatchDetail' });

export const importPreview = z
  .object({
    provinceCode: z.string(),
    file: z.object({ name: z.string(), sha256: z.string(), bytes: z.number().int() }),
    read: z.object({
      kind: importKind,
      format: z.enum(['xlsx', 'csv', 'json']),
      sheetName: z.string().nullable(),
      headerRows: z.array(z.number().int()),
      columns: z.array(z.object({ index: z.number().int(), letter: z.string(), heading: z.string(), hidden: z.boolean() })),
      mapping: columnMapping,
      mappingGuessed: z.boolean(),
      skipped: z.array(z.object({ rowNumber: z.number().int(), reason: z.string() })),
      convertedCells: z.number().int(),
    }),
    fields: z.array(z.object({ field: z.enum(importFields), label: z.string(), labelEn: z.string() })),
    counts: importCounts,
    canCommit: z.boolean(),
    /** Rows with a problem first, then the others, at most 500. */
    rows: z.array(plannedRow),
    rowsShown: z.number().int(),
    alreadyImported: importBatch.nullable(),
  })
  .meta({ id: 'ImportPreview' });

export const commitAnswer = z.object({ batch: importBatch, alreadyImported: z.boolean() }).meta({ id: 'ImportCommit' });

export const batchesQuery = pageQuery.extend({ provinceCode: provinceCode.optional() });
export const batchList = pageOf(importBatch);
export const batchParams = z.object({ id: uuid });

export const savedMapping = z.object({ name: z.string(), mapping: columnMapping, updatedAt: z.date() });
export const mappingsQuery = z.object({ provinceCode: provinceCode.optional() });
export const mappingList = z.object({ items: z.array(savedMapping) });
export const mappingBody = z.object({ name: z.string().trim().min(1, 'Đặt tên cho cách ghép cột.').max(100), mapping: columnMapping, provinceCode: provinceCode.optional() }).strict();

export const exportQuery = z.object({ format: z.enum(['json', 'csv']).default('json'), provinceCode: provinceCode.optional() });

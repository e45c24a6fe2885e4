/**
 * What other rooms use of imports: the guarded spreadsheet reader (ZIP sizes and ratio checked before
 * decompressing, rows and cell length bounded while streaming; issue 16 finding 7). A room with its own
 * layout reads the sheets' cleaned cells and finds its headings itself.
 */
export { readWorkbookSheets, type ReadLimits } from './reading/read-table.ts';
export type { CellValue, RawSheet } from './reading/table.ts';

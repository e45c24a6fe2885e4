/**
 * Spreadsheets for import tests, built with exceljs as officials would fill them in, and a helper to
 * send one as a request body with the signed-in client's cookies and CSRF header.
 */
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { Client, TestApp } from './test-app.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook with a title line, the heading row and one row per entry (cells as given; numbers stay numbers). */
export async function participantWorkbook(
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
  options: { headings?: string[]; titleRows?: number } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  for (let i = 0; i < (options.titleRows ?? 1); i++) sheet.addRow([i === 0 ? 'DANH SÁCH HỌC VIÊN LỚP TẬP HUẤN OCOP' : '']);
  sheet.addRow(options.headings ?? ['STT', 'Họ và tên', 'Đối tượng', 'Chủ thể OCOP', 'Số điện thoại', 'Đơn vị công tác']);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function sendFile(t: TestApp, client: Client, method: string, url: string, content: Buffer, contentType = XLSX): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: method as 'POST',
    url,
    payload: content,
    headers: { 'content-type': contentType, 'x-csrf-token': client.csrfToken },
    cookies: { ocop_session: client.sessionToken, ocop_csrf: client.csrfToken },
  });
}

/** Reads a downloaded workbook back: every sheet as rows of cell texts. */
export async function readWorkbook(content: Buffer): Promise<Map<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheets = new Map<string, string[][]>();
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.value === null || cell.value === undefined ? '' : String(typeof cell.value === 'object' && 'result' in cell.value ? cell.value.result : cell.value);
      });
      rows.push(cells);
    });
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

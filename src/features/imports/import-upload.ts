import { AppError, invalidInput } from '../../core/errors.ts';
import { importOptions, type ImportOptions } from './imports.schemas.ts';

/** What an upload may weigh (decision 013): a province's list is a few hundred kB; 20 MB is generous. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

type Part =
  | { type: 'file'; fieldname: string; filename: string; file: AsyncIterable<Buffer> & { truncated: boolean } }
  | { type: 'field'; fieldname: string; value: unknown };

/**
 * The multipart body of an import: one `file` and an `options` field holding JSON ({ kind, provinceCode,
 * mapping, choices }). Every problem is returned at once, in the API's error format.
 */
export async function readImportUpload(parts: AsyncIterable<Part>): Promise<{ file: { name: string; bytes: Buffer }; options: ImportOptions }> {
  let file: { name: string; bytes: Buffer } | null = null;
  let optionsText: string | null = null;
  const issues: Array<{ path: string; message: string; messageEn: string }> = [];
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk);
        if (part.file.truncated) {
          issues.push({ path: 'file', message: `Tệp lớn hơn ${MAX_IMPORT_BYTES / 1024 / 1024} MB; hãy tách danh sách.`, messageEn: 'The file is too large.' });
        } else if (part.fieldname === 'file' && !file) {
          file = { name: (part.filename || 'danh-sach').normalize('NFC').slice(0, 255), bytes: Buffer.concat(chunks) };
        }
      } else if (part.fieldname === 'options') {
        optionsText = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw invalidInput([{ path: 'file', message: 'Cần gửi tệp dạng multipart/form-data.', messageEn: 'Send multipart/form-data.' }]);
    if (code.startsWith('FST_')) throw new AppError('PAYLOAD_TOO_LARGE', 'Yêu cầu có quá nhiều phần; chỉ gửi một tệp và trường options.', undefined, 'Too many parts.');
    throw new AppError('INVALID_INPUT', 'Dữ liệu tải lên bị gián đoạn hoặc hỏng; chưa có gì được ghi.', undefined, 'Broken upload.');
  }
  if (!file && !issues.some((i) => i.path === 'file')) issues.push({ path: 'file', message: 'Chọn tệp danh sách (.xlsx, .csv hoặc tệp của cổng OCOP quốc gia).', messageEn: 'Attach the file.' });
  if (file && file.bytes.length === 0) issues.push({ path: 'file', message: 'Tệp rỗng.', messageEn: 'The file is empty.' });
  let options: ImportOptions | null = null;
  let json: unknown = {};
  try {
    json = optionsText ? JSON.parse(optionsText) : {};
  } catch {
    issues.push({ path: 'options', message: 'Trường options phải là JSON.', messageEn: 'options must be JSON.' });
  }
  const parsed = importOptions.safeParse(json);
  if (parsed.success) options = parsed.data;
  else for (const issue of parsed.error.issues) issues.push({ path: ['options', ...issue.path].join('.'), message: issue.message, messageEn: issue.message });
  if (issues.length > 0 || !file || !options) throw invalidInput(issues);
  return { file, options };
}

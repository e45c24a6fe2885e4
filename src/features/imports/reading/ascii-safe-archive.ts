import { PassThrough, type Readable } from 'node:stream';
import JSZip from 'jszip';

/**
 * exceljs 4.4's streaming reader decodes each inflated chunk of a part to text on its own
 * (lib/utils/parse-sax.js), so a Vietnamese letter whose UTF-8 bytes straddle two chunks becomes
 * "��" — about one cell in two thousand of a long list ("Hợp t��c xã"; exceljs issues #2063, #2084,
 * #2316, fixes #1665/#2081/#2894 unmerged). XML parts rewritten with every non-ASCII character as a
 * numeric character reference (&#7907; is "ợ") carry no multi-byte sequence to split, and any XML parser
 * reads them back to the same text. The archive is rebuilt with JSZip, parts stored uncompressed.
 */
export async function asciiSafeArchive(bytes: Buffer): Promise<Readable> {
  const source = await JSZip.loadAsync(bytes);
  const target = new JSZip();
  // exceljs's streaming reader needs the workbook, its relations, styles and shared strings before the
  // sheets (else it reads a sheet without knowing its name, now and then): they go first.
  const rank = (name: string) => ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'].indexOf(name);
  const entries = Object.values(source.files).sort((a, b) => ((rank(a.name) === -1 ? 99 : rank(a.name)) - (rank(b.name) === -1 ? 99 : rank(b.name))));
  for (const entry of entries) {
    if (entry.dir) continue;
    if (/\.(xml|rels|vml)$/iu.test(entry.name)) {
      const text = await entry.async('string');
      target.file(entry.name, text.replace(/\P{ASCII}/gu, (c) => `&#${c.codePointAt(0)};`));
    } else {
      target.file(entry.name, await entry.async('nodebuffer'));
    }
  }
  // exceljs accepts node's own streams only (JSZip's comes from its bundled readable-stream).
  const output = new PassThrough();
  target.generateNodeStream({ compression: 'STORE', streamFiles: true }).on('error', (error) => output.destroy(error)).pipe(output);
  return output;
}

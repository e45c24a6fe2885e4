/**
 * Hostile spreadsheets, written by hand as a ZIP of XML parts so that a 300 MB sheet never exists in
 * the test's memory: the sheet is deflated chunk by chunk as it is generated. The sizes the central
 * directory declares are the true ones (PKWARE APPNOTE §4.3.7, §4.3.12, §4.3.16).
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Part { name: string; data: Buffer; crc: number; size: number }

function smallPart(name: string, text: string): Part {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
}

async function streamedPart(name: string, chunks: Iterable<string>): Promise<Part> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    const bytes = Buffer.from(chunk, 'utf8');
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { name, data: Buffer.concat(out), crc, size };
}

function zip(parts: readonly Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, part.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(part.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An .xlsx whose one sheet is the given rows (inline strings), then the chunks of `tail` inside <sheetData>. */
export async function hostileWorkbook(headings: readonly string[], sheetData: () => Iterable<string>): Promise<Buffer> {
  const letters = (i: number) => String.fromCharCode(65 + i);
  const headingRow = `<row r="1">${headings.map((h, i) => `<c r="${letters(i)}1" t="inlineStr"><is><t>${escape(h)}</t></is></c>`).join('')}</row>`;
  function* sheet(): Iterable<string> {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${headingRow}`;
    yield* sheetData();
    yield '</sheetData></worksheet>';
  }
  return zip([
    smallPart(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    smallPart('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    smallPart('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    smallPart('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    await streamedPart('xl/worksheets/sheet1.xml', sheet()),
  ]);
}

/** Row 2 holds, in column `column` (0-based), a text of `length` copies of `letter`, written 1 MB at a time. */
export function hugeCellWorkbook(headings: readonly string[], values: readonly string[], column: number, length: number, letter = 'A'): Promise<Buffer> {
  return hostileWorkbook(headings, function* () {
    const cells = values.map((v, i) => (i === column ? null : `<c r="${String.fromCharCode(65 + i)}2" t="inlineStr"><is><t>${escape(v)}</t></is></c>`));
    yield `<row r="2">${cells.slice(0, column).join('')}<c r="${String.fromCharCode(65 + column)}2" t="inlineStr"><is><t>`;
    const mega = letter.repeat(1024 * 1024);
    for (let left = length; left > 0; left -= mega.length) yield left >= mega.length ? mega : mega.slice(0, left);
    yield `</t></is></c>${cells.slice(column + 1).join('')}</row>`;
  });
}

/**
 * `count` empty rows after the headings. Numbered (`<row r="2"/>`, as Excel writes a formatted empty row)
 * they deflate about 6:1, so 4 million weigh 9.9 MB and pass any ratio check; unnumbered (`<row/>`) they
 * deflate past 1:1000 and 4 million weigh tens of kilobytes.
 */
export function emptyRowsWorkbook(headings: readonly string[], count: number, options: { numbered?: boolean } = {}): Promise<Buffer> {
  return hostileWorkbook(headings, function* () {
    const batch: string[] = [];
    for (let r = 2; r <= count + 1; r++) {
      batch.push(options.numbered === false ? '<row/>' : `<row r="${r}"/>`);
      if (batch.length === 10_000) yield batch.splice(0).join('');
    }
    yield batch.join('');
  });
}

import { createInflateRaw } from 'node:zlib';

/**
 * Just enough of the ZIP format (PKWARE APPNOTE.TXT 6.3.x, §4.3.12 central directory header, §4.3.16
 * end of central directory record, §4.3.7 local file header) to check an .xlsx before anyone
 * decompresses it: the sizes its central directory declares, and then, while inflating each part
 * once in a stream, that no part grows past what it declared (a zip bomb lies there).
 */

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {
  constructor(readonly problem: 'not_zip' | 'zip64' | 'encrypted' | 'method' | 'truncated' | 'lying_size' | 'too_large', message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** The entries of the central directory; throws ZipFormatError when it cannot be read safely. */
export function readZipDirectory(bytes: Buffer): ZipEntry[] {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('not_zip', 'no end of central directory record');
  const count = bytes.readUInt16LE(eocd + 10);
  const directorySize = bytes.readUInt32LE(eocd + 12);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw new ZipFormatError('zip64', 'ZIP64 archive');
  if (directoryOffset + directorySize > bytes.length) throw new ZipFormatError('truncated', 'central directory outside the file');
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new ZipFormatError('truncated', 'bad central directory entry');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const uncompressedSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localHeaderOffset = bytes.readUInt32LE(at + 42);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) throw new ZipFormatError('zip64', 'ZIP64 entry');
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Checks the declared sizes: the total, and the ratio of each big part (deflate cannot exceed ~1:1032). */
export function checkDeclaredSizes(entries: readonly ZipEntry[], limits: { maxTotalBytes: number; maxRatio: number }): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & 0x1) throw new ZipFormatError('encrypted', `${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError('method', `${entry.name}: compression method ${entry.method}`);
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio) throw new ZipFormatError('too_large', `${entry.name}: ratio ${Math.round(ratio)}`);
  }
  if (total > limits.maxTotalBytes) throw new ZipFormatError('too_large', `declared ${total} bytes uncompressed`);
}

function dataRange(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new ZipFormatError('truncated', `${entry.name}: bad local header`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) throw new ZipFormatError('truncated', `${entry.name}: data outside the file`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Inflates one entry as a stream of text chunks, refusing as soon as it grows past its declared size.
 * Memory stays at one chunk (zlib's 16 KiB) whatever the part's size.
 */
export async function* inflateEntryText(bytes: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const data = dataRange(bytes, entry);
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) throw new ZipFormatError('lying_size', `${entry.name}: stored size differs`);
    yield data.toString('utf8');
    return;
  }
  const inflate = createInflateRaw();
  inflate.end(data);
  let produced = 0;
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) throw new ZipFormatError('lying_size', `${entry.name}: inflates past its declared ${entry.uncompressedSize} bytes`);
      yield decoder.decode(chunk, { stream: true });
    }
  } finally {
    inflate.destroy();
  }
  yield decoder.decode();
}

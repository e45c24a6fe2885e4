import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { access, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/**
 * Content-addressed storage of uploaded files: one file per content, named by its SHA-256, so the same
 * photo filed by several dossiers is stored once. Uploads are streamed to a staging file first and moved
 * into place only when the caller says so (after its database transaction committed), so a refused or
 * failed upload leaves nothing behind. Local folder now; an S3-compatible store can implement the same shape.
 */
export interface FileStore {
  /** Streams `source` to a staging file, hashing and counting it on the way. */
  stage(source: Readable): Promise<StagedFile>;
  /** Moves a staged file into the store under its hash. When that content is already stored, drops the copy. */
  commit(staged: StagedFile): Promise<void>;
  /** Removes a staged file (a refused upload). Never fails. */
  discard(staged: StagedFile): Promise<void>;
  /** The storage key of a content (what the database keeps). */
  keyOf(sha256: string): string;
  open(storageKey: string): ReadStream;
  exists(storageKey: string): Promise<boolean>;
  /**
   * Removes staging files last written before `before`: what a killed process (kill -9, power loss) left
   * mid-upload. An upload in progress keeps writing, so its file is always recent; run at start-up and daily.
   */
  clearStaleStaging(before: Date): Promise<{ removed: number; bytes: number }>;
}

export interface StagedFile {
  path: string;
  sha256: string;
  sizeBytes: number;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function createLocalFileStore(root: string): FileStore {
  const staging = path.join(root, '.staging');
  const fullPath = (storageKey: string) => {
    if (!SHA256.test(storageKey)) throw new Error(`Not a storage key: ${storageKey}`);
    return path.join(root, storageKey);
  };
  return {
    async stage(source) {
      await mkdir(staging, { recursive: true });
      const file = path.join(staging, randomUUID());
      const hash = createHash('sha256');
      let sizeBytes = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          sizeBytes += chunk.length;
          callback(null, chunk);
        },
      });
      try {
        await pipeline(source, measure, createWriteStream(file, { flags: 'wx' }));
      } catch (error) {
        await rm(file, { force: true });
        throw error;
      }
      return { path: file, sha256: hash.digest('hex'), sizeBytes };
    },
    async commit(staged) {
      const target = fullPath(staged.sha256);
      if (await exists(target)) {
        await rm(staged.path, { force: true });
        return;
      }
      // Same folder tree, same file system: the rename is atomic, readers never see half a file.
      await rename(staged.path, target);
    },
    async discard(staged) {
      await rm(staged.path, { force: true }).catch(() => {});
    },
    keyOf: (sha256) => sha256,
    open: (storageKey) => createReadStream(fullPath(storageKey)),
    exists: (storageKey) => exists(fullPath(storageKey)),
    async clearStaleStaging(before) {
      let removed = 0;
      let bytes = 0;
      const names = await readdir(staging).catch(() => [] as string[]);
      for (const name of names) {
        const file = path.join(staging, name);
        const info = await stat(file).catch(() => null);
        if (!info || !info.isFile() || info.mtimeMs >= before.getTime()) continue;
        await rm(file, { force: true });
        removed++;
        bytes += info.size;
      }
      return { removed, bytes };
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

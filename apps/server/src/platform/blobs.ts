import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Bytes on disk under one directory, by key. A put is durable when it returns: written to a temporary
 * file, fsynced, renamed into place and the directory fsynced, so a crash never leaves half a file
 * under its real key. Several nodes share blobs only if they share the directory (a network volume).
 */
export type Blobs = {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** A stream of the bytes, or null when the key has no file. */
  read(key: string): Promise<Readable | null>;
  remove(key: string): Promise<void>;
};

export function createBlobs(root: string): Blobs {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const path = resolve(base, key);
    // Keys are made by the server, but a key must never reach outside the directory.
    if (!path.startsWith(base + sep)) throw new Error(`blob key outside the store: ${key}`);
    return path;
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temporary = join(dirname(path), `.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
      const file = await open(temporary, 'wx', 0o640);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, path);
      await syncDirectory(dirname(path));
    },
    async read(key) {
      const path = pathOf(key);
      try {
        if (!(await stat(path)).isFile()) return null;
      } catch {
        return null;
      }
      return createReadStream(path);
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

async function syncDirectory(path: string): Promise<void> {
  try {
    const directory = await open(path, 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  } catch {
    // Some file systems (and Windows) cannot fsync a directory; the file itself is synced.
  }
}

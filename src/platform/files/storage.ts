import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Content-addressed file storage under `<dataDir>/files/ab/abcdef…`: immutable once written. */
export function filesDir(dataDir: string): string {
  return path.join(dataDir, 'files');
}

export function blobPath(dataDir: string, sha256: string): string {
  return path.join(filesDir(dataDir), sha256.slice(0, 2), sha256);
}

/**
 * Stream `source` into the store. Returns its hash, size and first bytes (for type detection).
 * The blob appears under its final name only when complete.
 */
/** Where `writeBlob` streams an upload before it is complete. */
function partialDir(dataDir: string): string {
  return path.join(filesDir(dataDir), 'tmp');
}

/**
 * Delete the partial uploads (a crash or a cut connection mid-upload leaves them) last written at least
 * `olderThanMs` before `now` (the file system's clock): 0 at the start of the only process using the
 * folder, an hour when other processes may be uploading into it. Returns how many were removed.
 */
export async function removePartialUploads(
  dataDir: string,
  olderThanMs: number,
  now = Date.now(),
): Promise<number> {
  const dir = partialDir(dataDir);
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info || info.mtimeMs > now - olderThanMs) continue;
    await rm(file, { force: true, recursive: true });
    removed++;
  }
  return removed;
}

export async function writeBlob(
  dataDir: string,
  source: Readable,
): Promise<{ sha256: string; size: number; head: Uint8Array }> {
  const tmpDir = partialDir(dataDir);
  await mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, randomBytes(8).toString('hex'));
  const hash = createHash('sha256');
  let size = 0;
  let head = new Uint8Array(0);
  source.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    if (head.length < 16) head = new Uint8Array(Buffer.concat([head, chunk.subarray(0, 16 - head.length)]));
    size += chunk.length;
  });
  try {
    await pipeline(source, createWriteStream(tmp));
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  const sha256 = hash.digest('hex');
  const final = blobPath(dataDir, sha256);
  await mkdir(path.dirname(final), { recursive: true });
  await rename(tmp, final);
  return { sha256, size, head };
}

export async function blobExists(dataDir: string, sha256: string): Promise<boolean> {
  return stat(blobPath(dataDir, sha256)).then(
    () => true,
    () => false,
  );
}

export function readBlob(dataDir: string, sha256: string): Readable {
  return createReadStream(blobPath(dataDir, sha256));
}

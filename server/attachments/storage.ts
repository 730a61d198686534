// The stored files: <upload dir>/<sha256>, written once through a temporary file in <upload dir>/.tmp
// (same disk, so the final rename is atomic and a half-written file never has a real name).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const SHA256_HEX = /^[0-9a-f]{64}$/;

function tmpDirOf(uploadDir: string): string {
  return path.join(uploadDir, '.tmp');
}

/** A fresh temporary path; the folders are made when missing. */
export async function newTmpPath(uploadDir: string): Promise<string> {
  const dir = tmpDirOf(uploadDir);
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  return path.join(dir, crypto.randomUUID());
}

export function storedPath(uploadDir: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(uploadDir, sha256);
}

/** Moves an upload into place; when the same bytes are already stored, the copy is dropped. */
export async function moveIntoPlace(tmpPath: string, uploadDir: string, sha256: string): Promise<void> {
  const final = storedPath(uploadDir, sha256);
  if (fs.existsSync(final)) return removeQuietly(tmpPath);
  await fs.promises.chmod(tmpPath, 0o644);
  await fs.promises.rename(tmpPath, final);
}

/** Deletes a file; one that is already gone is fine. */
export async function removeQuietly(file: string): Promise<void> {
  await fs.promises.rm(file, { force: true });
}

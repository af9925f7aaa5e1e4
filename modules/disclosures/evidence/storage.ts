// Where evidence bytes live (issue 3): in the database (evidence_files.data) by default, or — when
// SUNLIGHT_EVIDENCE_DIR is set — as files under that directory (evidence_files.storage_path,
// relative to it). Server only.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/core/env';

export interface StoredBytes {
  data: Buffer | null;
  storagePath: string | null;
  sha256: string;
  size: number;
}

function evidenceDir(): string | null {
  const dir = env().SUNLIGHT_EVIDENCE_DIR;
  return dir ? path.resolve(dir) : null;
}

/** Resolves a stored relative path, refusing anything that would leave the directory. */
function resolveInside(dir: string, rel: string): string {
  const full = path.resolve(dir, rel);
  if (!full.startsWith(dir + path.sep)) throw new Error('evidence path outside the evidence directory');
  return full;
}

/** Keeps the bytes of evidence `id` of `districtId`; files are written atomically (temp + rename). */
export async function storeEvidenceBytes(districtId: string, id: string, bytes: Uint8Array): Promise<StoredBytes> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const dir = evidenceDir();
  if (!dir) return { data: buf, storagePath: null, sha256, size: buf.length };
  const rel = path.join(districtId, id.slice(0, 2), id);
  const full = resolveInside(dir, rel);
  await fs.mkdir(path.dirname(full), { recursive: true });
  const tmp = `${full}.${process.pid}.tmp`;
  await fs.writeFile(tmp, buf, { mode: 0o640 });
  await fs.rename(tmp, full);
  return { data: null, storagePath: rel, sha256, size: buf.length };
}

/** Removes a file written by storeEvidenceBytes when its database row could not be saved. */
export async function discardEvidenceBytes(stored: StoredBytes): Promise<void> {
  const dir = evidenceDir();
  if (!dir || !stored.storagePath) return;
  await fs.rm(resolveInside(dir, stored.storagePath), { force: true });
}

/** The bytes of a stored evidence file. */
export async function readEvidenceBytes(row: { data: Buffer | null; storagePath: string | null }): Promise<Buffer> {
  if (row.data) return row.data;
  const dir = evidenceDir();
  if (!row.storagePath || !dir) throw new Error('evidence bytes unavailable');
  return fs.readFile(resolveInside(dir, row.storagePath));
}

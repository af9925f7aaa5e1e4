// Deterministic identifiers for the demo seed: the same key gives the same UUID on every run, so
// two fresh databases seeded from the same code hold identical rows.
import { createHash } from 'node:crypto';

const NAMESPACE = 'sunlight-demo-seed/v1';

/**
 * A UUID derived from `key` (SHA-256 of namespace + key), shaped like an RFC 4122 version-5 UUID
 * (version nibble 5, variant 10xx) so it passes any UUID validator.
 */
export function seedId(key: string): string {
  const h = createHash('sha256').update(`${NAMESPACE}\u0000${key}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A 32-bit seed from a string key (first 4 bytes of its SHA-256). */
export function seedNumber(key: string): number {
  return createHash('sha256').update(`${NAMESPACE}\u0000${key}`).digest().readUInt32BE(0);
}

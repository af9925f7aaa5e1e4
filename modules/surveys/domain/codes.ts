// Single-use survey codes (DESIGN §7): crypto-random over an unambiguous alphabet, so that
// guessing a live code is futile (README "Surveys" states the space).
import { randomInt } from 'node:crypto';

/** 31 symbols: no 0/O, 1/I/L, so a code read off paper is typed back unambiguously. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** New codes: 31^12 ≈ 7.9 × 10^17 (≈ 2^59.5) possibilities. */
export const CODE_LENGTH = 12;
/** Shortest code accepted: the demo seed issued 10-character codes. */
export const MIN_CODE_LENGTH = 10;
export const MAX_CODE_LENGTH = 16;

const CODE_RE = new RegExp(`^[${CODE_ALPHABET}]{${MIN_CODE_LENGTH},${MAX_CODE_LENGTH}}$`);

/** One new code from the operating system's CSPRNG (uniform: randomInt has no modulo bias). */
export function newCode(length: number = CODE_LENGTH): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** `count` distinct new codes. */
export function newCodes(count: number, length: number = CODE_LENGTH): string[] {
  const out = new Set<string>();
  while (out.size < count) out.add(newCode(length));
  return [...out];
}

/**
 * What a respondent typed (or a URL segment) → the canonical code, or null when it cannot be one.
 * Case, spaces and hyphens are ignored (slips print the code in groups of four).
 */
export function normalizeCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const c = input.replace(/[\s\-–—_.]/g, '').toUpperCase();
  return CODE_RE.test(c) ? c : null;
}

/** For print and display: groups of four, e.g. `ABCD-EFGH-JKMN`. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** log2 of the number of possible codes of a length (for the README and tests). */
export function codeSpaceBits(length: number = CODE_LENGTH): number {
  return length * Math.log2(CODE_ALPHABET.length);
}

// Evidence file types decided from the file's bytes (magic numbers), never from its name or the
// type the browser claims (issue 3 "Evidence files", DESIGN §8 "size and type limits; served
// safely"). Pure: runs on the server (authoritative) and in the browser (instant feedback).

/** The only types accepted, with the extension a served file gets. */
export const EVIDENCE_MIME_EXT = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
} as const;
export type EvidenceMime = keyof typeof EVIDENCE_MIME_EXT;

/** At most 10 MB (10 MiB) per file. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** Leading bytes the detector looks at (the browser reads only this much before uploading). */
export const SNIFF_BYTES = 4096;

/** Why an upload is refused; 'unverifiable': a PDF whose object streams cannot be checked (inspect.ts). */
export type EvidenceRefusal = 'empty' | 'tooLarge' | 'html' | 'svg' | 'script' | 'unsupported' | 'unverifiable';
export type Detection = { ok: true; mime: EvidenceMime; ext: string } | { ok: false; reason: EvidenceRefusal };

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR = ascii('IHDR');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const PDF = ascii('%PDF-');

function magicType(b: Uint8Array): EvidenceMime | null {
  // PNG: 8-byte signature, then the IHDR chunk (length 4 bytes, type at offset 12).
  if (startsWith(b, PNG) && startsWith(b, IHDR, 12)) return 'image/png';
  // JPEG: SOI (FF D8) followed by a marker (FF xx, xx ≥ C0: APPn, DQT, SOF, COM …).
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff && b[3] >= 0xc0) return 'image/jpeg';
  // WebP: RIFF <size> WEBP, then a VP8 / VP8L / VP8X chunk.
  if (startsWith(b, RIFF) && startsWith(b, WEBP, 8) && startsWith(b, ascii('VP8'), 12)) {
    const c = b[15];
    if (c === 0x20 || c === 0x4c || c === 0x58) return 'image/webp';
  }
  // PDF: "%PDF-<digit>.<digit>" at the very start.
  if (startsWith(b, PDF) && b.length >= 8 && isDigit(b[5]) && b[6] === 0x2e && isDigit(b[7])) return 'application/pdf';
  return null;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The head as lower-case ASCII text, NULs dropped (catches UTF-16 text), BOM and leading whitespace trimmed. */
function headText(b: Uint8Array): string {
  let s = '';
  const n = Math.min(b.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c !== 0) s += String.fromCharCode(c < 0x80 ? c : 0x20);
  }
  return s.toLowerCase().trimStart();
}

const HTML_MARKERS = ['<!doctype html', '<html', '<head', '<body', '<script', '<iframe', '<meta', '<a ', '<img', '<div', '<form', '<style', '<title', '<object', '<embed'];
const MARKUP_INSIDE = ['<script', '<html', '<svg', '<iframe', '<body', 'javascript:'];

/** What a file that is not one of the accepted types really looks like, for a clear message. */
function disguise(text: string): EvidenceRefusal {
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg')) || text.includes('<svg')) return 'svg';
  if (HTML_MARKERS.some((m) => text.startsWith(m)) || text.includes('<html') || text.includes('<script')) return 'html';
  if (text.startsWith('#!') || text.startsWith('<?php') || text.startsWith('<%') || /^(var|let|const|function|import|export)\s/.test(text)) return 'script';
  return 'unsupported';
}

/**
 * Decides an upload's type from its leading bytes (`head`, at least SNIFF_BYTES when available)
 * and its total size. Markup inside an otherwise valid image/PDF head (an HTML/SVG polyglot) is
 * refused too: it has no place in a photo of a notice board.
 */
export function detectEvidenceType(head: Uint8Array, size: number = head.length): Detection {
  if (size === 0 || head.length === 0) return { ok: false, reason: 'empty' };
  if (size > MAX_EVIDENCE_BYTES) return { ok: false, reason: 'tooLarge' };
  const mime = magicType(head);
  if (!mime) return { ok: false, reason: disguise(headText(head)) };
  const text = headText(head);
  if (MARKUP_INSIDE.some((m) => text.includes(m))) return { ok: false, reason: mime === 'application/pdf' ? 'script' : 'html' };
  return { ok: true, mime, ext: EVIDENCE_MIME_EXT[mime] };
}

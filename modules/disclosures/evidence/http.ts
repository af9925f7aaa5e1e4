// HTTP helpers for evidence files: reading an upload with a hard size cap, and answering a
// download with the headers that keep a hostile file harmless (issue 3: detected Content-Type,
// nosniff, a CSP sandbox and a sanitised Content-Disposition).
import { contentDisposition } from './disposition';

/** The whole body, or 'tooLarge' as soon as it passes `cap` bytes (the rest is not read). */
export async function readCapped(body: ReadableStream<Uint8Array> | null, cap: number): Promise<Uint8Array | 'tooLarge'> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return 'tooLarge';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export interface FileToServe {
  bytes: Uint8Array;
  mimeType: string;
  ext: string;
  fileName: string | null;
  sha256: string | null;
  isPublic: boolean;
}

export const SAFE_FILE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
} as const;

/**
 * The download response. Images and PDFs open inline unless `download` is asked for; the ETag is
 * the content hash, so a browser revalidates instead of downloading again. Files of internal
 * disclosures are never stored by shared caches.
 */
export function fileResponse(file: FileToServe, req: Request, download = false): Response {
  const etag = file.sha256 ? `"${file.sha256}"` : null;
  const headers = new Headers({
    ...SAFE_FILE_HEADERS,
    'Content-Type': file.mimeType,
    'Content-Disposition': contentDisposition(file.fileName, file.ext, !download),
    'Cache-Control': file.isPublic ? 'public, max-age=0, must-revalidate' : 'private, max-age=0, must-revalidate',
  });
  if (etag) headers.set('ETag', etag);
  if (etag && req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  headers.set('Content-Length', String(file.bytes.byteLength));
  return new Response(file.bytes as BodyInit, { status: 200, headers });
}

/** 404 with the same safe headers (ids of files one may not see are indistinguishable from missing ones). */
export function fileNotFound(): Response {
  return new Response('Not found', { status: 404, headers: { ...SAFE_FILE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

import { describe, expect, it } from 'vitest';
import { fileNotFound, fileResponse, readCapped } from './http';

const file = { bytes: new Uint8Array([1, 2, 3]), mimeType: 'image/png', ext: 'png', fileName: '公开栏 <script>.html', sha256: 'abc', isPublic: false };

function stream(chunks: number[][]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      for (const x of chunks) c.enqueue(new Uint8Array(x));
      c.close();
    },
  });
}

describe('fileResponse', () => {
  it('serves the detected type with the safe headers, inline with a sanitised name', async () => {
    const res = fileResponse(file, new Request('http://x/files/1'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="___ script.png"; filename*=UTF-8''%E5%85%AC%E5%BC%80%E6%A0%8F%20script.png`);
    expect(res.headers.get('cache-control')).toContain('private');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(file.bytes);
  });
  it('answers 304 to a matching If-None-Match, and attachment on request', () => {
    expect(fileResponse(file, new Request('http://x', { headers: { 'if-none-match': '"abc"' } })).status).toBe(304);
    expect(fileResponse({ ...file, isPublic: true }, new Request('http://x'), true).headers.get('content-disposition')).toMatch(/^attachment; /);
  });
  it('404s carry the same protections', () => {
    const res = fileNotFound();
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });
});

describe('readCapped', () => {
  it('reads a body up to the cap', async () => {
    expect(await readCapped(stream([[1, 2], [3]]), 3)).toEqual(new Uint8Array([1, 2, 3]));
    expect(await readCapped(null, 3)).toEqual(new Uint8Array(0));
  });
  it('stops as soon as the cap is passed', async () => {
    expect(
      await readCapped(
        stream([
          [1, 2],
          [3, 4],
        ]),
        3,
      ),
    ).toBe('tooLarge');
  });
});

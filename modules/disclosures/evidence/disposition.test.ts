import { describe, expect, it } from 'vitest';
import { contentDisposition, rfc5987, safeFileName } from './disposition';

describe('safeFileName', () => {
  it('keeps a normal Chinese name and forces the detected extension', () => {
    expect(safeFileName('公开栏照片.JPG', 'jpg')).toBe('公开栏照片.jpg');
    expect(safeFileName('invoice.html', 'png')).toBe('invoice.png');
    expect(safeFileName('report', 'pdf')).toBe('report.pdf');
  });
  it('drops any path and dangerous characters', () => {
    expect(safeFileName('../../etc/passwd', 'png')).toBe('passwd.png');
    expect(safeFileName('C:\\Users\\a\\照片.png', 'png')).toBe('照片.png');
    expect(safeFileName('a"b;c\r\nContent-Type: x.png', 'png')).toBe('abcContent-Type x.png');
    expect(safeFileName('\u202eevil\u202cgpj.exe', 'jpg')).toBe('evilgpj.jpg');
  });
  it('falls back to "evidence" and limits the length', () => {
    expect(safeFileName('', 'pdf')).toBe('evidence.pdf');
    expect(safeFileName(null, 'png')).toBe('evidence.png');
    expect(safeFileName('...', 'png')).toBe('evidence.png');
    const long = safeFileName(`${'长'.repeat(300)}.png`, 'png');
    expect([...long].length).toBe(100);
    expect(long.endsWith('.png')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('sends an ASCII fallback and an RFC 5987 UTF-8 name', () => {
    expect(contentDisposition('校务公开栏.png', 'png', true)).toBe(`inline; filename="evidence.png"; filename*=UTF-8''%E6%A0%A1%E5%8A%A1%E5%85%AC%E5%BC%80%E6%A0%8F.png`);
    expect(contentDisposition('minutes 2026.pdf', 'pdf', false)).toBe(`attachment; filename="minutes 2026.pdf"; filename*=UTF-8''minutes%202026.pdf`);
  });
  it('never lets a quote or newline through', () => {
    const h = contentDisposition('x"; filename="evil.html\r\n', 'png', true);
    expect(h).not.toMatch(/[\r\n]/);
    expect(h.match(/"/g)).toHaveLength(2);
    expect(h).toContain('filename="x filename=evil.png"');
  });
  it('encodes the characters RFC 5987 reserves', () => {
    expect(rfc5987("a'(b)*c")).toBe('a%27%28b%29%2Ac');
  });
});

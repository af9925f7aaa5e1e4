import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isEvidencePath, malformedPath, newNonce } from './security-headers';

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';

describe('content security policy (issue 13)', () => {
  it('runs only scripts carrying this response’s nonce: no unsafe-inline, no inline handlers', () => {
    const csp = contentSecurityPolicy('abc123==', false);
    expect(directive(csp, 'script-src')).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(directive(csp, 'script-src-attr')).toBe("script-src-attr 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'self'");
  });
  it('allows eval only in development (React’s dev tooling)', () => {
    expect(contentSecurityPolicy('n', true)).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy('n', false)).not.toContain("'unsafe-eval'");
  });
  it('makes a fresh unpredictable nonce each time', () => {
    const seen = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(seen.size).toBe(100);
    for (const n of seen) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
  it('knows the evidence routes, which get the sandbox policy instead', () => {
    expect(isEvidencePath('/files/0b9c1f2e-0000-4000-8000-000000000000')).toBe(true);
    expect(isEvidencePath('/p/dongcheng/dc01/files/x')).toBe(true);
    expect(isEvidencePath('/p/dongcheng/dc01')).toBe(false);
    expect(isEvidencePath('/files')).toBe(false);
    expect(isEvidencePath('/school/evidence')).toBe(false);
  });
});

describe('malformed paths (issue 13)', () => {
  it('finds broken percent-encoding and invalid UTF-8', () => {
    for (const bad of ["/s/ABC%'", '/p/%E0%A4%A/dc01', '/s/%', '/x/%C0%AE', '/x/%ED%A0%80', '/x/%ZZ']) expect(malformedPath(bad), bad).toBe(true);
  });
  it('lets well-formed paths through, Chinese included', () => {
    for (const ok of ['/s/ABCD-EFGH', '/p/dongcheng/dc01', '/p/%E4%B8%9C%E5%9F%8E/dc01', '/', '/review/reports/not-a-uuid']) expect(malformedPath(ok), ok).toBe(false);
  });
});

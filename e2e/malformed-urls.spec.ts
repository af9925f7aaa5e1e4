import http from 'node:http';
import { expect, test } from '@playwright/test';
import { appRoutes } from './support/routes';

// Issue 13, "Malformed input": broken percent-encoding in a path segment and hostile sign-in
// callback URLs answer 400 or 404 — never a 500. The requests are sent byte for byte as written
// (a browser or Playwright's client would re-encode them first). Every route on disk is fuzzed
// with the same broken segments in each of its dynamic parts.

const PORT = Number(process.env.E2E_PORT ?? 3100);

function raw(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: PORT, path, method: 'GET', headers: { accept: 'text/html' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

const REPORTED = ["/s/ABC%'", '/p/%E0%A4%A/dc01', '/api/auth/signin?callbackUrl=javascript:alert(1)'];
const BROKEN_SEGMENTS = ['%', "ABC%'", '%E0%A4%A', '%C0%AE%C0%AE', '%ZZ', '%%32%65', '%ED%A0%80'];
const CALLBACKS = ['javascript:alert(1)', 'javascript://%0aalert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/', 'http://[::1', '%E0%A4%A'];

for (const path of REPORTED) {
  test(`${path} answers 400 or 404`, async () => {
    expect([400, 404]).toContain(await raw(path));
  });
}

test('hostile callbackUrl values on every next-auth endpoint answer 400 or 404, never 500', async () => {
  for (const action of ['signin', 'signout', 'session', 'csrf', 'providers', 'error', 'callback/credentials']) {
    for (const cb of CALLBACKS) {
      const path = `/api/auth/${action}?callbackUrl=${cb.replace(/ /g, '%20')}`;
      const status = await raw(path);
      expect(status, path).toBeLessThan(500);
    }
  }
});

test('broken percent-encoding in any dynamic segment of any route never answers 500', async () => {
  const failures: string[] = [];
  for (const route of appRoutes()) {
    if (!route.pattern.includes('[')) continue;
    for (const bad of BROKEN_SEGMENTS) {
      const path = route.pattern.replace(/\[\.{3}[^\]]+\]|\[[^\]]+\]/g, bad);
      const status = await raw(path);
      if (status >= 500) failures.push(`${path} → ${status}`);
    }
  }
  expect(failures).toEqual([]);
});

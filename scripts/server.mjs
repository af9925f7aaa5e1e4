#!/usr/bin/env node
// The app's HTTP server: the production build served by Next.js, behind a listener that stamps
// each request's client address (core/http/forwarded.mjs) before Next.js sees it — the only place
// the socket address is known (issue 13). Used by `npm start`, the Playwright server and the load
// test instead of `next start`.
//
//   node scripts/server.mjs [-p PORT] [-H HOST]      (defaults: $PORT or 3000, $HOST or 0.0.0.0)
//   SUNLIGHT_TRUSTED_PROXIES="10.0.0.0/8, 192.168.1.10"   reverse proxies whose X-Forwarded-For is read
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { parseTrustedProxies, stampClientAddress, STAMPED_MARK } from '../core/http/forwarded.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const arg = (flag) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const port = Number(arg('-p') ?? process.env.PORT ?? 3000);
const host = arg('-H') ?? process.env.HOST ?? '0.0.0.0';

let trusted;
try {
  trusted = parseTrustedProxies(process.env.SUNLIGHT_TRUSTED_PROXIES);
} catch (e) {
  console.error(`✗ ${e instanceof Error ? e.message : e}`);
  process.exit(2);
}

// Tells the app (core/http/client-address.ts) that the header below is written by this server.
globalThis[STAMPED_MARK] = true;

const app = next({ dev: false, dir: root, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  stampClientAddress(req, trusted);
  handle(req, res).catch((e) => {
    console.error('[server]', e instanceof Error ? e.message : e);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, host, () => {
  const proxies = trusted.size ? `; X-Forwarded-For read from ${trusted.size} trusted proxy range(s)` : '; client address = socket address (no trusted proxy)';
  console.log(`✓ Ready on http://${host}:${port}${proxies}`);
});

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}

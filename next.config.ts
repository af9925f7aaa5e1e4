import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { EVIDENCE_CSP, SECURITY_HEADERS } from './core/http/security-headers';

const withNextIntl = createNextIntlPlugin('./core/i18n/request.ts');

const nextConfig: NextConfig = {
  // PGlite ships wasm + data files that must be loaded from node_modules at run time; the
  // reminders' queue (pg-boss on node-postgres) and mailer stay plain Node modules too.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'pg-boss', 'pg', 'nodemailer'],
  poweredByHeader: false,
  // Lets several builds live side by side (e.g. parallel work on one machine).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  typedRoutes: false,
  async headers() {
    // The Content-Security-Policy itself is set per request, with a nonce, by proxy.ts. Evidence
    // files are user uploads: serve them sandboxed with no active content at all.
    const sandbox = [{ key: 'Content-Security-Policy', value: EVIDENCE_CSP }];
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      { source: '/files/:id', headers: sandbox },
      { source: '/p/:district/:school/files/:id', headers: sandbox },
    ];
  },
};

export default withNextIntl(nextConfig);

// The environment of a throw-away production server of the app (e2e, the page-bytes check): a data
// folder of its own, the demo's "today" unless SUNLIGHT_NOW says otherwise, a fresh session secret,
// its own URL, and no DATABASE_URL unless one is given (PGlite in that folder).
import crypto from 'node:crypto';

/**
 * @param {{ dataDir: string; port: number | string; databaseUrl?: string }} options
 * @returns {NodeJS.ProcessEnv}
 */
export function throwAwayServerEnv({ dataDir, port, databaseUrl }) {
  const env = {
    ...process.env,
    SUNLIGHT_DATA_DIR: dataDir,
    SUNLIGHT_NOW: process.env.SUNLIGHT_NOW ?? '2026-11-23T10:00:00+08:00',
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  return env;
}

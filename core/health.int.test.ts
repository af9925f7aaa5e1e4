// GET /api/health's data side: ok with a working database, "unavailable" (503) when it does not answer.
import { afterAll, describe, expect, it } from 'vitest';
import { freshTestDatabase, type TestDatabase } from '@/db/testing';
import { resetEnvForTests } from './env';

let fresh: TestDatabase | undefined;

afterAll(async () => {
  const { closeDb } = await import('@/db/client');
  await closeDb();
  await fresh?.cleanup();
});

describe('databaseHealth', () => {
  it('reports ok and the driver for a working database', async () => {
    fresh = await freshTestDatabase();
    const { databaseHealth } = await import('./health');
    const h = await databaseHealth();
    expect(h).toEqual({ ok: true, kind: fresh.kind });
  });

  it('reports not ok when PostgreSQL does not answer', async () => {
    const { closeDb } = await import('@/db/client');
    await closeDb();
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:1/nowhere';
    resetEnvForTests();
    try {
      const { databaseHealth } = await import('./health');
      expect(await databaseHealth()).toEqual({ ok: false, kind: 'postgres' });
    } finally {
      await closeDb();
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
      resetEnvForTests();
    }
  });
});

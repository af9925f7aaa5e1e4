import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const alias = { '@': import.meta.dirname };

/** Unit tests, in one process time zone: the suite runs them in two (dates must not depend on it). */
function unit(name: string, tz: string): TestProjectInlineConfiguration {
  return {
    resolve: { alias },
    test: {
      name,
      include: ['core/**/*.test.ts', 'modules/**/*.test.ts', 'seed/**/*.test.ts', 'scripts/**/*.test.ts'],
      exclude: ['**/*.int.test.ts', 'node_modules/**'],
      environment: 'node',
      // Set in the worker before any test module loads (Node applies a changed TZ at once);
      // core/domain/process-tz.test.ts proves each project runs in its zone.
      env: { TZ: tz },
      isolate: false,
    },
  };
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      unit('unit', 'UTC'),
      unit('unit-shanghai', 'Asia/Shanghai'),
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**', '.next/**'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // Builds the template databases each file clones (db/testing.ts), once per run.
          globalSetup: ['db/testing.global-setup.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});

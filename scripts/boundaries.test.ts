// The import boundaries of eslint.config.mjs really bite: each case is a file that breaks one
// rule, linted as if it lived at `at` (the imported files are real). A misconfigured rule that
// lets everything through fails here, not silently.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(at: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: at });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

describe('import boundaries (eslint-plugin-boundaries)', { timeout: 120_000 }, () => {
  it.each([
    ['a pure rule reaching the database', 'modules/ranking/domain/probe.ts', "import { withSystem } from '@/db/client';\nexport const p = withSystem;\n"],
    ['a pure rule reaching a data function', 'modules/ranking/domain/probe.ts', "import { rankingView } from '@/modules/ranking/data/view';\nexport const p = rankingView;\n"],
    ['the core reaching a feature', 'core/probe.ts', "import { rankingView } from '@/modules/ranking/data/view';\nexport const p = rankingView;\n"],
    ['a data function reaching a screen', 'modules/ranking/data/probe.ts', "import { RankingTable } from '@/modules/ranking/ui/RankingTable';\nexport const p = RankingTable;\n"],
    ['a screen using another module’s screen', 'modules/org/ui/Probe.tsx', "import { RankingTable } from '@/modules/ranking/ui/RankingTable';\nexport const p = RankingTable;\n"],
    ['a screen using another module’s data', 'modules/org/ui/Probe.tsx', "import { rankingView } from '@/modules/ranking/data/view';\nexport const p = rankingView;\n"],
    ['a feature importing a route', 'modules/org/data/probe.ts', "import Page from '@/app/page';\nexport const p = Page;\n"],
  ])('refuses %s', async (_what, at, code) => {
    expect(await boundaryErrors(at, code)).not.toEqual([]);
  });

  it.each([
    [
      'a screen using its own module and the core',
      'modules/ranking/ui/Probe.tsx',
      "import { rankingView } from '@/modules/ranking/data/view';\nimport { pct } from '@/core/ui/format';\nexport const p = [rankingView, pct];\n",
    ],
    ['a screen using another module’s pure rules', 'modules/dashboard/ui/Probe.tsx', "import { rankSchools } from '@/modules/ranking/domain/ranking';\nexport const p = rankSchools;\n"],
    ['a data function using another module’s data', 'modules/dashboard/data/probe.ts', "import { loadSettings } from '@/modules/org/data/settings';\nexport const p = loadSettings;\n"],
    ['a route using any module', 'app/probe/page.tsx', "import { rankingView } from '@/modules/ranking/data/view';\nexport const p = rankingView;\n"],
  ])('allows %s', async (_what, at, code) => {
    expect(await boundaryErrors(at, code)).toEqual([]);
  });
});

describe('one env module', { timeout: 120_000 }, () => {
  const envErrors = async (at: string) => {
    const [result] = await eslint.lintText('export const port = process.env.PORT;\n', { filePath: at });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-properties');
  };
  it.each(['modules/reminders/jobs/probe.ts', 'core/auth/probe.ts', 'app/probe/page.tsx'])('refuses process.env in %s', async (at) => {
    expect(await envErrors(at)).not.toEqual([]);
  });
  it.each(['core/env.ts', 'scripts/probe.ts', 'modules/org/data/probe.int.test.ts'])('allows it in %s', async (at) => {
    expect(await envErrors(at)).toEqual([]);
  });
});

// Lint: Next's rules (core web vitals), TypeScript's, and the house's import boundaries
// (docs/ENGINEERING.md, "The layout"). Run by `npm test` (scripts/test.sh, step `lint`).
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import boundaries from 'eslint-plugin-boundaries';

/** The layers of a feature module (modules/<feature>/<layer>/…). */
const LAYERS = ['domain', 'data', 'validation', 'ui', 'actions', 'export', 'import', 'evidence'];
/** Layers holding side effects or framework code: never imported by pure code. */
const IMPURE = ['core', 'db', 'app', 'seed', 'scripts', 'e2e', 'data', 'ui', 'actions', 'validation', 'export', 'import', 'evidence'];
const otherModule = { captured: { module: '!{{ from.captured.module }}' } };

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['node_modules/**', '.next*/**', '.data/**', '.tmp/**', 'test-results*/**', 'playwright-report*/**', 'blob-report/**', 'next-env.d.ts', 'db/migrations/**'] },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      // The React Compiler's rules (eslint-plugin-react-hooks 7): the app does not run the
      // compiler, and the forms they flag (draft restore, reset after save) are deliberate; kept
      // visible as warnings.
      'react-hooks/set-state-in-effect': 'warn',
      'react-hooks/refs': 'warn',
    },
  },
  {
    // One env module (core/env.ts, validated once with zod): the app reads no process.env itself.
    files: ['app/**/*.{ts,tsx}', 'core/**/*.{ts,tsx}', 'modules/**/*.{ts,tsx}'],
    ignores: ['core/env.ts', '**/*.test.ts', '**/*.int.test.ts', 'app/_testing/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read the environment through env() in core/env.ts.' }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    // Tests integrate across layers on purpose (a seeded database, the real actions).
    ignores: ['**/*.test.ts', '**/*.int.test.ts', '**/*.testutil.ts', 'app/_testing/**', 'e2e/**'],
    plugins: { boundaries },
    settings: {
      'boundaries/legacy-warnings': false,
      'boundaries/elements': [
        { type: 'core-domain', pattern: 'core/domain', mode: 'folder' },
        { type: 'core', pattern: 'core', mode: 'folder' },
        ...LAYERS.map((layer) => ({ type: layer, pattern: `modules/*/${layer}`, mode: 'folder', capture: ['module'] })),
        { type: 'db', pattern: 'db', mode: 'folder' },
        { type: 'app', pattern: 'app', mode: 'folder' },
        { type: 'seed', pattern: 'seed', mode: 'folder' },
        { type: 'scripts', pattern: 'scripts', mode: 'folder' },
        { type: 'e2e', pattern: 'e2e', mode: 'folder' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            // Pure rules import nothing of ours but other pure rules (DESIGN's formulas live here).
            { from: { type: ['domain', 'core-domain'] }, disallow: { to: { type: IMPURE } } },
            // The shared core knows no feature, no route, no seed.
            { from: { type: ['core', 'core-domain'] }, disallow: { to: { type: [...LAYERS, 'app', 'seed', 'scripts', 'e2e'] } } },
            // The schema and client know no feature.
            { from: { type: 'db' }, disallow: { to: { type: [...LAYERS, 'app', 'seed', 'scripts', 'e2e'] } } },
            // Data never reaches up to screens, actions or routes.
            { from: { type: 'data' }, disallow: { to: { type: ['ui', 'actions', 'app', 'e2e', 'scripts'] } } },
            // Validation is shared by forms and servers: no database, no screens.
            { from: { type: 'validation' }, disallow: { to: { type: ['data', 'db', 'ui', 'actions', 'app', 'seed'] } } },
            // A module's screens use their own module (any layer), other modules' pure rules, and core.
            { from: { type: 'ui' }, disallow: { to: [{ type: ['ui', 'actions', 'data', 'validation', 'export', 'import', 'evidence'], ...otherModule }, { type: ['db', 'app', 'seed'] }] } },
            // Actions call data functions (any module's) and their own module's validation.
            { from: { type: 'actions' }, disallow: { to: [{ type: ['ui', 'app', 'seed'] }, { type: ['validation', 'actions'], ...otherModule }] } },
            // Exports and imports are file formats over data: no screens or routes.
            { from: { type: ['export', 'import', 'evidence'] }, disallow: { to: { type: ['ui', 'actions', 'app'] } } },
            // Nothing imports a route but the routes' own test harness.
            { from: { type: ['core', 'core-domain', 'db', 'seed', 'scripts', 'e2e', ...LAYERS] }, disallow: { to: { type: 'app' } } },
            // The demo seed builds rows; it never renders.
            { from: { type: 'seed' }, disallow: { to: { type: ['ui', 'actions', 'app'] } } },
          ],
        },
      ],
    },
  },
];

export default config;

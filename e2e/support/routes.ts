// The app's routes as the file system declares them (Next App Router conventions), read at test
// time so that a new page or route handler shows up in the isolation matrix without anyone
// remembering to add it: every app/**/page.tsx and app/**/route.ts, with route groups `(x)` and
// parallel-route slots `@x` stripped, private folders `_x` skipped, and dynamic segments kept as
// patterns (`[id]`, `[...nextauth]`).
import fs from 'node:fs';
import path from 'node:path';

export type RouteKind = 'page' | 'route';

export interface AppRoute {
  /** URL pattern, e.g. `/review/reports/[id]`; `/` for the root page. */
  pattern: string;
  kind: RouteKind;
  /** Path of the file relative to the repository root. */
  file: string;
  /** HTTP methods a route handler exports (`GET`, `POST`, …); `['GET']` for pages. */
  methods: string[];
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const PAGE_FILES = new Set(['page.tsx', 'page.ts', 'page.jsx', 'page.js']);
const ROUTE_FILES = new Set(['route.ts', 'route.js']);

/** The methods a route.ts exports: `export async function GET`, `export const POST =`, `export { h as GET }`. */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+([A-Z]+)\s*\(/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s+([A-Z]+)\s*[=:]/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) found.add(name);
    }
  }
  return HTTP_METHODS.filter((h) => found.has(h));
}

function urlSegment(dir: string): string | null {
  if (/^\(.*\)$/.test(dir)) return null; // route group
  if (dir.startsWith('@')) return null; // parallel route slot
  return dir;
}

/** Every page and route handler under `appDir`, sorted by pattern then kind. */
export function appRoutes(root = process.cwd()): AppRoute[] {
  const appDir = path.join(root, 'app');
  const out: AppRoute[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('_') || entry.name === 'node_modules') continue; // private folder
        const seg = urlSegment(entry.name);
        walk(full, seg === null ? segments : [...segments, seg]);
        continue;
      }
      const isPage = PAGE_FILES.has(entry.name);
      const isRoute = ROUTE_FILES.has(entry.name);
      if (!isPage && !isRoute) continue;
      out.push({
        pattern: `/${segments.join('/')}`,
        kind: isPage ? 'page' : 'route',
        file: path.relative(root, full),
        methods: isPage ? ['GET'] : exportedMethods(fs.readFileSync(full, 'utf8')),
      });
    }
  };
  walk(appDir, []);
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern) || a.kind.localeCompare(b.kind));
}

/** `page /review/reports/[id]` — how the matrix names a route. */
export const routeKey = (r: { kind: RouteKind; pattern: string }): string => `${r.kind} ${r.pattern}`;

/** Whether a concrete path (no query) is an instance of a pattern such as `/p/[district]/[school]`. */
export function matchesPattern(pattern: string, pathname: string): boolean {
  const p = pattern.split('/').filter(Boolean);
  const s = pathname.split('/').filter(Boolean);
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    if (/^\[\[?\.\.\./.test(seg)) return s.length >= i + (seg.startsWith('[[') ? 0 : 1);
    if (s[i] === undefined) return false;
    if (/^\[.+\]$/.test(seg)) continue;
    if (seg !== s[i]) return false;
  }
  return p.length === s.length;
}

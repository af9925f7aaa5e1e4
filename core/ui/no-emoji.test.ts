// Issue 14: pictograms drawn with emoji (🔒, 📎 …) render as empty boxes on machines without an
// emoji font. The interface draws them with core/ui/Icon.tsx; no component or message may carry
// an emoji or a symbol from the emoji-capable blocks (Miscellaneous Symbols ☀ ⚠ ★, Dingbats,
// and the pictographic planes). The text marks of the coverage matrix (✓ ◐ ✗, read with a label)
// are in messages, which are checked for the pictographic planes only.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PICTOGRAPHS = /[\u{1F000}-\u{1FAFF}\u{2B50}\u{2B55}\u{FE0F}]/u;
const SYMBOLS = /[\u{2600}-\u{27BF}]/u;

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      out.push(...files(full, ext));
    } else if (ext.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(full);
  }
  return out;
}

function offending(file: string, pattern: RegExp): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      // Comments may quote the glyphs they replace.
      const code = line.replace(/\/\/.*$/, '').replace(/\/\*.*?\*\//g, '');
      return pattern.test(code) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [];
    });
}

describe('no emoji in the interface', () => {
  it('components draw pictograms as SVG icons', () => {
    // XLSX exports are spreadsheets, not the interface: Excel draws their marks with its own fonts.
    const sources = ['app', 'modules', 'core'].flatMap((d) => files(path.join(ROOT, d), /\.tsx?$/)).filter((f) => !f.includes(`${path.sep}export${path.sep}`));
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.flatMap((f) => offending(f, new RegExp(`${PICTOGRAPHS.source}|${SYMBOLS.source}`, 'u')))).toEqual([]);
  });

  it('messages carry no emoji', () => {
    const messages = files(path.join(ROOT, 'messages'), /\.json$/);
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.flatMap((f) => offending(f, PICTOGRAPHS))).toEqual([]);
  });
});

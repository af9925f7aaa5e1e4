// Issue 14: the badge colours of app/globals.css meet WCAG AA for small text (4.5:1) on their own
// background and on white (7天内到期 / 已退回 / 份数不足 / 较重 and ◐ cells use --late on --late-bg).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = fs.readFileSync(path.resolve(import.meta.dirname, '../../app/globals.css'), 'utf8');
const vars = new Map([...css.matchAll(/--([a-z0-9-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!]));

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('badge colours', () => {
  it('computes WCAG contrast', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#a16207', '#fef3c7')).toBeCloseTo(4.42, 2);
  });

  for (const tone of ['late', 'ok', 'bad', 'info', 'wait']) {
    it(`--${tone} text reads at 4.5:1 on --${tone}-bg and on white`, () => {
      const fg = vars.get(tone)!;
      expect(fg).toBeDefined();
      expect(contrast(fg, vars.get(`${tone}-bg`)!)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(fg, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('muted text reads at 4.5:1 on the page and on cards', () => {
    expect(contrast(vars.get('muted')!, vars.get('bg')!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(vars.get('muted')!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});

import { describe, expect, it } from 'vitest';
import { LOCALES } from './config';
import { loadMessages } from './messages';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('message files', () => {
  it('every locale has exactly the same keys as Simplified Chinese', () => {
    const zh = keys(loadMessages('zh-CN')).sort();
    expect(zh.length).toBeGreaterThan(50);
    for (const l of LOCALES) expect(keys(loadMessages(l)).sort()).toEqual(zh);
  });
  it('has no empty or non-string messages', () => {
    const values = (obj: unknown): unknown[] => (typeof obj === 'object' && obj !== null ? Object.values(obj).flatMap(values) : [obj]);
    for (const l of LOCALES) {
      const bad = values(loadMessages(l)).filter((v) => typeof v !== 'string' || v.trim() === '');
      expect(bad).toEqual([]);
    }
  });
});

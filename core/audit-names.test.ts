// Issue 14: the audit viewer showed raw names (declared_event, withdrawRejection). Every entity and
// action the app writes (core/audit-names.ts, enforced by the type of audit()) has its words in
// both languages.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from './audit-names';

const messages = (locale: string) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../messages/${locale}/admin-audit.json`), 'utf8')).adminAudit as { entities: Record<string, string>; actions: Record<string, string> };

describe('audit log names', () => {
  for (const locale of ['zh-CN', 'en']) {
    it(`every entity and action is translated (${locale})`, () => {
      const m = messages(locale);
      expect(AUDIT_ENTITIES.filter((e) => !m.entities[e])).toEqual([]);
      expect(AUDIT_ACTIONS.filter((a) => !m.actions[a])).toEqual([]);
    });
  }

  it('the log is written with listed names only, also where it is inserted directly', () => {
    const files = ['../modules/org/data/account.ts', '../modules/disclosures/data/evidence-pending.ts', '../seed/demo.ts'].map((f) => fs.readFileSync(path.resolve(import.meta.dirname, f), 'utf8'));
    for (const src of files) {
      for (const [, e] of src.matchAll(/entity: '([a-z_]+)'/g)) expect(AUDIT_ENTITIES).toContain(e);
      for (const [, a] of src.matchAll(/action: '([a-zA-Z]+)'/g)) expect(AUDIT_ACTIONS).toContain(a);
    }
  });
});

// A database started without the demo (`npm run db:migrate`, `scripts/prepare.ts --no-seed`) still
// holds the DESIGN §2 default checklist template, and installing it again changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTestDatabase, type TestDatabase } from '@/db/testing';

let fresh: TestDatabase;

beforeAll(async () => {
  fresh = await freshTestDatabase();
});
afterAll(() => fresh?.cleanup());

describe('reference data', () => {
  it('installs the default template once, with its 28 items', async () => {
    const { getDb } = await import('@/db/client');
    const { checklistTemplateItems, checklistTemplates } = await import('@/db/schema');
    const { installReferenceData, DEFAULT_TEMPLATE_ID } = await import('./reference');
    const { DEFAULT_CHECKLIST_TEMPLATE, DEFAULT_TEMPLATE_CODE } = await import('@/modules/checklist/domain/default-template');
    const db = await getDb();
    expect(await installReferenceData(db)).toBe(true);
    expect(await installReferenceData(db)).toBe(false);
    const templates = await db.select().from(checklistTemplates);
    expect(templates.map((t) => [t.id, t.code])).toEqual([[DEFAULT_TEMPLATE_ID, DEFAULT_TEMPLATE_CODE]]);
    const items = await db.select({ code: checklistTemplateItems.code }).from(checklistTemplateItems);
    expect(items.map((i) => i.code).sort()).toEqual(DEFAULT_CHECKLIST_TEMPLATE.map((i) => i.code).sort());
    expect(items).toHaveLength(28);
  });
});

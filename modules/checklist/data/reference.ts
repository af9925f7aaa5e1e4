// Reference data every database holds, demo or not: the platform's default checklist template
// (DESIGN §2). Installed after the migrations on every start (scripts/prepare.ts, with or without
// the demo seed) and by the seed itself; installing twice changes nothing.
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { checklistTemplateItems, checklistTemplates } from '@/db/schema';
import { DEFAULT_CHECKLIST_TEMPLATE, DEFAULT_TEMPLATE_CODE, DEFAULT_TEMPLATE_NAME } from '@/modules/checklist/domain/default-template';

/** The default template's id: fixed, so districts' checklist versions can name their source. */
export const DEFAULT_TEMPLATE_ID = '5558d8fd-35d4-5a22-842e-24d391b37601';

/** Adds the default template when no template has its code yet; returns whether it was added. */
export async function installReferenceData(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two processes starting together install once.
    await tx.execute(sql`select pg_advisory_xact_lock(727276)`);
    const added = await tx
      .insert(checklistTemplates)
      .values({ id: DEFAULT_TEMPLATE_ID, code: DEFAULT_TEMPLATE_CODE, name: DEFAULT_TEMPLATE_NAME })
      .onConflictDoNothing()
      .returning({ id: checklistTemplates.id });
    if (added.length === 0) return false;
    await tx.insert(checklistTemplateItems).values(DEFAULT_CHECKLIST_TEMPLATE.map((it) => ({ ...it, templateId: DEFAULT_TEMPLATE_ID })));
    return true;
  });
}

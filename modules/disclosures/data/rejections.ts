// A rejected disclosure changed by its school (§5, issue 14): the rejection still stands until the
// evaluator withdraws it, but it is marked as revised (已修改待复核) so the evaluator knows to look
// again — in the work queue and on the report.
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { disclosureRejections } from '@/db/schema';
import { now } from '@/core/env';

/** Marks the disclosure's standing rejection (if any) as revised now. */
export async function markRejectionRevised(tx: Tx, districtId: string, disclosureId: string): Promise<void> {
  await tx
    .update(disclosureRejections)
    .set({ revisedAt: now() })
    .where(and(eq(disclosureRejections.districtId, districtId), eq(disclosureRejections.disclosureId, disclosureId), isNull(disclosureRejections.withdrawnAt)));
}

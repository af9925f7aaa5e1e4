// 催办 (issue 16): an evaluator sends the selected schools of their scope a reminder listing
// exactly each school's overdue items. At most one per school and day: the unique (school, day)
// row decides (INSERT … ON CONFLICT DO NOTHING), whoever sends it. Audited, and shown on the
// school's page and in its history.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { reminderUrges, schools, users } from '@/db/schema';
import { audit } from '@/core/audit';
import { inDistrict, today } from '@/core/context';
import { notFound } from '@/core/errors';
import { isUuid } from '@/core/auth/users';
import { coversSchool, type Scope } from '@/core/scope';
import { now } from '@/core/env';
import { planUrge, urgeItems } from '../domain/urge';
import { wakeWorker } from '../jobs/wake';
import { channelFactsOf, districtFacts, recipientsOf } from './facts';
import { storeMessages } from './store';

export interface UrgeResult {
  sent: string[];
  already: string[];
  nothing: string[];
}

export async function urgeSchools(scope: Scope, schoolIds: readonly string[]): Promise<UrgeResult> {
  const ids = [...new Set(schoolIds)];
  const r = await inDistrict(scope, ['evaluator'], async (tx, s) => {
    if (ids.length === 0 || !ids.every(isUuid)) notFound();
    const rows = await tx
      .select({ id: schools.id, districtId: schools.districtId, zoneId: schools.zoneId, code: schools.code, active: schools.active })
      .from(schools)
      .where(and(eq(schools.districtId, s.districtId), inArray(schools.id, ids)));
    // Every school must exist in the caller's scope: one out of scope and nothing is sent.
    if (rows.length !== ids.length || rows.some((x) => !x.active || !coversSchool(s, x))) notFound();
    const day = today();
    const at = now();
    const facts = await districtFacts(tx, s.districtId, day, { schoolIds: ids });
    const recipients = await recipientsOf(tx, s.districtId);
    const channels = await channelFactsOf(tx, s.districtId);
    const out: UrgeResult & { deliveryIds: string[] } = { sent: [], already: [], nothing: [], deliveryIds: [] };
    for (const school of facts.schools.sort((a, b) => a.code.localeCompare(b.code))) {
      const items = urgeItems(school, day);
      if (items.length === 0) {
        out.nothing.push(school.code);
        continue;
      }
      const [claimed] = await tx
        .insert(reminderUrges)
        .values({ districtId: s.districtId, schoolId: school.schoolId, day, sentBy: s.userId, items, createdAt: at })
        .onConflictDoNothing({ target: [reminderUrges.schoolId, reminderUrges.day] })
        .returning({ id: reminderUrges.id });
      if (!claimed) {
        out.already.push(school.code);
        continue;
      }
      const stored = await storeMessages(tx, s.districtId, planUrge(school, day, recipients, s.displayName), recipients, channels, at, s.userId);
      out.deliveryIds.push(...stored.deliveryIds);
      out.sent.push(school.code);
      await audit(tx, s, { entity: 'school', entityId: school.schoolId, action: 'urge', after: { day, items: items.length, messages: stored.messageIds.length, urgeId: claimed.id } });
    }
    return { ...out, districtId: s.districtId };
  });
  await wakeWorker(r.districtId, r.deliveryIds);
  return { sent: r.sent, already: r.already, nothing: r.nothing };
}

/** A school's 催办 history: its own coordinator, or evaluators and leaders covering it. */
export async function schoolUrges(scope: Scope, schoolId: string | null = null) {
  return inDistrict(scope, ['coordinator', 'evaluator', 'leader'], async (tx, s) => {
    const id = s.role === 'coordinator' ? s.schoolId : schoolId;
    if (!id || !isUuid(id)) notFound();
    const [school] = await tx
      .select()
      .from(schools)
      .where(and(eq(schools.id, id), eq(schools.districtId, s.districtId)));
    if (!school || !coversSchool(s, school)) notFound();
    return tx
      .select({ id: reminderUrges.id, day: reminderUrges.day, items: reminderUrges.items, createdAt: reminderUrges.createdAt, sender: users.displayName })
      .from(reminderUrges)
      .innerJoin(users, eq(users.id, reminderUrges.sentBy))
      .where(and(eq(reminderUrges.districtId, s.districtId), eq(reminderUrges.schoolId, id)))
      .orderBy(desc(reminderUrges.day))
      .limit(50);
  });
}

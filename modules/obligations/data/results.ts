// Loads what the domain core needs to judge obligations — checklist, declared events and
// disclosures — in a fixed number of queries for any number of schools (no per-row queries),
// then lets lib/domain compute every status and figure.
import { and, eq, exists, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { declaredEvents, disclosureRejections, disclosures } from '@/db/schema';
import { expandObligations, obligationsForQuarter } from '@/modules/obligations/domain/obligations';
import { evaluateAll } from '@/modules/obligations/domain/status';
import type { ChecklistItem, DeclaredEvent, DisclosureFact, LocalDate, ObligationResult, Quarter } from '@/core/domain/types';
import { toDomainItem, versionForQuarter } from '@/modules/checklist/data/versions';

export interface QuarterResults {
  items: ChecklistItem[];
  bySchool: Map<string, ObligationResult[]>;
}

/** Obligation results of a quarter for the given schools (already scope-checked by the caller). */
export async function quarterResults(tx: Tx, districtId: string, schoolIds: readonly string[], year: number, quarter: Quarter, today: LocalDate): Promise<QuarterResults> {
  const bySchool = new Map<string, ObligationResult[]>();
  const version = await versionForQuarter(tx, districtId, year, quarter);
  if (!version || schoolIds.length === 0) {
    for (const id of schoolIds) bySchool.set(id, []);
    return { items: version?.items.map(toDomainItem) ?? [], bySchool };
  }
  const items = version.items.map(toDomainItem);
  const idByCode = new Map(items.map((i) => [i.code, i.id]));
  const ids = [...schoolIds];

  const [eventRows, disclosureRows] = await Promise.all([
    tx
      .select({ id: declaredEvents.id, schoolId: declaredEvents.schoolId, itemCode: declaredEvents.itemCode, eventDate: declaredEvents.eventDate, title: declaredEvents.title })
      .from(declaredEvents)
      .where(and(eq(declaredEvents.districtId, districtId), eq(declaredEvents.year, year), inArray(declaredEvents.schoolId, ids), isNull(declaredEvents.deletedAt))),
    tx
      .select({
        id: disclosures.id,
        schoolId: disclosures.schoolId,
        itemCode: disclosures.itemCode,
        periodKey: disclosures.periodKey,
        disclosedOn: disclosures.disclosedOn,
        rejected: exists(
          tx
            .select({ one: sql`1` })
            .from(disclosureRejections)
            .where(and(eq(disclosureRejections.disclosureId, disclosures.id), isNull(disclosureRejections.withdrawnAt))),
        ).mapWith(Boolean),
      })
      .from(disclosures)
      .where(and(eq(disclosures.districtId, districtId), eq(disclosures.year, year), eq(disclosures.quarter, quarter), inArray(disclosures.schoolId, ids), isNull(disclosures.deletedAt))),
  ]);

  const eventsBySchool = groupBy(eventRows, (e) => e.schoolId);
  const factsBySchool = groupBy(disclosureRows, (d) => d.schoolId);
  // Calendar obligations are the same for every school; only events differ.
  const calendarItems = items.filter((i) => i.frequency !== 'event');
  const eventItems = items.filter((i) => i.frequency === 'event');
  const base = obligationsForQuarter(expandObligations(calendarItems, year, []), year, quarter);

  for (const schoolId of ids) {
    const events: DeclaredEvent[] = [];
    for (const e of eventsBySchool.get(schoolId) ?? []) {
      const itemId = idByCode.get(e.itemCode);
      if (itemId) events.push({ id: e.id, itemId, eventDate: e.eventDate, title: e.title });
    }
    const obligations = events.length ? [...base, ...obligationsForQuarter(expandObligations(eventItems, year, events), year, quarter)] : base;
    const facts: DisclosureFact[] = [];
    for (const d of factsBySchool.get(schoolId) ?? []) {
      const itemId = idByCode.get(d.itemCode);
      if (itemId) facts.push({ id: d.id, itemId, periodKey: d.periodKey, disclosedOn: d.disclosedOn, rejected: d.rejected });
    }
    bySchool.set(schoolId, evaluateAll(obligations, facts, today));
  }
  return { items, bySchool };
}

export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

// Obligation results of many schools for one or more quarters of a year, in a fixed number of
// queries (issue 4 performance: no per-row queries). Same rules as quarterResults
// (modules/obligations/data/results.ts) — the checklist version in force per quarter, declared events, the
// disclosures of each quarter — but one pass for a whole year, and the disclosures arrive
// already reduced per obligation (earliest accepted date, any rejection) so that far fewer rows
// cross the driver. Every status is still decided by lib/domain (expandObligations, evaluateAll).
import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { checklistItems, checklistVersions, declaredEvents } from '@/db/schema';
import { expandObligations, obligationsForQuarter } from '@/modules/obligations/domain/obligations';
import { evaluateAll } from '@/modules/obligations/domain/status';
import type { ChecklistItem, DeclaredEvent, DisclosureFact, LocalDate, Obligation, ObligationResult, Quarter } from '@/core/domain/types';
import { toDomainItem } from '@/modules/checklist/data/versions';

export interface PeriodResults {
  /** Items of the version in force, per quarter asked for. */
  itemsByQuarter: Map<Quarter, ChecklistItem[]>;
  /** Per school: the results of every quarter asked for, in quarter order. */
  bySchool: Map<string, ObligationResult[]>;
}

interface ObligationFacts {
  school_id: string;
  item_code: string;
  period_key: string;
  quarter: number;
  first_ok: string | null;
  any_rejected: boolean;
}

export async function periodResults(tx: Tx, districtId: string, schoolIds: readonly string[], year: number, quarters: readonly Quarter[], today: LocalDate): Promise<PeriodResults> {
  const last = Math.max(...quarters) as Quarter;
  const versions = await tx
    .select()
    .from(checklistVersions)
    .where(and(eq(checklistVersions.districtId, districtId), eq(checklistVersions.year, year), lte(checklistVersions.effectiveFromQuarter, last)))
    .orderBy(desc(checklistVersions.version));
  // §2: the version in force for a quarter is the latest one effective from that quarter or earlier.
  const versionOf = new Map(quarters.map((q) => [q, versions.find((v) => v.effectiveFromQuarter <= q)]));
  const versionIds = [...new Set([...versionOf.values()].filter((v) => v !== undefined).map((v) => v.id))];
  const ids = [...schoolIds];
  // The schools as ONE array parameter (a 300-school district as 300 parameters cost more to send
  // than to run); ids are uuids, which need no quoting in an array literal.
  const idArray = `{${ids.join(',')}}`;
  const quarterList = sql.join(
    quarters.map((q) => sql`${q}`),
    sql`, `,
  );
  const [itemRows, eventRows, factRows] = await Promise.all([
    versionIds.length
      ? tx
          .select()
          .from(checklistItems)
          .where(and(eq(checklistItems.districtId, districtId), inArray(checklistItems.versionId, versionIds), eq(checklistItems.retired, false)))
          .orderBy(asc(checklistItems.sortOrder), asc(checklistItems.code))
      : Promise.resolve([]),
    ids.length
      ? tx
          .select({ id: declaredEvents.id, schoolId: declaredEvents.schoolId, itemCode: declaredEvents.itemCode, eventDate: declaredEvents.eventDate, title: declaredEvents.title })
          .from(declaredEvents)
          .where(and(eq(declaredEvents.districtId, districtId), eq(declaredEvents.year, year), sql`${declaredEvents.schoolId} = any(${idArray}::uuid[])`, isNull(declaredEvents.deletedAt)))
      : Promise.resolve([]),
    ids.length
      ? tx.execute(sql`
          select f.school_id, json_agg(json_build_array(f.item_code, f.period_key, f.quarter, f.first_ok, f.any_rejected)) as facts
          from (
            select d.school_id, d.item_code, d.period_key, d.quarter,
                   min(d.disclosed_on) filter (where r.disclosure_id is null)::text as first_ok,
                   bool_or(r.disclosure_id is not null) as any_rejected
            from disclosures d
            left join (
              select distinct disclosure_id from disclosure_rejections
              where district_id = ${districtId} and withdrawn_at is null
            ) r on r.disclosure_id = d.id
            where d.district_id = ${districtId} and d.year = ${year} and d.quarter in (${quarterList})
              and d.school_id = any(${idArray}::uuid[])
              and d.deleted_at is null
            group by d.school_id, d.item_code, d.period_key, d.quarter
          ) f
          group by f.school_id`)
      : Promise.resolve({ rows: [] }),
  ]);
  // One row per school with its facts as a JSON array (≈ 50 per school-year): far fewer rows and
  // values for the driver to decode than one row per obligation (issue 8, province ranking).
  const factsBySchool = new Map<string, ObligationFacts[]>();
  for (const r of rowsOf<{ school_id: string; facts: unknown }>(factRows)) {
    const list = (typeof r.facts === 'string' ? JSON.parse(r.facts) : r.facts) as [string, string, number, string | null, boolean][];
    factsBySchool.set(
      r.school_id,
      list.map(([item_code, period_key, quarter, first_ok, any_rejected]) => ({ school_id: r.school_id, item_code, period_key, quarter, first_ok, any_rejected })),
    );
  }

  const itemsByQuarter = new Map<Quarter, ChecklistItem[]>();
  const perQuarter = quarters.map((q) => {
    const v = versionOf.get(q);
    const items = v ? itemRows.filter((i) => i.versionId === v.id).map(toDomainItem) : [];
    itemsByQuarter.set(q, items);
    const calendar = items.filter((i) => i.frequency !== 'event');
    return {
      q,
      versionId: v?.id ?? '',
      items,
      idByCode: new Map(items.map((i) => [i.code, i.id])),
      eventItems: items.filter((i) => i.frequency === 'event'),
      base: obligationsForQuarter(expandObligations(calendar, year, []), year, q),
    };
  });

  const eventsBySchool = group(eventRows, (e) => e.schoolId);
  const bySchool = new Map<string, ObligationResult[]>();
  for (const schoolId of ids) {
    const out: ObligationResult[] = [];
    const myFacts = factsBySchool.get(schoolId) ?? [];
    // Event obligations of the year, expanded once per checklist version (usually one a year).
    const eventObligations = new Map<string, Obligation[]>();
    for (const pq of perQuarter) {
      let expanded = eventObligations.get(pq.versionId);
      if (!expanded) {
        const events: DeclaredEvent[] = [];
        for (const e of eventsBySchool.get(schoolId) ?? []) {
          const itemId = pq.idByCode.get(e.itemCode);
          if (itemId) events.push({ id: e.id, itemId, eventDate: e.eventDate, title: e.title });
        }
        expanded = events.length ? expandObligations(pq.eventItems, year, events) : [];
        eventObligations.set(pq.versionId, expanded);
      }
      const own = expanded.length ? obligationsForQuarter(expanded, year, pq.q) : [];
      const obligations = own.length ? [...pq.base, ...own] : pq.base;
      const dfacts: DisclosureFact[] = [];
      for (const f of myFacts) {
        if (Number(f.quarter) !== pq.q) continue;
        const itemId = pq.idByCode.get(f.item_code);
        if (!itemId) continue;
        // One accepted fact (the earliest accepted date) and one rejected fact are all that
        // evaluateAll needs to decide met / on time / rejected (§3, §5).
        if (f.first_ok) dfacts.push({ id: `${f.period_key}:ok`, itemId, periodKey: f.period_key, disclosedOn: f.first_ok, rejected: false });
        if (f.any_rejected) dfacts.push({ id: `${f.period_key}:rej`, itemId, periodKey: f.period_key, disclosedOn: f.first_ok ?? '0000-01-01', rejected: true });
      }
      out.push(...evaluateAll(obligations, dfacts, today));
    }
    bySchool.set(schoolId, out);
  }
  return { itemsByQuarter, bySchool };
}

/** drizzle's execute answers `{ rows }` on PGlite and an array on postgres.js. */
function rowsOf<T>(res: unknown): T[] {
  if (Array.isArray(res)) return res as T[];
  return ((res as { rows?: T[] }).rows ?? []) as T[];
}

function group<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

// The one loader of obligation results (DESIGN §3): the checklist version in force per quarter
// (modules/checklist/domain/version-in-force.ts), the declared events, and each quarter's
// disclosures reduced per obligation (earliest accepted date, any rejection), for many schools
// and one or more quarters of a year in a fixed number of queries (no per-row queries). Every
// status is decided by the domain (expandObligations, evaluateAll).
import { and, asc, between, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { checklistItems, checklistVersions, declaredEvents, holidays } from '@/db/schema';
import type { ChecklistItem, DeclaredEvent, DisclosureFact, LocalDate, Obligation, ObligationResult, Quarter } from '@/core/domain/types';
import { toDomainItem } from '@/modules/checklist/data/versions';
import { versionInForce } from '@/modules/checklist/domain/version-in-force';
import { expandObligations, obligationsForQuarter } from '@/modules/obligations/domain/obligations';
import { evaluateAll } from '@/modules/obligations/domain/status';

export interface QuarterResults {
  items: ChecklistItem[];
  bySchool: Map<string, ObligationResult[]>;
}

/** Obligation results of one quarter for the given schools (already scope-checked by the caller). */
export async function quarterResults(tx: Tx, districtId: string, schoolIds: readonly string[], year: number, quarter: Quarter, today: LocalDate): Promise<QuarterResults> {
  const r = await periodResults(tx, districtId, schoolIds, year, [quarter], today);
  return { items: r.itemsByQuarter.get(quarter) ?? [], bySchool: r.bySchool };
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
  const versions = await tx
    .select()
    .from(checklistVersions)
    .where(and(eq(checklistVersions.districtId, districtId), eq(checklistVersions.year, year)));
  const versionOf = new Map(quarters.map((q) => [q, versionInForce(versions, q)]));
  const versionIds = [...new Set([...versionOf.values()].filter((v) => v !== null).map((v) => v.id))];
  const ids = [...schoolIds];
  // The schools as ONE array parameter (a 300-school district as 300 parameters cost more to send
  // than to run); ids are uuids, which need no quoting in an array literal.
  const idArray = `{${ids.join(',')}}`;
  const quarterList = sql.join(
    quarters.map((q) => sql`${q}`),
    sql`, `,
  );
  const [itemRows, eventRows, factRows, holidayRows] = await Promise.all([
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
    // §3: the district's holidays, for deadlines counted in working days (a 事前 deadline can fall
    // in the year before, a deadline after the window in the year after).
    tx
      .select({ day: holidays.day })
      .from(holidays)
      .where(and(eq(holidays.districtId, districtId), between(holidays.day, `${year - 1}-01-01`, `${year + 1}-12-31`))),
  ]);
  const cal = { holidays: new Set(holidayRows.map((h) => h.day)) };
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
      base: obligationsForQuarter(expandObligations(calendar, year, [], cal), year, q),
    };
  });

  const eventsBySchool = groupBy(eventRows, (e) => e.schoolId);
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
        expanded = events.length ? expandObligations(pq.eventItems, year, events, cal) : [];
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

// The read API's data (issue 4: /api/v1/checklist, events, disclosures, metrics/schools). Same
// scoping as the UI: the caller's district, limited to assigned zones; an unknown or out-of-scope
// school code is a 404. Metrics come from the school table, like every screen and export.
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { checklistItems, checklistVersions, declaredEvents, disclosureRejections, disclosures, noMatterStatements, schools, type School } from '@/db/schema';
import { DEFAULT_ANNUAL_DUE_DATE, DEFAULT_DEADLINE_DAYS } from '@/modules/obligations/domain/obligations';
import type { LocalDate, Quarter } from '@/core/domain/types';
import { QUARTERS } from '@/core/domain/periods';
import { inDistrict, today } from '@/core/context';
import { periodResults } from '@/modules/obligations/data/results';
import { DATA_DIGITS, shown } from '@/core/domain/rounding';
import { notFound } from '@/core/errors';
import { loadSchoolTable, type SchoolTableRow } from '@/modules/dashboard/data/school-table';
import { schoolsInScope } from '@/modules/org/data/schools';
import { coversSchool, type DistrictScope, type Scope } from '@/core/scope';
import { API_ROLES } from '@/core/auth/tokens';

async function schoolsFor(tx: Tx, s: DistrictScope, code: string | null): Promise<School[]> {
  if (code === null) return schoolsInScope(tx, s);
  const [one] = await tx
    .select()
    .from(schools)
    .where(and(eq(schools.districtId, s.districtId), eq(schools.code, code)));
  if (!one || !coversSchool(s, one)) notFound();
  return [one];
}

/**
 * §3: the one deadline of each obligation of the schools (item code and period key → date), from
 * the same loader as every screen, so each API row that belongs to an obligation carries it.
 */
async function deadlinesOf(
  tx: Tx,
  districtId: string,
  schoolIds: string[],
  year: number,
  quarters: readonly Quarter[],
): Promise<(schoolId: string, item: string, periodKey: string) => LocalDate | null> {
  const { bySchool } = await periodResults(tx, districtId, schoolIds, year, quarters, today());
  const m = new Map<string, LocalDate>();
  for (const [schoolId, results] of bySchool) for (const r of results) m.set(`${schoolId}|${r.obligation.itemCode}|${r.obligation.periodKey}`, r.obligation.deadline);
  return (schoolId, item, periodKey) => m.get(`${schoolId}|${item}|${periodKey}`) ?? null;
}

export async function apiChecklist(scope: Scope, year: number) {
  return inDistrict(scope, API_ROLES, async (tx, s) => {
    const versions = await tx
      .select()
      .from(checklistVersions)
      .where(and(eq(checklistVersions.districtId, s.districtId), eq(checklistVersions.year, year)))
      .orderBy(desc(checklistVersions.version));
    if (versions.length === 0) return { year, versions: [] };
    const items = await tx
      .select()
      .from(checklistItems)
      .where(
        and(
          eq(checklistItems.districtId, s.districtId),
          inArray(
            checklistItems.versionId,
            versions.map((v) => v.id),
          ),
          eq(checklistItems.retired, false),
        ),
      )
      .orderBy(asc(checklistItems.sortOrder), asc(checklistItems.code));
    return {
      year,
      // Latest version first; a version applies from its quarter until the next one (§2).
      versions: versions.map((v) => ({
        version: v.version,
        effectiveFromQuarter: v.effectiveFromQuarter,
        frozen: v.frozenAt !== null,
        items: items
          .filter((i) => i.versionId === v.id)
          .map((i) => ({
            code: i.code,
            name: i.name,
            domain: i.domain,
            frequency: i.frequency,
            deadlineRule: {
              // §3: days after the window end (or the event; before it for 事前公开, timing 'before');
              // annual items have a set date instead.
              days: i.frequency === 'annual' ? null : (i.deadlineDays ?? DEFAULT_DEADLINE_DAYS[i.frequency]),
              // §3: the days are working days (weekends and the district's holidays skipped).
              workingDays: i.workingDays,
              annualDueDate: i.frequency === 'annual' ? (i.annualDueDate ?? DEFAULT_ANNUAL_DUE_DATE) : null,
              timing: i.timing ?? null,
              text: i.timeLimit,
            },
            weight: i.weight,
            audience: i.audience,
            mandatory: i.mandatory,
            tags: i.tags,
            channels: i.channels,
          })),
      })),
    };
  });
}

export async function apiEvents(scope: Scope, year: number, schoolCode: string | null) {
  return inDistrict(scope, API_ROLES, async (tx, s) => {
    const list = await schoolsFor(tx, s, schoolCode);
    const ids = list.map((x) => x.id);
    const codeOf = new Map(list.map((x) => [x.id, x.code]));
    if (ids.length === 0) return { year, events: [], noMatter: [] };
    const [events, statements, deadline] = await Promise.all([
      tx
        .select()
        .from(declaredEvents)
        .where(and(eq(declaredEvents.districtId, s.districtId), eq(declaredEvents.year, year), inArray(declaredEvents.schoolId, ids), isNull(declaredEvents.deletedAt)))
        .orderBy(asc(declaredEvents.eventDate)),
      tx
        .select()
        .from(noMatterStatements)
        .where(and(eq(noMatterStatements.districtId, s.districtId), eq(noMatterStatements.year, year), inArray(noMatterStatements.schoolId, ids), isNull(noMatterStatements.deletedAt)))
        .orderBy(asc(noMatterStatements.quarter), asc(noMatterStatements.itemCode)),
      deadlinesOf(tx, s.districtId, ids, year, QUARTERS),
    ]);
    return {
      year,
      events: events.map((e) => ({
        id: e.id,
        school: codeOf.get(e.schoolId)!,
        item: e.itemCode,
        periodKey: e.id,
        eventDate: e.eventDate,
        // §3: the obligation's one deadline (事前公开: the event date minus the notice period); null
        // when the item is not in the checklist in force.
        deadline: deadline(e.schoolId, e.itemCode, e.id),
        title: e.title,
      })),
      noMatter: statements.map((n) => ({
        id: n.id,
        school: codeOf.get(n.schoolId)!,
        item: n.itemCode,
        year: n.year,
        quarter: n.quarter,
        reason: n.reason,
        challenged: n.challengedAt !== null,
        challengeNote: n.challengeNote,
      })),
    };
  });
}

export async function apiDisclosures(scope: Scope, year: number, quarter: Quarter | null, schoolCode: string | null) {
  return inDistrict(scope, API_ROLES, async (tx, s) => {
    const list = await schoolsFor(tx, s, schoolCode);
    const ids = list.map((x) => x.id);
    const codeOf = new Map(list.map((x) => [x.id, x.code]));
    if (ids.length === 0) return { year, quarter, disclosures: [] };
    const deadline = await deadlinesOf(tx, s.districtId, ids, year, quarter ? [quarter] : QUARTERS);
    const rows = await tx
      .select({ d: disclosures, eventDate: declaredEvents.eventDate, rejection: disclosureRejections.reason })
      .from(disclosures)
      .leftJoin(declaredEvents, eq(declaredEvents.id, disclosures.eventId))
      .leftJoin(disclosureRejections, and(eq(disclosureRejections.disclosureId, disclosures.id), isNull(disclosureRejections.withdrawnAt)))
      .where(
        and(
          eq(disclosures.districtId, s.districtId),
          eq(disclosures.year, year),
          quarter ? eq(disclosures.quarter, quarter) : undefined,
          inArray(disclosures.schoolId, ids),
          isNull(disclosures.deletedAt),
        ),
      )
      .orderBy(asc(disclosures.disclosedOn), asc(disclosures.id));
    return {
      year,
      quarter,
      disclosures: rows.map(({ d, eventDate, rejection }) => ({
        id: d.id,
        school: codeOf.get(d.schoolId)!,
        item: d.itemCode,
        periodKey: d.periodKey,
        year: d.year,
        quarter: d.quarter,
        eventDate: eventDate ?? null,
        // §3: the deadline of the obligation the disclosure is recorded against.
        deadline: deadline(d.schoolId, d.itemCode, d.periodKey),
        disclosedOn: d.disclosedOn,
        channels: d.channels,
        audience: d.audience,
        status: rejection === null ? ('accepted' as const) : ('rejected' as const),
        rejectionReason: rejection,
      })),
    };
  });
}

/**
 * One API row per school (quarter omitted = the whole year, §4). `obligations` are the ones already
 * due (deadline before today), which the rates count; `notYetDue` the others, counted apart (§4: a
 * period in progress). Percentages and the score have two decimals, rounded once from the exact
 * value, as in the XLSX export.
 */
export function metricsRow(r: SchoolTableRow) {
  const two = (x: number | null) => shown(x, DATA_DIGITS);
  return {
    code: r.code,
    name: r.name,
    zone: r.zone,
    type: r.type,
    obligations: r.tally.obligations,
    notYetDue: r.tally.notYetDue,
    met: r.tally.met,
    onTime: r.tally.onTime,
    coverage: two(r.coverage),
    timeliness: two(r.timeliness),
    reportState: r.reportState,
    submittedAt: r.submittedAt ? r.submittedAt.toISOString() : null,
    reportOnTime: typeof r.reportOnTime === 'number' ? two(r.reportOnTime) : r.reportOnTime,
    evaluatorScore: two(r.evaluatorScore),
  };
}
export type MetricsRow = ReturnType<typeof metricsRow>;

export async function apiSchoolMetrics(scope: Scope, year: number, quarter: Quarter | null) {
  return inDistrict(scope, API_ROLES, async (tx, s) => {
    const table = await loadSchoolTable(tx, s, { year, quarter });
    return { year, quarter, schools: table.rows.map(metricsRow) };
  });
}

// The read API's data (issue 4: /api/v1/checklist, events, disclosures, metrics/schools). Same
// scoping as the UI: the caller's district, limited to assigned zones; an unknown or out-of-scope
// school code is a 404. Metrics come from the school table, like every screen and export.
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { checklistItems, checklistVersions, declaredEvents, disclosureRejections, disclosures, noMatterStatements, schools, type School } from '@/db/schema';
import { DEFAULT_ANNUAL_DUE_DATE, DEFAULT_DEADLINE_DAYS } from '@/modules/obligations/domain/obligations';
import type { Quarter } from '@/core/domain/types';
import { inDistrict } from '@/core/context';
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
              // §3: days after the window end (or the event); annual items have a set date instead.
              days: i.frequency === 'annual' ? null : (i.deadlineDays ?? DEFAULT_DEADLINE_DAYS[i.frequency]),
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
    const [events, statements] = await Promise.all([
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
    ]);
    return {
      year,
      events: events.map((e) => ({ id: e.id, school: codeOf.get(e.schoolId)!, item: e.itemCode, periodKey: e.id, eventDate: e.eventDate, title: e.title })),
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
        disclosedOn: d.disclosedOn,
        channels: d.channels,
        audience: d.audience,
        status: rejection === null ? ('accepted' as const) : ('rejected' as const),
        rejectionReason: rejection,
      })),
    };
  });
}

/** One API row per school (quarter omitted = the whole year, §4). */
export function metricsRow(r: SchoolTableRow) {
  return {
    code: r.code,
    name: r.name,
    zone: r.zone,
    type: r.type,
    obligations: r.tally.obligations,
    met: r.tally.met,
    onTime: r.tally.onTime,
    coverage: r.coverage,
    timeliness: r.timeliness,
    reportState: r.reportState,
    submittedAt: r.submittedAt ? r.submittedAt.toISOString() : null,
    reportOnTime: r.reportOnTime,
    evaluatorScore: r.evaluatorScore,
  };
}
export type MetricsRow = ReturnType<typeof metricsRow>;

export async function apiSchoolMetrics(scope: Scope, year: number, quarter: Quarter | null) {
  return inDistrict(scope, API_ROLES, async (tx, s) => {
    const table = await loadSchoolTable(tx, s, { year, quarter });
    return { year, quarter, schools: table.rows.map(metricsRow) };
  });
}

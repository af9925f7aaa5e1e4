// The figures of a school's annual 校务公开工作总结 (issue 17), gathered from the SAME functions the
// screens use — the school table (review queue, matrix, XLSX, /api/v1/metrics/schools), the ranking
// in force (ranking page, /api/v1/rankings), the school's survey figures (school profile) — plus
// plain listings of the school's own records (disclosures, findings, statements). No formula of its
// own: counting obligations by status and disclosures by channel is all the wording needs.
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { checklistItems, checklistVersions, declaredEvents, disclosureRejections, disclosures, findings, noMatterStatements, rectifications, type School } from '@/db/schema';
import { QUARTERS, quarterStart } from '@/core/domain/periods';
import { localDateOf } from '@/core/domain/dates';
import type { DistrictScope } from '@/core/scope';
import { SURVEY_GROUPS, type Channel, type LocalDate, type ObligationResult, type Quarter } from '@/core/domain/types';
import { loadSchoolTable } from '@/modules/dashboard/data/school-table';
import { changeStamp } from '@/modules/dashboard/data/school-table-cache';
import { rankingInForce } from '@/modules/ranking/data/live';
import { activeSnapshotRow, readSnapshot } from '@/modules/ranking/data/snapshots';
import { dueReportQuarters, reportFigures } from '@/modules/reports/domain/reports';
import { loadSettings } from '@/modules/org/data/settings';
import { zonesOfDistrict } from '@/modules/org/data/schools';
import { schoolSurveyFigures } from '@/modules/surveys/data/results';
import { districts } from '@/db/schema';
import type { DisclosureLine, ItemFigures, QuarterLine, RankFigures, SchoolSummaryFigures, Shortfall, SurveyFigures } from '@/modules/documents/domain/figures';
import { REASON_WORDS, SCHOOL_TYPE_WORDS } from '@/modules/documents/domain/format';

/** The district's name and issuing body (the documents' 落款). */
export async function districtOf(tx: Tx, districtId: string): Promise<{ name: string; issuingBody: string; code: string }> {
  const [d] = await tx.select({ name: districts.name, issuingBody: districts.issuingBody, code: districts.code }).from(districts).where(eq(districts.id, districtId));
  return d ?? { name: '', issuingBody: '', code: '' };
}

/** The checklist's 公开时限 of each item code of the year (first version's wording). */
async function timeLimits(tx: Tx, districtId: string, year: number): Promise<Map<string, string>> {
  const rows = await tx
    .select({ code: checklistItems.code, timeLimit: checklistItems.timeLimit })
    .from(checklistItems)
    .innerJoin(checklistVersions, eq(checklistVersions.id, checklistItems.versionId))
    .where(and(eq(checklistItems.districtId, districtId), eq(checklistVersions.districtId, districtId), eq(checklistVersions.year, year)))
    .orderBy(asc(checklistVersions.version));
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.code) && r.timeLimit) out.set(r.code, r.timeLimit);
  return out;
}

/** Obligation results → per item code: obligations by status (what §3 decided, counted). */
function itemFigures(items: readonly { code: string; name: string; domain: string; timing: 'before' | null }[], results: readonly ObligationResult[], limits: Map<string, string>): ItemFigures[] {
  return items.map((it) => {
    const mine = results.filter((r) => r.obligation.itemCode === it.code);
    const by = (st: ObligationResult['status']) => mine.filter((r) => r.status === st).length;
    return {
      code: it.code,
      name: it.name,
      domain: it.domain,
      obligations: mine.length,
      met: mine.filter((r) => r.met).length,
      onTime: mine.filter((r) => r.onTime).length,
      late: by('metLate'),
      missing: by('missing') + by('rejected'),
      notYetDue: by('notYetDue'),
      timingBefore: it.timing === 'before',
      timeLimit: limits.get(it.code) ?? null,
    };
  });
}

/** §3 shortfalls: missing and rejected, late, and 事前公开 disclosed only on or after the event. */
export function shortfallsOf(results: readonly ObligationResult[], names: Map<string, string>, titles: Map<string, string>): Shortfall[] {
  const out: Shortfall[] = [];
  for (const r of results) {
    const ob = r.obligation;
    const base = {
      itemCode: ob.itemCode,
      itemName: names.get(ob.itemCode) ?? ob.itemCode,
      periodKey: ob.periodKey,
      eventTitle: ob.eventId ? (titles.get(ob.eventId) ?? null) : null,
      deadline: ob.deadline,
      disclosedOn: r.firstDisclosedOn,
    };
    if (r.status === 'missing' || r.status === 'rejected') out.push({ ...base, status: r.status });
    else if (r.status === 'metLate')
      out.push({ ...base, status: ob.timingBefore && ob.eventDate !== null && r.firstDisclosedOn !== null && r.firstDisclosedOn >= ob.eventDate ? 'afterEvent' : 'late' });
  }
  return out.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.itemCode.localeCompare(b.itemCode)));
}

async function disclosureLines(tx: Tx, districtId: string, schoolId: string, year: number): Promise<DisclosureLine[]> {
  const rows = await tx
    .select({
      itemCode: disclosures.itemCode,
      periodKey: disclosures.periodKey,
      eventTitle: declaredEvents.title,
      disclosedOn: disclosures.disclosedOn,
      summary: disclosures.summary,
      channels: disclosures.channels,
      amount: disclosures.procurementAmount,
      method: disclosures.procurementMethod,
      flagged: disclosures.procurementFlag,
      rejected: sql<boolean>`exists (select 1 from ${disclosureRejections} r where r.disclosure_id = ${disclosures.id} and r.district_id = ${districtId} and r.withdrawn_at is null)`.mapWith(Boolean),
    })
    .from(disclosures)
    .leftJoin(declaredEvents, and(eq(declaredEvents.id, disclosures.eventId), eq(declaredEvents.districtId, districtId)))
    .where(and(eq(disclosures.districtId, districtId), eq(disclosures.schoolId, schoolId), eq(disclosures.year, year), isNull(disclosures.deletedAt)))
    .orderBy(asc(disclosures.disclosedOn), asc(disclosures.itemCode), asc(disclosures.id));
  return rows.map((r) => ({ ...r, eventTitle: r.eventTitle ?? null, channels: [...r.channels] as Channel[] }));
}

async function eventTitles(tx: Tx, districtId: string, schoolId: string, year: number): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: declaredEvents.id, title: declaredEvents.title })
    .from(declaredEvents)
    .where(and(eq(declaredEvents.districtId, districtId), eq(declaredEvents.schoolId, schoolId), eq(declaredEvents.year, year)));
  return new Map(rows.map((r) => [r.id, r.title]));
}

async function findingLines(tx: Tx, districtId: string, schoolId: string, year: number) {
  const rows = await tx
    .select()
    .from(findings)
    .where(and(eq(findings.districtId, districtId), eq(findings.schoolId, schoolId), eq(findings.year, year)))
    .orderBy(asc(findings.raisedAt));
  const counts = rows.length
    ? await tx
        .select({ findingId: rectifications.findingId, n: count() })
        .from(rectifications)
        .where(
          and(
            eq(rectifications.districtId, districtId),
            inArray(
              rectifications.findingId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .groupBy(rectifications.findingId)
    : [];
  const n = new Map(counts.map((c) => [c.findingId, c.n]));
  return rows.map((f) => ({
    title: f.title,
    severity: f.severity,
    status: f.status,
    dueOn: f.dueOn,
    raisedOn: localDateOf(f.raisedAt),
    closedOn: f.closedAt ? localDateOf(f.closedAt) : null,
    rectifications: n.get(f.id) ?? 0,
  }));
}

async function noMatterCounts(tx: Tx, districtId: string, schoolId: string, year: number) {
  const rows = await tx
    .select({ challengedAt: noMatterStatements.challengedAt })
    .from(noMatterStatements)
    .where(and(eq(noMatterStatements.districtId, districtId), eq(noMatterStatements.schoolId, schoolId), eq(noMatterStatements.year, year), isNull(noMatterStatements.deletedAt)));
  return { statements: rows.length, challenged: rows.filter((r) => r.challengedAt !== null).length };
}

async function surveyFigures(tx: Tx, districtId: string, schoolId: string, year: number): Promise<SurveyFigures | null> {
  const s = await schoolSurveyFigures(tx, districtId, schoolId, year);
  const groups = SURVEY_GROUPS.flatMap((g) => {
    const x = s.groups[g];
    return x ? [{ group: g, responses: x.responses, rate: x.satisfactionRate, mean: x.meanScore, valid: x.valid }] : [];
  });
  if (groups.length === 0) return null;
  return { groups, combined: s.combined, minResponses: s.minResponses, anonymityFloor: s.anonymityFloor };
}

/** The school's row of the ranking in force (the ranking page's and /api/v1/rankings' figures). */
async function rankFigures(tx: Tx, districtId: string, school: School, year: number, day: LocalDate, stamp: string, draftVisible: boolean): Promise<RankFigures | null> {
  const r = await rankingInForce(tx, districtId, year, day, stamp);
  const row = r.ranking.rows.find((x) => x.schoolId === school.id);
  if (!row) return null;
  const group = r.ranking.groups.find((g) => g.schoolType === row.type);
  const withheld = r.state === 'draft' && !draftVisible;
  if (withheld) {
    const group = SCHOOL_TYPE_WORDS[row.type];
    return {
      state: r.state,
      withheld,
      source: r.source,
      groupType: group,
      groupSchools: 0,
      groupEligible: 0,
      rank: null,
      composite: 0,
      eligible: false,
      reasons: [],
      inQuota: false,
      noticeEndsOn: null,
    };
  }
  const snap = r.source === 'snapshot' ? await activeSnapshotRow(tx, districtId, year) : null;
  return {
    state: r.state,
    withheld,
    source: r.source,
    groupType: SCHOOL_TYPE_WORDS[row.type],
    groupSchools: group?.schools ?? 0,
    groupEligible: group?.eligible ?? 0,
    rank: row.rank,
    composite: row.composite,
    eligible: row.eligible,
    reasons: row.reasons.map((k) => REASON_WORDS[k]),
    inQuota: row.inQuota,
    noticeEndsOn: snap ? readSnapshot(snap).noticeEndsOn : null,
  };
}

/**
 * Inside a district transaction, for a school the caller was already found to cover: everything
 * the school's summary of `year` states, as of `day`.
 */
export async function loadSchoolSummaryFigures(tx: Tx, s: DistrictScope, school: School, year: number, day: LocalDate): Promise<SchoolSummaryFigures> {
  const stamp = await changeStamp(tx, s.districtId);
  // The school's year row: the same computation (and cache) as /api/v1/metrics/schools?year=Y.
  const yearTable = await loadSchoolTable(tx, s, { year, quarter: null }, {}, [school]);
  const row = yearTable.rows[0]!;
  const started = QUARTERS.filter((q) => quarterStart({ year, quarter: q }) <= day);
  const quarterRows: QuarterLine[] = [];
  for (const q of started) {
    // And each quarter's row: /api/v1/metrics/schools?year=Y&quarter=Q.
    const t = await loadSchoolTable(tx, s, { year, quarter: q as Quarter }, {}, [school]);
    const r = t.rows[0]!;
    quarterRows.push({
      quarter: q,
      obligations: r.tally.obligations,
      coverage: r.coverage,
      timeliness: r.timeliness,
      reportState: r.reportState === null ? 'none' : r.reportState,
      reportOnTime: typeof r.reportOnTime === 'boolean' ? r.reportOnTime : null,
      score: r.evaluatorScore,
    });
  }
  const [district, zones, settings, limits, titles, lines, found, statements, surveys, rank] = await Promise.all([
    districtOf(tx, s.districtId),
    zonesOfDistrict(tx, s.districtId),
    loadSettings(tx, s.districtId, year),
    timeLimits(tx, s.districtId, year),
    eventTitles(tx, s.districtId, school.id, year),
    disclosureLines(tx, s.districtId, school.id, year),
    findingLines(tx, s.districtId, school.id, year),
    noMatterCounts(tx, s.districtId, school.id, year),
    surveyFigures(tx, s.districtId, school.id, year),
    // A school sees its place once the ranking is published (公示 or final); the bureau sees the draft too.
    rankFigures(tx, s.districtId, school, year, day, stamp, s.role !== 'coordinator'),
  ]);
  const reports = reportFigures(
    QUARTERS.flatMap((q) => (row.reports[q] ? [{ quarter: q, state: row.reports[q]!.state, submittedAt: row.reports[q]!.submittedAt }] : [])),
    year,
    settings.reportDueDays,
    // §4: as every screen — the reports expected so far are those already due.
    dueReportQuarters(year, day, settings.reportDueDays),
  );
  const items = itemFigures(yearTable.items, row.results, limits);
  return {
    districtName: district.name,
    school: { code: school.code, name: school.name, type: SCHOOL_TYPE_WORDS[school.type], zone: zones.find((z) => z.id === school.zoneId)?.name ?? null },
    year,
    asOf: day,
    yearEnded: day > `${year}-12-31`,
    hasChecklist: yearTable.items.length > 0,
    totals: {
      obligations: row.tally.obligations,
      met: row.tally.met,
      onTime: row.tally.onTime,
      coverage: row.coverage,
      timeliness: row.timeliness,
      reportOnTimeRate: typeof row.reportOnTime === 'number' ? row.reportOnTime : null,
      reportsSubmitted: reports.submitted,
      reportsExpected: reports.expected,
      evaluatorScore: row.evaluatorScore,
    },
    quarters: quarterRows,
    items,
    disclosures: lines,
    shortfalls: shortfallsOf(row.results, new Map(yearTable.items.map((i) => [i.code, i.name])), titles),
    findings: found,
    surveys,
    noMatter: statements,
    rank,
  };
}

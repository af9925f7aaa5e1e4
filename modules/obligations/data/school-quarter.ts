// Coordinator: one quarter of their school — every obligation with its status, grouped by domain
// and sorted by urgency (issue 3), the disclosures recorded against each, the quarter's weighted
// coverage and timeliness (§4, from the domain core), event items (§3) and the report's state.
import { coverage, tally, timeliness } from '@/modules/obligations/domain/metrics';
import { closeDate, reportDueDate } from '@/core/domain/periods';
import { groupByDomain, urgencyCounts, type DomainGroup, type Urgency } from '@/modules/obligations/domain/urgency';
import type { ChecklistItem, CoverageTally, LocalDate, QuarterRef, ReportState } from '@/core/domain/types';
import type { EntryBlock } from '@/modules/obligations/domain/entry-window';
import { obligationKey } from '@/modules/obligations/domain/obligations';
import { inDistrict, thisQuarter } from '@/core/context';
import { entryState, ownSchool } from './entry';
import { browsableQuarters, disclosureBriefs, eventsOfQuarter, noMatterOfQuarter, type DisclosureBrief, type EventRow, type NoMatterRow } from './school-queries';
import { quarterResults } from './results';
import type { Scope } from '@/core/scope';
import { eq } from 'drizzle-orm';
import { districts } from '@/db/schema';

export interface EventItemSummary {
  code: string;
  name: string;
  events: number;
  noMatter: NoMatterRow | null;
}

export interface QuarterView {
  school: { id: string; code: string; name: string };
  /** The school's public page (/p/<district>/<school>), which its coordinator can open and share. */
  publicPath: string;
  q: QuarterRef;
  today: LocalDate;
  quarters: QuarterRef[];
  items: Map<string, ChecklistItem>;
  groups: DomainGroup[];
  counts: Record<Urgency, number>;
  /** Disclosures by obligationKey(itemId, periodKey). */
  disclosures: Map<string, DisclosureBrief[]>;
  figures: { tally: CoverageTally; coverage: number | null; timeliness: number | null };
  eventItems: EventItemSummary[];
  /** The quarter's declared events (their ids are the period keys of event obligations). */
  events: EventRow[];
  report: { id: string; state: ReportState; version: number; submittedAt: Date | null; lastSubmittedAt: Date | null } | null;
  block: EntryBlock | null;
  reportDue: LocalDate;
  closesOn: LocalDate;
  hasChecklist: boolean;
}

export async function coordinatorQuarterView(scope: Scope, q: QuarterRef): Promise<QuarterView> {
  return inDistrict(scope, ['coordinator'], async (tx, s) => {
    const school = await ownSchool(tx, s);
    const entry = await entryState(tx, s, school.id, q);
    const { items, bySchool } = await quarterResults(tx, s.districtId, [school.id], q.year, q.quarter, entry.today);
    const results = bySchool.get(school.id) ?? [];
    const itemMap = new Map(items.map((i) => [i.id, i]));
    const idByCode = new Map(items.map((i) => [i.code, i.id]));
    const briefs = await disclosureBriefs(tx, s.districtId, school.id, q);
    const byObligation = new Map<string, DisclosureBrief[]>();
    for (const b of briefs) {
      const itemId = idByCode.get(b.itemCode);
      if (!itemId) continue;
      const k = obligationKey(itemId, b.periodKey);
      byObligation.set(k, [...(byObligation.get(k) ?? []), b]);
    }
    const events = await eventsOfQuarter(tx, s.districtId, school.id, q);
    const statements = await noMatterOfQuarter(tx, s.districtId, school.id, q);
    const eventItems = items
      .filter((i) => i.frequency === 'event')
      .map((i) => ({
        code: i.code,
        name: i.name,
        events: events.filter((e) => e.itemCode === i.code).length,
        noMatter: statements.find((n) => n.itemCode === i.code) ?? null,
      }));
    const t = tally(results);
    const r = entry.report;
    const [district] = await tx.select({ code: districts.code }).from(districts).where(eq(districts.id, s.districtId));
    return {
      school: { id: school.id, code: school.code, name: school.name },
      publicPath: `/p/${district?.code ?? ''}/${encodeURIComponent(school.code)}`,
      q,
      today: entry.today,
      quarters: await browsableQuarters(tx, s.districtId, thisQuarter()),
      items: itemMap,
      groups: groupByDomain(results, itemMap, entry.today),
      counts: urgencyCounts(results, entry.today),
      disclosures: byObligation,
      figures: { tally: t, coverage: coverage(t), timeliness: timeliness(t) },
      eventItems,
      events,
      report: r ? { id: r.id, state: r.state, version: r.version, submittedAt: r.submittedAt, lastSubmittedAt: r.lastSubmittedAt } : null,
      block: entry.block,
      reportDue: reportDueDate(q, entry.reportDueDays),
      closesOn: closeDate(q, entry.closeDays),
      hasChecklist: items.length > 0,
    };
  });
}

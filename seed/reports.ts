// Quarterly reports with their transitions, evaluations (scores) and item comments (DESIGN §5).
import * as s from '@/db/schema';
import { addDays, localDateOf, quarterEndDate, quarterStartDate } from '@/core/domain/dates';
import { reportDueInstant } from '@/core/domain/periods';
import type { LocalDate, Quarter, ReportState } from '@/core/domain/types';
import type { ObligationFact } from './activity';
import type { DistrictCtx, SchoolCtx } from './build-org';
import { seedId } from './ids';
import type { Profile } from './org';
import { rng, type Rng } from './rng';
import { at, type SeedRows } from './rows';
import { EVALUATION_COMMENTS, ITEM_COMMENTS, RETURN_REASONS } from './texts';

/** Reports that stay unapproved in 2024–2026 H1: [district/school/year-Qn, final state]. */
const EXCEPTIONS: Record<string, ReportState> = {
  'dongcheng/dc11/2024-Q4': 'returned',
  'dongcheng/dc19/2025-Q3': 'draft',
  'dongcheng/dc21/2026-Q2': 'submitted',
  'xishan/xs20/2025-Q4': 'submitted',
};

/** Submission delay (days after quarter end) and review behaviour by profile. */
const TIMING: Record<Profile, { lateP: number; returnP: number; score: [number, number] }> = {
  exemplary: { lateP: 0, returnP: 0, score: [19, 20] },
  good: { lateP: 0.05, returnP: 0.08, score: [16, 19] },
  noCongress: { lateP: 0.1, returnP: 0.1, score: [14, 18] },
  veto: { lateP: 0.1, returnP: 0.15, score: [14, 18] },
  late: { lateP: 0.5, returnP: 0.25, score: [13, 17] },
  missing: { lateP: 0.35, returnP: 0.3, score: [11, 16] },
};

/** The state a report ends in (as of the seed's reference date). */
function finalState(d: DistrictCtx, sc: SchoolCtx, year: number, q: Quarter, asOfYear: number, asOfQuarter: Quarter): ReportState {
  const key = `${d.def.code}/${sc.def.code}/${year}-Q${q}`;
  if (year === asOfYear && q === asOfQuarter) return 'draft';
  if (EXCEPTIONS[key]) return EXCEPTIONS[key];
  if (year === asOfYear && q === asOfQuarter - 1 && sc.def.profile !== 'exemplary') {
    // The quarter just closed: reports in every state across the district.
    const k = (sc.index + d.schools.length) % 8;
    return k === 0 ? 'draft' : k === 1 || k === 5 ? 'submitted' : k === 3 ? 'returned' : 'approved';
  }
  return 'approved';
}

interface Step {
  from: ReportState;
  to: ReportState;
  at: Date;
  actor: string;
  reason: string | null;
}

function timeOn(r: Rng, day: LocalDate): Date {
  return at(day, r.int(8, 18), r.int(0, 59));
}

export function buildReports(
  rows: SeedRows,
  d: DistrictCtx,
  sc: SchoolCtx,
  year: number,
  facts: readonly ObligationFact[],
  asOf: LocalDate,
): Date[] /* first submission of each submitted report (for the checklist's frozenAt) */ {
  const asOfYear = Number(asOf.slice(0, 4));
  const asOfQuarter = (Math.floor((Number(asOf.slice(5, 7)) - 1) / 3) + 1) as Quarter;
  const submissions: Date[] = [];
  const timing = TIMING[sc.def.profile];
  for (const q of [1, 2, 3, 4] as Quarter[]) {
    if (year > asOfYear || (year === asOfYear && q > asOfQuarter)) break;
    const key = `${d.def.code}/${sc.def.code}/${year}-Q${q}`;
    const r = rng(`report/${key}`);
    const id = seedId(`report/${key}`);
    const planned = finalState(d, sc, year, q, asOfYear, asOfQuarter);
    const reviewer = sc.zoneIndex === 0 && r.chance(0.5) ? d.evalZ1Id : d.evalId;
    const qEnd = quarterEndDate(year, q);
    const due = reportDueInstant({ year, quarter: q });
    const steps: Step[] = [];

    if (planned !== 'draft') {
      const late = r.chance(timing.lateP);
      let day = addDays(qEnd, late ? r.int(16, 28) : sc.def.profile === 'exemplary' ? r.int(3, 9) : r.int(5, 15));
      let t = timeOn(r, day);
      steps.push({ from: 'draft', to: 'submitted', at: t, actor: sc.coordinatorId, reason: null });
      const cycles = planned === 'returned' ? 1 : r.chance(timing.returnP) ? 1 : 0;
      for (let c = 0; c < cycles; c++) {
        day = addDays(day, r.int(2, 5));
        steps.push({ from: 'submitted', to: 'returned', at: timeOn(r, day), actor: reviewer, reason: r.pick(RETURN_REASONS) });
        if (planned === 'returned') break;
        day = addDays(day, r.int(2, 4));
        steps.push({ from: 'returned', to: 'submitted', at: timeOn(r, day), actor: sc.coordinatorId, reason: '已按意见补充完善' });
      }
      if (planned === 'approved') {
        day = addDays(day, r.int(2, 9));
        t = timeOn(r, day);
        steps.push({ from: 'submitted', to: 'approved', at: t, actor: reviewer, reason: null });
      }
    }
    // With an earlier asOf, the later steps have not happened yet.
    while (steps.length > 0 && localDateOf(steps[steps.length - 1].at) > asOf) steps.pop();
    const state: ReportState = steps.length > 0 ? steps[steps.length - 1].to : 'draft';

    const submits = steps.filter((x) => x.to === 'submitted');
    const firstSubmit = submits[0]?.at ?? null;
    const lastSubmit = submits[submits.length - 1]?.at ?? null;
    const approved = steps.find((x) => x.to === 'approved');
    const quarterFacts = facts.filter((f) => f.ob.quarter === q);
    const lastSubmitDay = lastSubmit ? localDateOf(lastSubmit) : null;
    const gaps = lastSubmitDay
      ? quarterFacts.filter((f) => f.ob.mandatory && (f.firstAccepted === null || f.firstAccepted > lastSubmitDay)).map((f) => ({ itemCode: f.ob.itemCode, periodKey: f.ob.periodKey }))
      : null;
    if (firstSubmit) submissions.push(firstSubmit);
    const created = at(quarterStartDate(year, q), 8);
    rows.add(s.quarterlyReports, {
      id,
      districtId: d.id,
      schoolId: sc.id,
      year,
      quarter: q,
      state,
      submittedAt: firstSubmit,
      lastSubmittedAt: lastSubmit,
      approvedAt: approved?.at ?? null,
      approvedBy: approved?.actor ?? null,
      gapsAtSubmit: gaps,
      version: 1 + steps.length,
      createdAt: created,
      updatedAt: steps.length ? steps[steps.length - 1].at : created,
    });
    steps.forEach((st, i) =>
      rows.add(s.reportTransitions, {
        id: seedId(`transition/${key}/${i}`),
        districtId: d.id,
        reportId: id,
        fromState: st.from,
        toState: st.to,
        actorId: st.actor,
        reason: st.reason,
        at: st.at,
      }),
    );

    if (approved) {
      const [lo, hi] = timing.score;
      const lateSubmit = firstSubmit !== null && firstSubmit.getTime() > due.getTime();
      const dim = () => Math.max(0, Math.min(20, r.int(lo, hi) - (lateSubmit && r.chance(0.5) ? 1 : 0)));
      const rubric = { attention: dim(), content: dim(), form: dim(), procedure: dim(), rules: dim() };
      const total = rubric.attention + rubric.content + rubric.form + rubric.procedure + rubric.rules;
      const band = total >= 90 ? 'high' : total >= 78 ? 'mid' : 'low';
      const evalAt = new Date(approved.at.getTime() - 30 * 60_000);
      rows.add(s.evaluations, {
        id: seedId(`evaluation/${key}`),
        districtId: d.id,
        reportId: id,
        evaluatorId: approved.actor,
        ...rubric,
        comment: r.pick(EVALUATION_COMMENTS[band]),
        createdAt: evalAt,
        updatedAt: evalAt,
      });
    }

    const returned = [...steps].reverse().find((x) => x.to === 'returned');
    if (state === 'returned' && returned) {
      const candidates = quarterFacts.filter((f) => ITEM_COMMENTS[f.ob.itemCode]);
      for (const [i, f] of r.sample(candidates, r.int(1, 2)).entries()) {
        rows.add(s.reportItemComments, {
          id: seedId(`comment/${key}/${i}`),
          districtId: d.id,
          reportId: id,
          itemCode: f.ob.itemCode,
          periodKey: f.ob.periodKey,
          comment: ITEM_COMMENTS[f.ob.itemCode],
          authorId: returned.actor,
          createdAt: new Date(returned.at.getTime() - 10 * 60_000),
        });
      }
    }
  }
  return submissions;
}

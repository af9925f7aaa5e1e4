// Satisfaction survey results per group and combined (DESIGN.md §4, §7): the ONE definition of
// 满意率 for a school, a zone and the district. Figures are exact; they are rounded once where shown.
import { SURVEY_GROUPS } from '@/core/domain/types';
import type { SurveyGroup } from '@/core/domain/types';

/** §7: results for a school are shown only when at least 5 responses exist. */
export const ANONYMITY_FLOOR = 5;
/** §4: a group result is valid only with at least `minResponses` (default 10) responses. */
export const DEFAULT_MIN_RESPONSES = 10;

/** One anonymous response: the overall question (1–5) and other Likert answers by question id. */
export interface SurveyResponse {
  overall: number;
  /** Other Likert questions (1–5); null = skipped. Free text is not part of the figures. */
  answers?: Readonly<Record<string, number | null>>;
}

/** Sums behind the figures; the data layer may also build this with SQL COUNT/SUM. */
export interface SatisfactionAggregate {
  n: number;
  /** Respondents whose overall answer is 4 or 5. */
  satisfied: number;
  overallSum: number;
  questions: Record<string, { count: number; sum: number }>;
}

export interface GroupSatisfaction {
  n: number;
  /** n ≥ 5 (§7). When false every figure below is null. */
  visible: boolean;
  /** n ≥ max(minResponses, 5) (§4); only valid groups enter the combined figure. */
  valid: boolean;
  /** 满意率: satisfied / n × 100 (exact). */
  satisfactionRate: number | null;
  /** Mean overall score (1–5), exact. */
  meanScore: number | null;
  /** Mean per question; a question answered fewer than 5 times is null (same anonymity floor). */
  questionMeans: Record<string, number | null> | null;
}

function assertLikert(v: number, what: string): void {
  if (!Number.isInteger(v) || v < 1 || v > 5) throw new RangeError(`${what}: Likert answer must be 1–5, got ${v}`);
}

/** Null-prototype record, so a question id such as `__proto__` cannot touch Object.prototype. */
function dict<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

export function emptyAggregate(): SatisfactionAggregate {
  return { n: 0, satisfied: 0, overallSum: 0, questions: dict() };
}

export function aggregateResponses(responses: readonly SurveyResponse[]): SatisfactionAggregate {
  const agg = emptyAggregate();
  for (const r of responses) {
    assertLikert(r.overall, 'overall');
    agg.n += 1;
    agg.overallSum += r.overall;
    if (r.overall >= 4) agg.satisfied += 1;
    for (const [q, v] of Object.entries(r.answers ?? {})) {
      const slot = (agg.questions[q] ??= { count: 0, sum: 0 });
      if (v === null) continue;
      assertLikert(v, q);
      slot.count += 1;
      slot.sum += v;
    }
  }
  return agg;
}

export function mergeAggregates(...aggs: readonly SatisfactionAggregate[]): SatisfactionAggregate {
  const out = emptyAggregate();
  for (const a of aggs) {
    out.n += a.n;
    out.satisfied += a.satisfied;
    out.overallSum += a.overallSum;
    for (const [q, s] of Object.entries(a.questions)) {
      const slot = (out.questions[q] ??= { count: 0, sum: 0 });
      slot.count += s.count;
      slot.sum += s.sum;
    }
  }
  return out;
}

function assertMinResponses(minResponses: number): void {
  if (!Number.isInteger(minResponses) || minResponses < 1) {
    throw new RangeError(`minResponses must be a positive integer, got ${minResponses}`);
  }
}

/**
 * §4/§7 figures of one survey group. Decision: `valid` also requires the anonymity floor, so a
 * district setting minResponses below 5 can never let a hidden group into the combined figure.
 */
export function groupSatisfaction(agg: SatisfactionAggregate, opts: { minResponses?: number } = {}): GroupSatisfaction {
  const minResponses = opts.minResponses ?? DEFAULT_MIN_RESPONSES;
  assertMinResponses(minResponses);
  const visible = agg.n >= ANONYMITY_FLOOR;
  const valid = visible && agg.n >= minResponses;
  if (!visible) return { n: agg.n, visible, valid, satisfactionRate: null, meanScore: null, questionMeans: null };
  const questionMeans = dict<number | null>();
  for (const [q, s] of Object.entries(agg.questions)) {
    questionMeans[q] = s.count >= ANONYMITY_FLOOR ? s.sum / s.count : null;
  }
  return {
    n: agg.n,
    visible,
    valid,
    satisfactionRate: (agg.satisfied / agg.n) * 100,
    meanScore: agg.overallSum / agg.n,
    questionMeans,
  };
}

/** §4: combined = mean of the valid groups' 满意率 (exact); null when no group is valid. */
export function combinedSatisfaction(groups: readonly GroupSatisfaction[]): number | null {
  const rates = groups.filter((g) => g.valid && g.satisfactionRate !== null).map((g) => g.satisfactionRate as number);
  if (rates.length === 0) return null;
  return rates.reduce((a, b) => a + b, 0) / rates.length;
}

export interface SchoolSatisfaction {
  groups: Record<SurveyGroup, GroupSatisfaction>;
  combined: number | null;
}

/** Both groups (a group without responses is n = 0, hidden, invalid) and the combined figure. */
export function schoolSatisfaction(byGroup: Partial<Record<SurveyGroup, SatisfactionAggregate>>, opts: { minResponses?: number } = {}): SchoolSatisfaction {
  const groups = {} as Record<SurveyGroup, GroupSatisfaction>;
  for (const g of SURVEY_GROUPS) groups[g] = groupSatisfaction(byGroup[g] ?? emptyAggregate(), opts);
  return { groups, combined: combinedSatisfaction(SURVEY_GROUPS.map((g) => groups[g])) };
}

/**
 * §4: a zone's or the district's answers of one group pool the responses of the schools shown —
 * those at or above the anonymity floor (a hidden school's answers could otherwise be recovered
 * by subtracting the visible schools from the total). `included` / `hidden` count the schools.
 */
export function poolShown<T extends { agg: SatisfactionAggregate }>(bySchool: readonly T[]): { shown: T[]; agg: SatisfactionAggregate; included: number; hidden: number } {
  const shown = bySchool.filter((t) => t.agg.n >= ANONYMITY_FLOOR);
  return { shown, agg: mergeAggregates(...shown.map((t) => t.agg)), included: shown.length, hidden: bySchool.length - shown.length };
}

/**
 * §4: the 满意率 of a zone or the district — per group the pooled responses of the schools shown,
 * combined = the mean of the valid groups, exactly as for a school. The overview, the survey
 * page, the documents and the API all take it from here.
 */
export function pooledSatisfaction(schools: readonly Partial<Record<SurveyGroup, SatisfactionAggregate>>[], opts: { minResponses?: number } = {}): SchoolSatisfaction {
  const byGroup: Partial<Record<SurveyGroup, SatisfactionAggregate>> = {};
  for (const g of SURVEY_GROUPS) byGroup[g] = poolShown(schools.map((s) => ({ agg: s[g] ?? emptyAggregate() }))).agg;
  return schoolSatisfaction(byGroup, opts);
}

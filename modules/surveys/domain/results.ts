// Survey figures from answer counts (DESIGN §4, §7). Pure: the data layer hands over
// COUNT(*) rows per school, question and value; every figure comes from modules/surveys/domain/satisfaction.
import { ANONYMITY_FLOOR, combinedSatisfaction, emptyAggregate, groupSatisfaction, poolShown, type SatisfactionAggregate } from './satisfaction';

/** How many answers chose 1, 2, 3, 4 and 5. */
export type Distribution = [number, number, number, number, number];

export interface LikertQuestion {
  id: string;
  isOverall: boolean;
}

/** One row of `SELECT question_id, value, count(*) … GROUP BY` for one school and survey. */
export interface AnswerCount {
  questionId: string;
  value: number;
  n: number;
}

/** The sums behind one school-group: the domain aggregate plus the answer distribution. */
export interface GroupTally {
  agg: SatisfactionAggregate;
  distribution: Record<string, Distribution>;
}

/**
 * What may leave the data layer for one group. Under the anonymity floor (§7) every figure is
 * null — the response count too, which is why the domain's `n` is not carried over.
 */
export interface GroupFigures {
  /** Responses when visible; null under the floor. */
  responses: number | null;
  visible: boolean;
  valid: boolean;
  satisfactionRate: number | null;
  meanScore: number | null;
  questionMeans: Record<string, number | null> | null;
  /** Per question; a question answered fewer than 5 times is null. */
  distribution: Record<string, Distribution | null> | null;
}

function dict<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

const zeros = (): Distribution => [0, 0, 0, 0, 0];

/**
 * Builds a school-group tally. n = answers to the overall question (every response has one);
 * the overall question also gets its own per-question mean.
 */
export function tallyAnswers(questions: readonly LikertQuestion[], counts: readonly AnswerCount[]): GroupTally {
  const agg = emptyAggregate();
  const distribution = dict<Distribution>();
  const overall = questions.find((q) => q.isOverall)?.id;
  for (const q of questions) {
    distribution[q.id] = zeros();
    agg.questions[q.id] = { count: 0, sum: 0 };
  }
  for (const c of counts) {
    const slot = agg.questions[c.questionId];
    const dist = distribution[c.questionId];
    if (!slot || !dist) continue; // not a Likert question of this survey
    if (!Number.isInteger(c.value) || c.value < 1 || c.value > 5) throw new RangeError(`answer value ${c.value} outside 1–5`);
    slot.count += c.n;
    slot.sum += c.value * c.n;
    dist[c.value - 1] = (dist[c.value - 1] ?? 0) + c.n;
    if (c.questionId === overall) {
      agg.n += c.n;
      agg.overallSum += c.value * c.n;
      if (c.value >= 4) agg.satisfied += c.n;
    }
  }
  return { agg, distribution };
}

export function emptyTally(questions: readonly LikertQuestion[]): GroupTally {
  return tallyAnswers(questions, []);
}

/** §4 figures of one group with the §7 anonymity floor applied to every number. */
export function groupFigures(t: GroupTally, minResponses: number): GroupFigures {
  const g = groupSatisfaction(t.agg, { minResponses });
  const base = { visible: g.visible, valid: g.valid, satisfactionRate: g.satisfactionRate, meanScore: g.meanScore, questionMeans: g.questionMeans };
  if (!g.visible) return { ...base, responses: null, distribution: null };
  const distribution = dict<Distribution | null>();
  for (const [q, d] of Object.entries(t.distribution)) {
    distribution[q] = (t.agg.questions[q]?.count ?? 0) >= ANONYMITY_FLOOR ? d : null;
  }
  return { ...base, responses: g.n, distribution };
}

export interface RollUp {
  figures: GroupFigures;
  /** School-groups whose answers entered the roll-up (those at or above the floor). */
  included: number;
  /** School-groups left out because they are under the floor. */
  hidden: number;
}

/**
 * Zone and district roll-ups (§4: weighted by responses, not an average of percentages).
 * Decision: only school-groups at or above the anonymity floor enter, otherwise a hidden school's
 * answers could be recovered by subtracting the visible schools from the total.
 */
export function rollUp(tallies: readonly GroupTally[], minResponses: number): RollUp {
  const { shown, agg, included, hidden } = poolShown(tallies);
  const distribution = dict<Distribution>();
  for (const t of shown) {
    for (const [q, d] of Object.entries(t.distribution)) {
      const acc = (distribution[q] ??= zeros());
      for (let i = 0; i < 5; i++) acc[i] = (acc[i] ?? 0) + (d[i] ?? 0);
    }
  }
  return { figures: groupFigures({ agg, distribution }, minResponses), included, hidden };
}

/** §4: combined = mean of the valid groups' 满意率. */
export function combined(groups: readonly (GroupFigures | null)[]): number | null {
  return combinedSatisfaction(groups.filter((g): g is GroupFigures => g !== null).map((g) => ({ ...g, n: g.responses ?? 0 })));
}

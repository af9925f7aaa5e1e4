// Free-text answers (DESIGN §7): for evaluators only, never for leaders or coordinators, and not
// for a school-group under the anonymity floor (a handful of answers can name their author).
// Returned without dates and in an order that says nothing about when they came in.
import { and, asc, count, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { schools, surveyResponses } from '@/db/schema';
import { ANONYMITY_FLOOR } from '@/modules/surveys/domain/satisfaction';
import type { SurveyGroup } from '@/core/domain/types';
import { inDistrict } from '@/core/context';
import { schoolScopeFilter } from '@/modules/org/data/schools';
import type { DistrictScope, Scope } from '@/core/scope';
import { surveysOfYear } from './surveys';

export interface FreeText {
  schoolId: string;
  schoolCode: string;
  schoolName: string;
  group: SurveyGroup;
  text: string;
}

/** Texts of the given schools (already scope-checked) for the year's surveys, floor applied. */
export async function freeTextsOf(tx: Tx, s: DistrictScope, year: number, schoolIds: readonly string[]): Promise<FreeText[]> {
  if (s.role !== 'evaluator' || schoolIds.length === 0) return [];
  const list = await surveysOfYear(tx, s.districtId, year);
  if (list.length === 0) return [];
  const surveyIds = list.map((x) => x.id);
  const where = and(eq(surveyResponses.districtId, s.districtId), inArray(surveyResponses.surveyId, surveyIds), inArray(surveyResponses.schoolId, [...schoolIds]));
  const counts = await tx
    .select({ surveyId: surveyResponses.surveyId, schoolId: surveyResponses.schoolId, n: count() })
    .from(surveyResponses)
    .where(where)
    .groupBy(surveyResponses.surveyId, surveyResponses.schoolId);
  const shown = new Set(counts.filter((c) => c.n >= ANONYMITY_FLOOR).map((c) => `${c.surveyId}/${c.schoolId}`));
  if (shown.size === 0) return [];
  const rows = await tx
    .select({ surveyId: surveyResponses.surveyId, schoolId: schools.id, schoolCode: schools.code, schoolName: schools.name, text: surveyResponses.freeText })
    .from(surveyResponses)
    .innerJoin(schools, eq(schools.id, surveyResponses.schoolId))
    .where(and(where, isNotNull(surveyResponses.freeText)))
    // Random ids: the order says nothing about when an answer came in.
    .orderBy(asc(schools.code), asc(surveyResponses.id));
  const groupOf = new Map(list.map((x) => [x.id, x.group]));
  return rows
    .filter((r) => shown.has(`${r.surveyId}/${r.schoolId}`) && r.text && r.text.trim() !== '')
    .map((r) => ({ schoolId: r.schoolId, schoolCode: r.schoolCode, schoolName: r.schoolName, group: groupOf.get(r.surveyId)!, text: r.text! }));
}

/** Evaluators: every free text of the schools in scope for a year (the XLSX export). */
export async function districtFreeTexts(scope: Scope, year: number): Promise<FreeText[]> {
  return inDistrict(scope, ['evaluator'], async (tx, s) => {
    const ids = (await tx.select({ id: schools.id }).from(schools).where(schoolScopeFilter(s))).map((r) => r.id);
    return freeTextsOf(tx, s, year, ids);
  });
}

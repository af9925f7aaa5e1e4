// Surveys of a district (DESIGN §7): shared reads used by the admin, code, public and results
// modules. Every function runs inside a district transaction and filters by district.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { surveyQuestions, surveys, type Survey, type SurveyQuestion } from '@/db/schema';
import type { SurveyGroup } from '@/core/domain/types';
import { SURVEY_GROUPS } from '@/core/domain/types';
import { type DistrictScope } from '@/core/scope';
import { AppError } from '@/core/errors';
import { isUuid } from '@/core/auth/users';

/** A rule of §7 that the input broke, reported against one field of the form. */
export interface RuleViolation {
  field: string;
  key: string;
}

export type SurveysByGroup<T> = Record<SurveyGroup, T | null>;

export function byGroup<T extends { group: SurveyGroup }>(rows: readonly T[]): SurveysByGroup<T> {
  const out = {} as SurveysByGroup<T>;
  for (const g of SURVEY_GROUPS) out[g] = rows.find((r) => r.group === g) ?? null;
  return out;
}

export async function surveysOfYear(tx: Tx, districtId: string, year: number): Promise<Survey[]> {
  return tx
    .select()
    .from(surveys)
    .where(and(eq(surveys.districtId, districtId), eq(surveys.year, year)))
    .orderBy(asc(surveys.group));
}

/** A survey of the caller's district, or 404. */
export async function surveyInDistrict(tx: Tx, scope: DistrictScope, surveyId: string): Promise<Survey> {
  if (!isUuid(surveyId)) throw new AppError('notFound');
  const [row] = await tx
    .select()
    .from(surveys)
    .where(and(eq(surveys.id, surveyId), eq(surveys.districtId, scope.districtId)));
  if (!row) throw new AppError('notFound');
  return row;
}

/** Questions of the given surveys, in order. */
export async function questionsOf(tx: Tx, districtId: string, surveyIds: readonly string[]): Promise<SurveyQuestion[]> {
  if (surveyIds.length === 0) return [];
  return tx
    .select()
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.districtId, districtId), inArray(surveyQuestions.surveyId, [...surveyIds])))
    .orderBy(asc(surveyQuestions.surveyId), asc(surveyQuestions.position));
}

/** The years a district has surveys for, newest first. */
export async function surveyYears(tx: Tx, districtId: string): Promise<number[]> {
  const rows = await tx.selectDistinct({ year: surveys.year }).from(surveys).where(eq(surveys.districtId, districtId));
  return rows.map((r) => r.year).sort((a, b) => b - a);
}

// Single-use code batches per school (DESIGN §7): the district admin for any school of the
// district, a coordinator for their own school. Codes are printed on slips; coordinators see
// how many were used, never any answer.
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { schools, surveyCodeBatches, surveyCodes, surveys, users, type School, type Survey } from '@/db/schema';
import type { LocalDate, SurveyGroup } from '@/core/domain/types';
import { newCodes } from '@/modules/surveys/domain/codes';
import { surveyPhase, type SurveyPhase } from '@/modules/surveys/domain/phase';
import type { BatchInput } from '@/modules/surveys/validation/surveys';
import { audit } from '@/core/audit';
import { inDistrict, today } from '@/core/context';
import { schoolInScope, schoolScopeFilter, schoolsInScope } from '@/modules/org/data/schools';
import { coversSchool, type DistrictScope, type Scope } from '@/core/scope';
import { AppError } from '@/core/errors';
import { surveyInDistrict, surveysOfYear, type RuleViolation } from './surveys';
import { isUuid } from '@/core/auth/users';

const CODE_ROLES = ['districtAdmin', 'coordinator'] as const;
/** Codes per school and survey at most: generous for a school, a brake on runaway batches. */
export const MAX_CODES_PER_SCHOOL_SURVEY = 3000;

export interface BatchRow {
  id: string;
  surveyId: string;
  group: SurveyGroup;
  surveyTitle: string;
  schoolId: string;
  schoolCode: string;
  schoolName: string;
  count: number;
  used: number;
  createdAt: Date;
  createdBy: string | null;
}

async function insertCodes(tx: Tx, rows: { districtId: string; surveyId: string; schoolId: string; batchId: string }, n: number): Promise<void> {
  let missing = n;
  // A collision with an existing code is astronomically unlikely (README "Surveys"), but the
  // primary key would reject it: skip it and draw again.
  for (let round = 0; missing > 0; round++) {
    if (round > 5) throw new Error('could not draw unique survey codes');
    const inserted = await tx
      .insert(surveyCodes)
      .values(newCodes(missing).map((code) => ({ code, ...rows })))
      .onConflictDoNothing()
      .returning({ code: surveyCodes.code });
    missing -= inserted.length;
  }
}

/** Generates a batch of codes for one school and survey; returns the batch id. */
export async function generateBatch(scope: Scope, input: BatchInput): Promise<RuleViolation | { batchId: string }> {
  return inDistrict(scope, CODE_ROLES, async (tx, s) => {
    const school = await schoolInScope(tx, s, input.schoolId);
    if (!school.active) throw new AppError('notFound');
    const survey = await surveyInDistrict(tx, s, input.surveyId);
    if (surveyPhase(survey, today()) === 'closed') return { field: 'surveyId', key: 'surveyErrors.surveyClosed' };
    const [have] = await tx
      .select({ n: count() })
      .from(surveyCodes)
      .where(and(eq(surveyCodes.districtId, s.districtId), eq(surveyCodes.surveyId, survey.id), eq(surveyCodes.schoolId, school.id)));
    if ((have?.n ?? 0) + input.count > MAX_CODES_PER_SCHOOL_SURVEY) {
      return { field: 'count', key: 'surveyErrors.tooManyCodes' };
    }
    const [batch] = await tx
      .insert(surveyCodeBatches)
      .values({ districtId: s.districtId, surveyId: survey.id, schoolId: school.id, count: input.count, createdBy: s.userId })
      .returning({ id: surveyCodeBatches.id });
    await insertCodes(tx, { districtId: s.districtId, surveyId: survey.id, schoolId: school.id, batchId: batch!.id }, input.count);
    // The codes themselves stay out of the audit log: they are bearer tokens until used.
    await audit(tx, s, {
      entity: 'survey_code_batch',
      entityId: batch!.id,
      action: 'create',
      before: null,
      after: { surveyId: survey.id, schoolId: school.id, schoolCode: school.code, count: input.count },
    });
    return { batchId: batch!.id };
  });
}

async function batchRows(tx: Tx, s: DistrictScope, surveyIds: string[]): Promise<BatchRow[]> {
  if (surveyIds.length === 0) return [];
  const rows = await tx
    .select({
      id: surveyCodeBatches.id,
      surveyId: surveyCodeBatches.surveyId,
      group: surveys.group,
      surveyTitle: surveys.title,
      schoolId: schools.id,
      schoolCode: schools.code,
      schoolName: schools.name,
      count: surveyCodeBatches.count,
      createdAt: surveyCodeBatches.createdAt,
      createdBy: users.displayName,
    })
    .from(surveyCodeBatches)
    .innerJoin(surveys, eq(surveys.id, surveyCodeBatches.surveyId))
    .innerJoin(schools, eq(schools.id, surveyCodeBatches.schoolId))
    .leftJoin(users, eq(users.id, surveyCodeBatches.createdBy))
    .where(and(eq(surveyCodeBatches.districtId, s.districtId), inArray(surveyCodeBatches.surveyId, surveyIds), schoolScopeFilter(s)))
    .orderBy(asc(schools.code), desc(surveyCodeBatches.createdAt));
  if (rows.length === 0) return [];
  const used = await tx
    .select({ batchId: surveyCodes.batchId, n: count(surveyCodes.usedOn) })
    .from(surveyCodes)
    .where(
      and(
        eq(surveyCodes.districtId, s.districtId),
        inArray(
          surveyCodes.batchId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .groupBy(surveyCodes.batchId);
  const usedOf = new Map(used.map((u) => [u.batchId, u.n]));
  return rows.map((r) => ({ ...r, used: usedOf.get(r.id) ?? 0 }));
}

export interface CodeSurvey {
  survey: Survey;
  phase: SurveyPhase;
}

/** The year's surveys with the batches the caller may see (own school for coordinators). */
export async function codeBatches(scope: Scope, year: number): Promise<{ surveys: CodeSurvey[]; batches: BatchRow[]; schools: School[] }> {
  return inDistrict(scope, CODE_ROLES, async (tx, s) => {
    const day = today();
    const list = await surveysOfYear(tx, s.districtId, year);
    const [batches, schoolList] = await Promise.all([
      batchRows(
        tx,
        s,
        list.map((x) => x.id),
      ),
      schoolsInScope(tx, s),
    ]);
    return { surveys: list.map((survey) => ({ survey, phase: surveyPhase(survey, day) })), batches, schools: schoolList };
  });
}

export interface PrintBatch {
  batch: { id: string; count: number; createdAt: Date };
  survey: Survey;
  school: School;
  codes: string[];
  /** The codes of the batch already answered, with the day (issue 14: a reprint marks them). */
  usedOn: Record<string, LocalDate>;
}

/** One batch with its codes, for the printable sheet (404 outside the caller's scope). */
export async function batchForPrint(scope: Scope, batchId: string): Promise<PrintBatch> {
  return inDistrict(scope, CODE_ROLES, async (tx, s) => {
    if (!isUuid(batchId)) throw new AppError('notFound');
    const [row] = await tx
      .select({ batch: surveyCodeBatches, survey: surveys, school: schools })
      .from(surveyCodeBatches)
      .innerJoin(surveys, eq(surveys.id, surveyCodeBatches.surveyId))
      .innerJoin(schools, eq(schools.id, surveyCodeBatches.schoolId))
      .where(and(eq(surveyCodeBatches.id, batchId), eq(surveyCodeBatches.districtId, s.districtId)));
    if (!row || !coversSchool(s, row.school)) throw new AppError('notFound');
    const codes = await tx
      .select({ code: surveyCodes.code, usedOn: surveyCodes.usedOn })
      .from(surveyCodes)
      .where(and(eq(surveyCodes.districtId, s.districtId), eq(surveyCodes.batchId, batchId)))
      .orderBy(asc(surveyCodes.code));
    return {
      batch: { id: row.batch.id, count: row.batch.count, createdAt: row.batch.createdAt },
      survey: row.survey,
      school: row.school,
      codes: codes.map((c) => c.code),
      usedOn: Object.fromEntries(codes.filter((c) => c.usedOn !== null).map((c) => [c.code, c.usedOn!])),
    };
  });
}

/** Codes issued and answered per survey and school (issue 14: each school's response rate), keyed `surveyId:schoolId`. */
export async function codeUse(tx: Tx, districtId: string, surveyIds: string[], schoolIds: string[]): Promise<Map<string, { issued: number; used: number }>> {
  if (surveyIds.length === 0 || schoolIds.length === 0) return new Map();
  const rows = await tx
    .select({ surveyId: surveyCodes.surveyId, schoolId: surveyCodes.schoolId, issued: count(), used: count(surveyCodes.usedOn) })
    .from(surveyCodes)
    .where(and(eq(surveyCodes.districtId, districtId), inArray(surveyCodes.surveyId, surveyIds), inArray(surveyCodes.schoolId, schoolIds)))
    .groupBy(surveyCodes.surveyId, surveyCodes.schoolId);
  return new Map(rows.map((r) => [`${r.surveyId}:${r.schoolId}`, { issued: Number(r.issued), used: Number(r.used) }]));
}

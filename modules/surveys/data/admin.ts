// District admin: set up the year's teacher and parent surveys (DESIGN §7) — create them from the
// defaults, edit the questions before the survey opens, set the opening and closing days.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { surveyCodes, surveyQuestions, surveyResponses, surveys, type Survey, type SurveyQuestion } from '@/db/schema';
import type { LocalDate, SurveyGroup } from '@/core/domain/types';
import { DEFAULT_QUESTIONS, defaultDates, defaultTitle } from '@/modules/surveys/domain/defaults';
import { questionsEditable, surveyPhase, type SurveyPhase } from '@/modules/surveys/domain/phase';
import type { CreateSurveyInput, QuestionsInput, SurveySettingsInput } from '@/modules/surveys/validation/surveys';
import { audit } from '@/core/audit';
import { inDistrict, today } from '@/core/context';
import { type Scope } from '@/core/scope';
import { AppError } from '@/core/errors';
import { byGroup, questionsOf, surveyInDistrict, surveysOfYear, type RuleViolation, type SurveysByGroup } from './surveys';

export interface AdminSurvey {
  survey: Survey;
  phase: SurveyPhase;
  editable: boolean;
  questions: SurveyQuestion[];
  codesIssued: number;
  codesUsed: number;
}

export async function adminSurveys(scope: Scope, year: number) {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const day = today();
    const list = await surveysOfYear(tx, s.districtId, year);
    const ids = list.map((x) => x.id);
    const [questions, codeCounts] = await Promise.all([
      questionsOf(tx, s.districtId, ids),
      ids.length
        ? tx
            .select({ surveyId: surveyCodes.surveyId, issued: count(), used: count(surveyCodes.usedOn) })
            .from(surveyCodes)
            .where(and(eq(surveyCodes.districtId, s.districtId), inArray(surveyCodes.surveyId, ids)))
            .groupBy(surveyCodes.surveyId)
        : Promise.resolve([]),
    ]);
    const rows: AdminSurvey[] = list.map((survey) => {
      const c = codeCounts.find((x) => x.surveyId === survey.id);
      return {
        survey,
        phase: surveyPhase(survey, day),
        editable: questionsEditable(survey, day),
        questions: questions.filter((q) => q.surveyId === survey.id),
        codesIssued: c?.issued ?? 0,
        codesUsed: c?.used ?? 0,
      };
    });
    const surveysByGroup: SurveysByGroup<AdminSurvey & { group: SurveyGroup }> = byGroup(rows.map((r) => ({ ...r, group: r.survey.group })));
    return {
      today: day,
      surveys: surveysByGroup,
      defaults: { teachers: { title: defaultTitle(year, 'teachers'), ...defaultDates(year, day) }, parents: { title: defaultTitle(year, 'parents'), ...defaultDates(year, day) } },
    };
  });
}

function opensTooEarly(opensOn: LocalDate, day: LocalDate): RuleViolation | null {
  return opensOn < day ? { field: 'opensOn', key: 'surveyErrors.opensBeforeToday' } : null;
}

/** Creates the year's survey of a group with the §7 default questions. */
export async function createSurvey(scope: Scope, input: CreateSurveyInput): Promise<RuleViolation | { id: string }> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const bad = opensTooEarly(input.opensOn, today());
    if (bad) return bad;
    const [existing] = await tx
      .select({ id: surveys.id })
      .from(surveys)
      .where(and(eq(surveys.districtId, s.districtId), eq(surveys.year, input.year), eq(surveys.group, input.group)));
    if (existing) throw new AppError('conflict');
    const [created] = await tx
      .insert(surveys)
      .values({ districtId: s.districtId, year: input.year, group: input.group, title: input.title, opensOn: input.opensOn, closesOn: input.closesOn })
      .returning();
    const survey = created!;
    const questions = DEFAULT_QUESTIONS[input.group].map((q, i) => ({ districtId: s.districtId, surveyId: survey.id, position: i + 1, kind: q.kind, text: q.text, isOverall: q.isOverall }));
    await tx.insert(surveyQuestions).values(questions);
    await audit(tx, s, { entity: 'survey', entityId: survey.id, action: 'create', before: null, after: { ...survey, questions: questions.map((q) => q.text) } });
    return { id: survey.id };
  });
}

/**
 * Title and dates. Before the survey opens everything may change (not to a day in the past);
 * once open, the opening day is fixed and only the title and closing day may change.
 */
export async function updateSurveySettings(scope: Scope, input: SurveySettingsInput): Promise<RuleViolation | 'saved'> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const before = await surveyInDistrict(tx, s, input.surveyId);
    const day = today();
    if (surveyPhase(before, day) === 'notOpen') {
      const bad = opensTooEarly(input.opensOn, day);
      if (bad) return bad;
    } else if (input.opensOn !== before.opensOn) {
      return { field: 'opensOn', key: 'surveyErrors.opensFixed' };
    }
    const after = { title: input.title, opensOn: input.opensOn, closesOn: input.closesOn };
    await tx
      .update(surveys)
      .set(after)
      .where(and(eq(surveys.id, before.id), eq(surveys.districtId, s.districtId)));
    await audit(tx, s, {
      entity: 'survey',
      entityId: before.id,
      action: 'update',
      before: { title: before.title, opensOn: before.opensOn, closesOn: before.closesOn },
      after,
    });
    return 'saved' as const;
  });
}

/** Replaces the questions: likert[0] is the overall question, then the others, then the free text. */
export async function saveQuestions(scope: Scope, input: QuestionsInput): Promise<'saved'> {
  return inDistrict(scope, ['districtAdmin'], async (tx, s) => {
    const survey = await surveyInDistrict(tx, s, input.surveyId);
    // Lock the survey row so a concurrent date change cannot open it half-way through.
    await tx.execute(sql`select 1 from ${surveys} where ${surveys.id} = ${survey.id} for update`);
    if (!questionsEditable(survey, today())) throw new AppError('conflict');
    const [answered] = await tx
      .select({ n: count() })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.districtId, s.districtId), eq(surveyResponses.surveyId, survey.id)));
    if ((answered?.n ?? 0) > 0) throw new AppError('conflict');
    const before = await questionsOf(tx, s.districtId, [survey.id]);
    await tx.delete(surveyQuestions).where(and(eq(surveyQuestions.districtId, s.districtId), eq(surveyQuestions.surveyId, survey.id)));
    const rows = [...input.likert.map((text, i) => ({ kind: 'likert' as const, text, isOverall: i === 0 })), { kind: 'text' as const, text: input.freeText, isOverall: false }].map((q, i) => ({
      ...q,
      districtId: s.districtId,
      surveyId: survey.id,
      position: i + 1,
    }));
    await tx.insert(surveyQuestions).values(rows);
    await audit(tx, s, {
      entity: 'survey',
      entityId: survey.id,
      action: 'editQuestions',
      before: before.map((q) => ({ kind: q.kind, text: q.text, isOverall: q.isOverall })),
      after: rows.map((q) => ({ kind: q.kind, text: q.text, isOverall: q.isOverall })),
    });
    return 'saved' as const;
  });
}

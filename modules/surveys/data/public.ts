// Public (no login) survey access by code (DESIGN §7). The district is resolved from the code,
// then everything runs under withDistrict. Nothing personal is stored with an answer: no
// address, no user agent, only the day; the code is never linked to the response; and
// responses are deliberately not written to the audit log (its timestamp would be finer than
// the day).
import { and, eq, isNull } from 'drizzle-orm';
import { withDistrict, withSystem, type Tx } from '@/db/client';
import { schools, surveyAnswers, surveyCodes, surveyResponses, surveys, type SurveyQuestion } from '@/db/schema';
import type { LocalDate, SurveyGroup } from '@/core/domain/types';
import { normalizeCode } from '@/modules/surveys/domain/codes';
import { surveyPhase } from '@/modules/surveys/domain/phase';
import { parseAnswer, type CodeRefusal } from '@/modules/surveys/validation/answer';
import { today } from '@/core/context';
import { questionsOf } from './surveys';
import { countSurveyResponse } from '@/modules/facts/data/refresh';
import type { FieldErrors } from '@/core/forms/state';

export interface PublicQuestion {
  id: string;
  kind: 'likert' | 'text';
  text: string;
  isOverall: boolean;
}

export type CodeLookup =
  { state: 'open'; code: string; title: string; group: SurveyGroup; school: string; closesOn: LocalDate; questions: PublicQuestion[] } | { state: CodeRefusal; date?: LocalDate };

async function districtOfCode(code: string): Promise<string | null> {
  // The only unscoped read: which district a code belongs to (nothing else leaves this query).
  const [row] = await withSystem((db) => db.select({ districtId: surveyCodes.districtId }).from(surveyCodes).where(eq(surveyCodes.code, code)));
  return row?.districtId ?? null;
}

async function codeRow(tx: Tx, districtId: string, code: string) {
  const [row] = await tx
    .select({ usedOn: surveyCodes.usedOn, survey: surveys, school: schools.name })
    .from(surveyCodes)
    .innerJoin(surveys, eq(surveys.id, surveyCodes.surveyId))
    .innerJoin(schools, eq(schools.id, surveyCodes.schoolId))
    .where(and(eq(surveyCodes.code, code), eq(surveyCodes.districtId, districtId)));
  return row ?? null;
}

function refusal(row: NonNullable<Awaited<ReturnType<typeof codeRow>>>, day: LocalDate): { state: CodeRefusal; date?: LocalDate } | null {
  // A closed survey says so even for a used code: the date is the more useful answer.
  const phase = surveyPhase(row.survey, day);
  if (phase === 'notOpen') return { state: 'notOpen', date: row.survey.opensOn };
  if (phase === 'closed') return { state: 'closed', date: row.survey.closesOn };
  if (row.usedOn) return { state: 'used' };
  return null;
}

const toPublic = (q: SurveyQuestion): PublicQuestion => ({ id: q.id, kind: q.kind, text: q.text, isOverall: q.isOverall });

/** What a respondent sees for a code: the questions, or why the code cannot be answered. */
export async function lookupCode(input: string): Promise<CodeLookup> {
  const code = normalizeCode(input);
  const districtId = code ? await districtOfCode(code) : null;
  if (!code || !districtId) return { state: 'unknown' };
  return withDistrict(districtId, async (tx) => {
    const row = await codeRow(tx, districtId, code);
    if (!row) return { state: 'unknown' };
    const refused = refusal(row, today());
    if (refused) return refused;
    const questions = await questionsOf(tx, districtId, [row.survey.id]);
    return { state: 'open', code, title: row.survey.title, group: row.survey.group, school: row.school, closesOn: row.survey.closesOn, questions: questions.map(toPublic) };
  });
}

export type SubmitResult = { status: 'saved' } | { status: 'refused'; reason: CodeRefusal; date?: LocalDate } | { status: 'invalid'; fieldErrors: FieldErrors };

/**
 * Stores one answer for a code, once. In one transaction: the code is claimed with a conditional
 * UPDATE … WHERE used_on IS NULL RETURNING, and the response is inserted only when a row came
 * back — so concurrent submissions with one code store exactly one response.
 */
export async function submitResponse(input: string, values: Record<string, string>): Promise<SubmitResult> {
  const code = normalizeCode(input);
  const districtId = code ? await districtOfCode(code) : null;
  if (!code || !districtId) return { status: 'refused', reason: 'unknown' };
  return withDistrict(districtId, async (tx) => {
    const day = today();
    const row = await codeRow(tx, districtId, code);
    if (!row) return { status: 'refused', reason: 'unknown' };
    const refused = refusal(row, day);
    if (refused) return { status: 'refused', reason: refused.state, date: refused.date };
    const questions = await questionsOf(tx, districtId, [row.survey.id]);
    const likert = questions.filter((q) => q.kind === 'likert');
    const parsed = parseAnswer(
      likert.map((q) => q.id),
      values,
    );
    if (!parsed.ok) return { status: 'invalid', fieldErrors: parsed.fieldErrors };

    const claimed = await tx
      .update(surveyCodes)
      .set({ usedOn: day })
      .where(and(eq(surveyCodes.code, code), eq(surveyCodes.districtId, districtId), isNull(surveyCodes.usedOn)))
      .returning({ surveyId: surveyCodes.surveyId, schoolId: surveyCodes.schoolId });
    const claim = claimed[0];
    if (!claim) return { status: 'refused', reason: 'used' };

    const hasText = questions.some((q) => q.kind === 'text');
    const [response] = await tx
      .insert(surveyResponses)
      .values({ districtId, surveyId: claim.surveyId, schoolId: claim.schoolId, submittedOn: day, freeText: hasText ? parsed.data.freeText : null })
      .returning({ id: surveyResponses.id });
    const answers = likert.map((q) => ({ questionId: q.id, value: parsed.data.answers[q.id]! }));
    await tx.insert(surveyAnswers).values(answers.map((a) => ({ districtId, responseId: response!.id, ...a })));
    // The fact store counts the response in the same transaction (issue 15).
    await countSurveyResponse(tx, districtId, {
      surveyId: claim.surveyId,
      year: row.survey.year,
      group: row.survey.group,
      schoolId: claim.schoolId,
      overallQuestionId: likert.find((q) => q.isOverall)?.id ?? null,
      answers,
    });
    return { status: 'saved' };
  });
}

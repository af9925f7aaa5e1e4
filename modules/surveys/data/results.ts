// Survey results for evaluators and leaders (DESIGN §4, §7): per school and group the responses,
// 满意率, mean and mean per question, validity against minResponses, the anonymity floor of 5,
// and zone / district roll-ups. Counts come from the fact store; every figure from modules/surveys/domain/results →
// modules/surveys/domain/satisfaction. Free texts are for evaluators only.
import type { Tx } from '@/db/client';
import { type School, type Survey, type SurveyQuestion } from '@/db/schema';
import { readAnswerCounts } from '@/modules/facts/data/read';
import { ANONYMITY_FLOOR } from '@/modules/surveys/domain/satisfaction';
import { SURVEY_GROUPS, type SurveyGroup } from '@/core/domain/types';
import { combined, emptyTally, groupFigures, rollUp, tallyAnswers, type AnswerCount, type GroupFigures, type GroupTally, type RollUp } from '@/modules/surveys/domain/results';
import { inDistrict } from '@/core/context';
import { schoolInScope, schoolsInScope, zonesOfDistrict } from '@/modules/org/data/schools';
import type { Scope } from '@/core/scope';
import { loadSettings } from '@/modules/org/data/settings';
import { byGroup, questionsOf, surveysOfYear, surveyYears, type SurveysByGroup } from './surveys';
import { freeTextsOf, type FreeText } from './texts';
import { codeUse } from './codes';

const RESULT_ROLES = ['evaluator', 'leader'] as const;

export interface ResultSurvey {
  id: string;
  group: SurveyGroup;
  title: string;
  opensOn: string;
  closesOn: string;
  /** Likert questions in order (the overall question first). */
  questions: { id: string; position: number; text: string; isOverall: boolean }[];
}

export interface SchoolResultRow {
  id: string;
  code: string;
  name: string;
  type: School['type'];
  zone: string | null;
  groups: SurveysByGroup<GroupFigures>;
  /** §4: mean of the valid groups' 满意率. */
  combined: number | null;
  /** Codes issued and answered per group (issue 14: the response rate); null without a survey. */
  codes: SurveysByGroup<{ issued: number; used: number }>;
}

export interface ZoneResultRow {
  id: string | null;
  name: string | null;
  schools: number;
  groups: SurveysByGroup<RollUp>;
  combined: number | null;
}

interface Loaded {
  surveys: SurveysByGroup<ResultSurvey>;
  /** Tallies by survey group, then school id. */
  tallies: Record<SurveyGroup, Map<string, GroupTally>>;
}

function toResultSurvey(s: Survey, questions: SurveyQuestion[]): ResultSurvey {
  return {
    id: s.id,
    group: s.group,
    title: s.title,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    questions: questions.filter((q) => q.surveyId === s.id && q.kind === 'likert').map((q) => ({ id: q.id, position: q.position, text: q.text, isOverall: q.isOverall })),
  };
}

/** Answer counts per survey, school, question and value: one query for any number of schools. */
async function load(tx: Tx, districtId: string, schoolIds: string[], year: number): Promise<Loaded> {
  const list = await surveysOfYear(tx, districtId, year);
  const questions = await questionsOf(
    tx,
    districtId,
    list.map((s) => s.id),
  );
  const surveys = byGroup(list.map((s) => toResultSurvey(s, questions)));
  const tallies = { teachers: new Map(), parents: new Map() } as Loaded['tallies'];
  const surveyIds = list.map((s) => s.id);
  if (surveyIds.length === 0 || schoolIds.length === 0) return { surveys, tallies };
  // From the fact store (issue 15): counts kept by every stored response.
  const rows = await readAnswerCounts(tx, districtId, year, surveyIds, schoolIds);
  for (const g of SURVEY_GROUPS) {
    const survey = surveys[g];
    if (!survey) continue;
    const bySchool = new Map<string, AnswerCount[]>();
    for (const r of rows) {
      if (r.surveyId !== survey.id) continue;
      const list = bySchool.get(r.schoolId) ?? [];
      list.push({ questionId: r.questionId, value: r.value, n: r.n });
      bySchool.set(r.schoolId, list);
    }
    for (const id of schoolIds) tallies[g].set(id, tallyAnswers(survey.questions, bySchool.get(id) ?? []));
  }
  return { surveys, tallies };
}

function schoolGroups(l: Loaded, schoolId: string, minResponses: number): SurveysByGroup<GroupFigures> {
  const out = {} as SurveysByGroup<GroupFigures>;
  for (const g of SURVEY_GROUPS) {
    const survey = l.surveys[g];
    out[g] = survey ? groupFigures(l.tallies[g].get(schoolId) ?? emptyTally(survey.questions), minResponses) : null;
  }
  return out;
}

function rollUpGroups(l: Loaded, schoolIds: string[], minResponses: number): SurveysByGroup<RollUp> {
  const out = {} as SurveysByGroup<RollUp>;
  for (const g of SURVEY_GROUPS) {
    out[g] = l.surveys[g]
      ? rollUp(
          schoolIds.map((id) => l.tallies[g].get(id)).filter((t): t is GroupTally => !!t),
          minResponses,
        )
      : null;
  }
  return out;
}

function textsByGroup(texts: FreeText[]): Record<SurveyGroup, string[]> {
  return { teachers: texts.filter((t) => t.group === 'teachers').map((t) => t.text), parents: texts.filter((t) => t.group === 'parents').map((t) => t.text) };
}

const combinedOfRollUp = (r: SurveysByGroup<RollUp>) => combined(SURVEY_GROUPS.map((g) => r[g]?.figures ?? null));

/** District (or the evaluator's zones) for a year: every school in scope, zones and totals. */
export async function surveyResults(scope: Scope, year: number) {
  return inDistrict(scope, RESULT_ROLES, async (tx, s) => {
    const [schoolList, zoneList, settings, years] = await Promise.all([schoolsInScope(tx, s), zonesOfDistrict(tx, s.districtId), loadSettings(tx, s.districtId, year), surveyYears(tx, s.districtId)]);
    const ids = schoolList.map((x) => x.id);
    const l = await load(tx, s.districtId, ids, year);
    const use = await codeUse(
      tx,
      s.districtId,
      SURVEY_GROUPS.flatMap((g) => (l.surveys[g] ? [l.surveys[g].id] : [])),
      ids,
    );
    const min = settings.minResponses;
    const zoneName = new Map(zoneList.map((z) => [z.id, z.name]));
    const schools: SchoolResultRow[] = schoolList.map((sc) => {
      const groups = schoolGroups(l, sc.id, min);
      return {
        id: sc.id,
        code: sc.code,
        name: sc.name,
        type: sc.type,
        zone: sc.zoneId ? (zoneName.get(sc.zoneId) ?? null) : null,
        groups,
        combined: combined(SURVEY_GROUPS.map((g) => groups[g])),
        codes: Object.fromEntries(SURVEY_GROUPS.map((g) => [g, l.surveys[g] ? (use.get(`${l.surveys[g].id}:${sc.id}`) ?? { issued: 0, used: 0 }) : null])) as SchoolResultRow['codes'],
      };
    });
    const zoneIds = [...new Set(schoolList.map((x) => x.zoneId))];
    const zoneKeys: { id: string | null; name: string | null }[] = [
      ...zoneList.filter((z) => zoneIds.includes(z.id)).map((z) => ({ id: z.id, name: z.name })),
      ...(zoneIds.includes(null) ? [{ id: null, name: null }] : []),
    ];
    const zones: ZoneResultRow[] = zoneKeys.map((z) => {
      const members = schoolList.filter((x) => x.zoneId === z.id).map((x) => x.id);
      const groups = rollUpGroups(l, members, min);
      return { id: z.id, name: z.name, schools: members.length, groups, combined: combinedOfRollUp(groups) };
    });
    const district = rollUpGroups(l, ids, min);
    return {
      year,
      minResponses: min,
      anonymityFloor: ANONYMITY_FLOOR,
      limitedToZones: s.zoneIds !== null,
      years,
      surveys: l.surveys,
      schools,
      zones,
      district: { schools: ids.length, groups: district, combined: combinedOfRollUp(district) },
    };
  });
}
export type SurveyResults = Awaited<ReturnType<typeof surveyResults>>;

/**
 * One school's results for a year (also used by the school profile). Free texts only for
 * evaluators (null for leaders). 404 outside the caller's scope.
 */
export async function schoolSurveyResults(scope: Scope, schoolId: string, year: number) {
  return inDistrict(scope, RESULT_ROLES, async (tx, s) => {
    const school = await schoolInScope(tx, s, schoolId);
    const [figures, zoneList] = await Promise.all([schoolSurveyFigures(tx, s.districtId, school.id, year), zonesOfDistrict(tx, s.districtId)]);
    return {
      year,
      ...figures,
      school: { id: school.id, code: school.code, name: school.name, type: school.type, zone: zoneList.find((z) => z.id === school.zoneId)?.name ?? null },
      freeTexts: s.role === 'evaluator' ? textsByGroup(await freeTextsOf(tx, s, year, [school.id])) : null,
    };
  });
}
export type SchoolSurveyResults = Awaited<ReturnType<typeof schoolSurveyResults>>;

/**
 * Inside a district transaction, for a school the caller was already found to cover: the school's
 * survey figures of a year (no free texts) — what the school profile shows, and what the school's
 * annual summary quotes (issue 17).
 */
export async function schoolSurveyFigures(tx: Tx, districtId: string, schoolId: string, year: number) {
  const settings = await loadSettings(tx, districtId, year);
  const l = await load(tx, districtId, [schoolId], year);
  const groups = schoolGroups(l, schoolId, settings.minResponses);
  return { minResponses: settings.minResponses, anonymityFloor: ANONYMITY_FLOOR, surveys: l.surveys, groups, combined: combined(SURVEY_GROUPS.map((g) => groups[g])) };
}

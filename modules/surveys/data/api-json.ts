// The JSON shape of GET /api/v1/surveys/results: the same figures as the results page.
import { DATA_DIGITS, shown } from '@/core/domain/rounding';
import type { SurveyResults } from './results';
import { SURVEY_GROUPS, type SurveyGroup } from '@/core/domain/types';
import type { GroupFigures, RollUp } from '@/modules/surveys/domain/results';

/** §4: figures with two decimals, rounded once from the exact value (as the XLSX export). */
const two = (x: number | null) => shown(x, DATA_DIGITS);

function group(g: GroupFigures | null) {
  if (!g) return null;
  return {
    responses: g.responses,
    visible: g.visible,
    valid: g.valid,
    satisfactionRate: two(g.satisfactionRate),
    meanScore: two(g.meanScore),
    questionMeans: g.questionMeans && Object.fromEntries(Object.entries(g.questionMeans).map(([q, m]) => [q, two(m)])),
  };
}

function groups<T>(by: Record<SurveyGroup, T | null>, f: (v: T | null) => unknown) {
  return Object.fromEntries(SURVEY_GROUPS.map((g) => [g, f(by[g])]));
}

const rolled = (r: RollUp | null) => (r ? { ...group(r.figures), includedSchools: r.included, hiddenSchools: r.hidden } : null);

/** The API body; with `school`, only that school (null when it is not in the caller's scope). */
export function resultsJson(r: SurveyResults, school: string | null) {
  const schools = r.schools
    .filter((s) => school === null || s.code.toLowerCase() === school.toLowerCase())
    .map((s) => ({ code: s.code, name: s.name, type: s.type, zone: s.zone, combined: two(s.combined), groups: groups(s.groups, group) }));
  if (school !== null && schools.length === 0) return null;
  return {
    year: r.year,
    minResponses: r.minResponses,
    anonymityFloor: r.anonymityFloor,
    surveys: groups(r.surveys, (s) => (s ? { title: s.title, opensOn: s.opensOn, closesOn: s.closesOn, questions: s.questions } : null)),
    ...(school === null
      ? {
          district: { schools: r.district.schools, combined: two(r.district.combined), groups: groups(r.district.groups, rolled) },
          zones: r.zones.map((z) => ({ name: z.name, schools: z.schools, combined: two(z.combined), groups: groups(z.groups, rolled) })),
        }
      : {}),
    schools,
  };
}

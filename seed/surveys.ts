// Satisfaction surveys (DESIGN §7): per district and year a teacher and a parent survey with the
// default questions, per-school code batches (2025, 2026) and anonymous responses.
import * as s from '@/db/schema';
import { addDays, diffDays, minLocalDate } from '@/core/domain/dates';
import type { LocalDate, SurveyGroup } from '@/core/domain/types';
import type { DistrictCtx, SchoolCtx } from './build-org';
import { seedId } from './ids';
import { DEMO_YEARS, type Profile } from './org';
import { rng, type Rng } from './rng';
import { at, type SeedRows } from './rows';

type Question = [text: string, kind: 'likert' | 'text', isOverall?: boolean];

/** §7 default questions; the first is the overall question 满意率 is computed from. */
export const DEFAULT_SURVEY_QUESTIONS: Record<SurveyGroup, readonly Question[]> = {
  teachers: [
    ['您对学校校务公开工作的总体满意程度', 'likert', true],
    ['学校公开的内容真实、完整', 'likert'],
    ['学校能够按规定时限及时公开各类事项', 'likert'],
    ['您提出的意见建议能够得到答复和处理', 'likert'],
    ['教代会（教职工大会）能够切实发挥民主管理、民主监督作用', 'likert'],
    ['您对学校校务公开工作还有哪些意见和建议？', 'text'],
  ],
  parents: [
    ['您对学校校务公开工作的总体满意程度', 'likert', true],
    ['学校公开的内容真实、完整', 'likert'],
    ['学校能够按规定时限及时公开各类事项', 'likert'],
    ['您向学校反映的意见能够得到答复', 'likert'],
    ['学校收费项目和食堂伙食费账目公开清楚', 'likert'],
    ['学校评优评先和招生工作公平公正', 'likert'],
    ['您对学校校务公开工作还有哪些意见和建议？', 'text'],
  ],
};

const FREE_TEXT: Record<SurveyGroup, readonly string[]> = {
  teachers: [
    '希望绩效工资分配方案能提前征求教职工意见。',
    '公开栏内容更新及时，值得肯定。',
    '建议通过公众号同步公开，方便查阅。',
    '职称评审推荐过程公开透明，老师们比较认可。',
    '希望教代会提案的办理结果及时反馈。',
  ],
  parents: ['食堂伙食费公开很清楚，放心。', '希望收费明细也通过家长群发送。', '招生信息公开及时，谢谢学校。', '建议公开校长信箱的回复情况。', '评优结果公示很公平。'],
};

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const BATCH_SIZE: Record<SurveyGroup, number> = { teachers: 40, parents: 60 };

/** Share of respondents answering 4–5 to the overall question, by profile and group. */
function satisfiedShare(p: Profile, g: SurveyGroup): number {
  if (p === 'noCongress' && g === 'teachers') return 0.62;
  if (p === 'veto' && g === 'parents') return 0.58;
  return { exemplary: 0.96, good: 0.92, noCongress: 0.86, veto: 0.84, late: 0.8, missing: 0.72 }[p];
}

/** Responses per school, group and year (2025: a few schools below the validity threshold). */
function responseCount(d: DistrictCtx, sc: SchoolCtx, g: SurveyGroup, year: number, r: Rng): number {
  const special: Record<string, number> = {
    'dongcheng/dc24/2025/teachers': 7,
    'xishan/xs18/2025/teachers': 8,
    'xishan/xs18/2025/parents': 6,
    'xishan/xs22/2025/teachers': 3,
    'xishan/xs22/2025/parents': 4,
  };
  const k = `${d.def.code}/${sc.def.code}/${year}/${g}`;
  if (special[k] !== undefined) return special[k];
  if (year === 2026) return r.int(0, g === 'teachers' ? 12 : 16);
  return g === 'teachers' ? r.int(12, 26) : r.int(14, 32);
}

function likert(r: Rng, satisfied: boolean): number {
  if (satisfied) return r.chance(0.55) ? 5 : 4;
  const x = r.next();
  return x < 0.6 ? 3 : x < 0.9 ? 2 : 1;
}

function makeCode(r: Rng): string {
  let c = '';
  for (let i = 0; i < 10; i++) c += CODE_ALPHABET[r.int(0, CODE_ALPHABET.length - 1)];
  return c;
}

export function buildSurveys(rows: SeedRows, d: DistrictCtx, asOf: LocalDate, usedCodes: Set<string>): void {
  for (const year of DEMO_YEARS) {
    for (const group of ['teachers', 'parents'] as SurveyGroup[]) {
      const opensOn = `${year}-11-01`;
      const closesOn = `${year}-12-15`;
      if (opensOn > asOf) continue;
      const surveyId = seedId(`survey/${d.def.code}/${year}/${group}`);
      rows.add(s.surveys, {
        id: surveyId,
        districtId: d.id,
        year,
        group,
        title: `${year}年度校务公开满意度调查（${group === 'teachers' ? '教师卷' : '家长卷'}）`,
        opensOn,
        closesOn,
        createdAt: at(`${year}-10-20`, 10),
      });
      const questions = DEFAULT_SURVEY_QUESTIONS[group].map(([text, kind, isOverall], i) => {
        const id = seedId(`survey/${d.def.code}/${year}/${group}/q${i + 1}`);
        rows.add(s.surveyQuestions, { id, districtId: d.id, surveyId, position: i + 1, kind, text, isOverall: isOverall ?? false });
        return { id, kind };
      });
      const lastDay = minLocalDate(closesOn, asOf);

      for (const sc of d.schools) {
        const key = `${d.def.code}/${sc.def.code}/${year}/${group}`;
        const r = rng(`survey/${key}`);
        const n = responseCount(d, sc, group, year, r);
        const days = Array.from({ length: n }, () => addDays(opensOn, r.int(0, diffDays(opensOn, lastDay)))).sort();
        const share = satisfiedShare(sc.def.profile, group);
        days.forEach((day, i) => {
          const responseId = seedId(`response/${key}/${i}`);
          const satisfied = r.chance(share);
          rows.add(s.surveyResponses, {
            id: responseId,
            districtId: d.id,
            surveyId,
            schoolId: sc.id,
            submittedOn: day,
            freeText: r.chance(0.25) ? r.pick(FREE_TEXT[group]) : null,
          });
          questions.forEach((q, qi) => {
            if (q.kind !== 'likert') return;
            const value = qi === 0 ? likert(r, satisfied) : likert(r, r.chance(satisfied ? 0.92 : 0.35));
            rows.add(s.surveyAnswers, { districtId: d.id, responseId, questionId: q.id, value });
          });
        });

        if (year < 2025) continue; // 2024 was a paper survey: no codes were issued.
        const batchId = seedId(`batch/${key}`);
        const size = Math.max(BATCH_SIZE[group], n);
        rows.add(s.surveyCodeBatches, {
          id: batchId,
          districtId: d.id,
          surveyId,
          schoolId: sc.id,
          count: size,
          createdBy: sc.coordinatorId,
          createdAt: at(`${year}-10-28`, 15),
        });
        // Codes are never linked to responses: the used ones only carry a shuffled day.
        const usedDays = r.sample(days, days.length);
        for (let i = 0; i < size; i++) {
          let code = makeCode(r);
          while (usedCodes.has(code)) code = makeCode(r);
          usedCodes.add(code);
          rows.add(s.surveyCodes, { code, districtId: d.id, surveyId, schoolId: sc.id, batchId, usedOn: usedDays[i] ?? null });
        }
      }
    }
  }
}

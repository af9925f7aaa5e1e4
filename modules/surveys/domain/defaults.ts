// §7 default survey set-up: the questions a new teacher or parent survey starts from, and its
// suggested title and dates. The admin edits them before the survey opens.
import { addDays, maxLocalDate } from '@/core/domain/dates';
import type { LocalDate, SurveyGroup } from '@/core/domain/types';

export interface QuestionDraft {
  kind: 'likert' | 'text';
  text: string;
  isOverall: boolean;
}

/** The first Likert question is the overall question 满意率 is computed from (§4). */
export const DEFAULT_QUESTIONS: Record<SurveyGroup, readonly QuestionDraft[]> = {
  teachers: [
    { kind: 'likert', isOverall: true, text: '您对学校校务公开工作的总体满意程度' },
    { kind: 'likert', isOverall: false, text: '学校公开的内容真实、完整' },
    { kind: 'likert', isOverall: false, text: '学校能够按规定时限及时公开各类事项' },
    { kind: 'likert', isOverall: false, text: '您提出的意见建议能够得到答复和处理' },
    { kind: 'likert', isOverall: false, text: '教代会（教职工大会）能够切实发挥民主管理、民主监督作用' },
    { kind: 'text', isOverall: false, text: '您对学校校务公开工作还有哪些意见和建议？' },
  ],
  parents: [
    { kind: 'likert', isOverall: true, text: '您对学校校务公开工作的总体满意程度' },
    { kind: 'likert', isOverall: false, text: '学校公开的内容真实、完整' },
    { kind: 'likert', isOverall: false, text: '学校能够按规定时限及时公开各类事项' },
    { kind: 'likert', isOverall: false, text: '您向学校反映的意见能够得到答复' },
    { kind: 'likert', isOverall: false, text: '学校收费项目和食堂伙食费账目公开清楚' },
    { kind: 'likert', isOverall: false, text: '学校评优评先和招生工作公平公正' },
    { kind: 'text', isOverall: false, text: '您对学校校务公开工作还有哪些意见和建议？' },
  ],
};

const GROUP_TITLE: Record<SurveyGroup, string> = { teachers: '教师卷', parents: '家长卷' };

export function defaultTitle(year: number, group: SurveyGroup): string {
  return `${year}年度校务公开满意度调查（${GROUP_TITLE[group]}）`;
}

/**
 * Suggested dates: 1 November – 15 December of the year (as the district did in past years),
 * but never opening before tomorrow, so there is time to edit the questions.
 */
export function defaultDates(year: number, today: LocalDate): { opensOn: LocalDate; closesOn: LocalDate } {
  const opensOn = maxLocalDate(`${year}-11-01`, addDays(today, 1));
  const closesOn = maxLocalDate(`${year}-12-15`, addDays(opensOn, 30));
  return { opensOn, closesOn };
}

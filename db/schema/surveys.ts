// §7 Satisfaction surveys: single-use codes, anonymous responses (no personal data, day-only dates).
import { boolean, date, index, integer, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SurveyGroup } from '@/core/domain/types';
import { createdAt, districtId, id } from './columns';
import { districts, schools, users } from './tenancy';

export const surveys = pgTable(
  'surveys',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    year: integer('year').notNull(),
    group: text('group').$type<SurveyGroup>().notNull(),
    title: text('title').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('surveys_district_year_group').on(t.districtId, t.year, t.group)],
);

export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    position: integer('position').notNull(),
    kind: text('kind').$type<'likert' | 'text'>().notNull(),
    text: text('text').notNull(),
    /** The overall-satisfaction question that 满意率 is computed from (§4). */
    isOverall: boolean('is_overall').notNull().default(false),
  },
  (t) => [uniqueIndex('survey_questions_position').on(t.surveyId, t.position)],
);

export const surveyCodeBatches = pgTable('survey_code_batches', {
  id: id(),
  districtId: districtId().references(() => districts.id),
  surveyId: uuid('survey_id')
    .notNull()
    .references(() => surveys.id),
  schoolId: uuid('school_id')
    .notNull()
    .references(() => schools.id),
  count: integer('count').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});

/** A single-use code. It is never linked to the response it was used for. */
export const surveyCodes = pgTable(
  'survey_codes',
  {
    code: text('code').primaryKey(),
    districtId: districtId().references(() => districts.id),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => surveyCodeBatches.id),
    usedOn: date('used_on', { mode: 'string' }),
  },
  (t) => [index('survey_codes_batch').on(t.batchId), index('survey_codes_school').on(t.surveyId, t.schoolId)],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** Day only — nothing finer is stored (§7). */
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    freeText: text('free_text'),
  },
  (t) => [index('survey_responses_school').on(t.districtId, t.surveyId, t.schoolId)],
);

export const surveyAnswers = pgTable(
  'survey_answers',
  {
    districtId: districtId().references(() => districts.id),
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id),
    questionId: uuid('question_id')
      .notNull()
      .references(() => surveyQuestions.id),
    value: smallint('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.questionId] }),
    // Satisfaction figures read the answers to the overall question of a survey (ranking-facts.ts);
    // few distinct values, so the btree is deduplicated and small (≈ 75 MB for 10.9 M answers).
    index('survey_answers_question').on(t.questionId),
  ],
);

export type Survey = typeof surveys.$inferSelect;
export type SurveyQuestion = typeof surveyQuestions.$inferSelect;

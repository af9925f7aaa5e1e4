// A respondent's answer (DESIGN §7): every Likert question answered 1–5, one optional free text.
// Field names: `q_<questionId>` and `freeText`.
import { z } from 'zod';
import { fieldErrors } from '@/core/forms/field-errors';
import type { FieldErrors } from '@/core/forms/state';

export const FREE_TEXT_MAX = 1000;
export const LIKERT_VALUES = ['1', '2', '3', '4', '5'] as const;

export const answerField = (questionId: string) => `q_${questionId}`;

export interface ParsedAnswer {
  /** Likert answers by question id. */
  answers: Record<string, number>;
  /** Trimmed free text, or null when left empty. */
  freeText: string | null;
}

// Control characters other than tab and newline are dropped from free text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function parseAnswer(likertIds: readonly string[], values: Record<string, string>): { ok: true; data: ParsedAnswer } | { ok: false; fieldErrors: FieldErrors } {
  const shape: Record<string, z.ZodType> = {
    freeText: z
      .string()
      .optional()
      .transform((v) => (v ?? '').replace(CONTROL, '').replace(/\r\n?/g, '\n').trim())
      .pipe(z.string().max(FREE_TEXT_MAX, { error: 'tooLong' })),
  };
  for (const id of likertIds) shape[answerField(id)] = z.enum(LIKERT_VALUES, { error: 'surveyErrors.chooseOne' });
  const parsed = z.object(shape).safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const data = parsed.data as Record<string, string>;
  const answers: Record<string, number> = {};
  for (const id of likertIds) answers[id] = Number(data[answerField(id)]);
  return { ok: true, data: { answers, freeText: data.freeText ? data.freeText : null } };
}

/** Why a code cannot be answered (each gets its own clear message). */
export type CodeRefusal = 'unknown' | 'used' | 'notOpen' | 'closed';

export type SurveyAnswerState =
  | { status: 'idle' }
  | { status: 'saved' }
  | { status: 'invalid'; fieldErrors: FieldErrors; values: Record<string, string> }
  | { status: 'refused'; reason: CodeRefusal; date?: string }
  | { status: 'rateLimited'; values: Record<string, string> }
  | { status: 'error'; values: Record<string, string> };

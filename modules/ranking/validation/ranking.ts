// Inputs of the 先进单位 ranking and its 公示 workflow (DESIGN §6): query parameters of the page,
// the API and the export, and the forms (FormData: every value is a string).
import { z } from 'zod';
import { SCHOOL_TYPES } from '@/core/domain/types';
import { numberField, textField } from '@/core/forms/zod-fields';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export const yearSchema = numberField({ min: MIN_YEAR, max: MAX_YEAR, int: true });

/** `?year=` → a year, or null when absent or invalid (the caller decides the default or a 400). */
export function parseYear(v: string | string[] | null | undefined): number | null {
  if (v === undefined || v === null || Array.isArray(v)) return null;
  const r = yearSchema.safeParse(v);
  return r.success ? r.data : null;
}

export const RANKING_SORTS = ['rank', 'composite', 'coverage', 'timeliness', 'score', 'satisfaction', 'code'] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** The ranking page's filters; anything unknown falls back to "all" / the default order. */
export const rankingQuerySchema = z.object({
  group: z.preprocess(one, z.enum(SCHOOL_TYPES).optional().catch(undefined)),
  zone: z.preprocess(one, z.string().uuid().optional().catch(undefined)),
  sort: z.preprocess(one, z.enum(RANKING_SORTS).catch('rank')).default('rank'),
  view: z.preprocess(one, z.enum(['published', 'live']).catch('published')).default('published'),
});
export type RankingQuery = z.infer<typeof rankingQuerySchema>;

const uuid = z.string().uuid({ error: 'invalid' });

export const publishSchema = z.object({ year: yearSchema });
export const approveSchema = z.object({ snapshotId: uuid });
export const reopenSchema = z.object({ snapshotId: uuid, reason: textField({ max: 500 }) });
export const answerSchema = z.object({ objectionId: uuid, answer: textField({ max: 2000 }) });

/** A public objection: the text (required) and an optional way to reach the objector. */
export const objectionSchema = z.object({
  text: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).min(5, { error: 'minLength:5' }).max(2000, { error: 'tooLong' }),
  contact: z
    .string()
    .trim()
    .max(200, { error: 'tooLong' })
    .optional()
    .transform((v) => (v ? v : null)),
});
export type ObjectionInput = z.infer<typeof objectionSchema>;

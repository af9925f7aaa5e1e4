// Inputs of the evaluator's review actions (DESIGN §4, §5): reject a disclosure, comment on an
// item, score the five rubric dimensions, return / approve / reopen, challenge a statement.
// Shared by the forms and the server actions; FormData values are strings.
import { z } from 'zod';
import { numberField, textField } from '@/core/forms/zod-fields';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const idField = () => z.string({ error: 'invalid' }).regex(UUID, { error: 'invalid' });

export const rejectDisclosureSchema = z.object({
  disclosureId: idField(),
  reason: textField({ max: 500 }),
});

export const withdrawRejectionSchema = z.object({ rejectionId: idField() });

export const itemCommentSchema = z.object({
  reportId: idField(),
  itemCode: z.string().trim().min(1, { error: 'required' }).max(20, { error: 'tooLong' }),
  periodKey: z
    .string()
    .trim()
    .max(64, { error: 'tooLong' })
    .optional()
    .transform((v) => (v ? v : null)),
  comment: textField({ max: 1000 }),
});

/** §4: five dimensions, whole points 0–20 each (the table stores smallint). */
const dimension = () => numberField({ min: 0, max: 20, int: true });
export const scoreSchema = z.object({
  reportId: idField(),
  attention: dimension(),
  content: dimension(),
  form: dimension(),
  procedure: dimension(),
  rules: dimension(),
  comment: z.string().trim().max(2000, { error: 'tooLong' }).optional().default(''),
});
export type ScoreInput = z.infer<typeof scoreSchema>;
/** §5: return and reopen need a reason; approve does not (checked again by checkTransition). */
export const transitionSchema = z
  .object({
    reportId: idField(),
    action: z.enum(['return', 'approve', 'reopen'], { error: 'invalid' }),
    reason: z.string().trim().max(1000, { error: 'tooLong' }).optional().default(''),
    version: numberField({ min: 1, max: 1_000_000, int: true }),
  })
  .refine((v) => v.action === 'approve' || v.reason.length > 0, { path: ['reason'], error: 'required' });
export type TransitionInput = z.infer<typeof transitionSchema>;

export const challengeSchema = z.object({
  statementId: idField(),
  note: textField({ max: 1000 }),
});

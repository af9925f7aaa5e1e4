// Inputs for findings (整改, DESIGN §5): raise one against a school, close or reopen it.
import { z } from 'zod';
import { parseLocalDate } from '@/core/domain/dates';
import { FINDING_SEVERITIES } from '@/core/domain/types';
import { idField } from './review';
import { textField } from '@/core/forms/zod-fields';

export const raiseFindingSchema = z.object({
  schoolId: idField(),
  severity: z.enum(FINDING_SEVERITIES, { error: 'required' }),
  itemCode: z
    .string()
    .trim()
    .max(20, { error: 'tooLong' })
    .optional()
    .transform((v) => (v ? v : null)),
  dueOn: z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .refine((v) => parseLocalDate(v) !== null, { error: 'invalid' }),
  title: textField({ max: 200 }),
  description: z.string().trim().max(4000, { error: 'tooLong' }).optional().default(''),
});
export type RaiseFindingInput = z.infer<typeof raiseFindingSchema>;

export const findingStatusSchema = z
  .object({
    findingId: idField(),
    action: z.enum(['close', 'reopen'], { error: 'invalid' }),
    note: z.string().trim().max(1000, { error: 'tooLong' }).optional().default(''),
  })
  // Reopening after a rectification needs a reason the school can act on.
  .refine((v) => v.action === 'close' || v.note.length > 0, { path: ['note'], error: 'required' });
export type FindingStatusInput = z.infer<typeof findingStatusSchema>;

/** 整改不到位 (§5, issue 14): why the answer falls short, and the new due date for the next one. */
export const returnRectificationSchema = z.object({
  findingId: idField(),
  reason: textField({ max: 1000 }),
  dueOn: z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .refine((v) => parseLocalDate(v) !== null, { error: 'invalid' }),
});
export type ReturnRectificationInput = z.infer<typeof returnRectificationSchema>;

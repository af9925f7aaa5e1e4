// Declared events and "no such matter this quarter" statements (DESIGN §3), shared by forms and actions.
import { z } from 'zod';
import { parseLocalDate } from '@/core/domain/dates';

const text = (v: unknown) => (typeof v === 'string' ? v : '');
export const ITEM_CODE_RE = /^[A-Z][A-Z0-9]{1,15}$/;
export const EVENT_TITLE_MAX = 200;
export const NO_MATTER_REASON_MAX = 500;

const itemCode = z.preprocess(text, z.string().trim().regex(ITEM_CODE_RE, { error: 'coordValidation.itemRequired' }));

export const declareEventSchema = z.object({
  itemCode,
  eventDate: z.preprocess(
    text,
    z
      .string()
      .trim()
      .min(1, { error: 'validation.required' })
      .refine((s) => parseLocalDate(s) !== null, { error: 'coordValidation.date.invalidDate' }),
  ),
  title: z.preprocess(text, z.string().trim().min(1, { error: 'validation.required' }).max(EVENT_TITLE_MAX, { error: 'validation.tooLong' })),
});
export type DeclareEventInput = z.infer<typeof declareEventSchema>;

const intIn = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v),
    z.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(min, { error: 'validation.invalid' }).max(max, { error: 'validation.invalid' }),
  );

export const noMatterSchema = z.object({
  itemCode,
  year: intIn(2000, 2100),
  quarter: intIn(1, 4),
  reason: z.preprocess(text, z.string().trim().min(1, { error: 'validation.required' }).max(NO_MATTER_REASON_MAX, { error: 'validation.tooLong' })),
});
export type NoMatterInput = z.infer<typeof noMatterSchema>;

export const idSchema = z.preprocess(text, z.uuid({ error: 'validation.invalid' }));

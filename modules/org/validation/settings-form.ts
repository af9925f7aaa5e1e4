// Holidays (DESIGN §6: the 公示 period counts working days, skipping the district's holidays) and
// the year chosen on the settings screens.
import { z } from 'zod';
import { parseLocalDate } from '@/core/domain/dates';
import { yearField } from '@/core/forms/zod-fields';

/** The year in a search parameter, or `fallback` when absent or nonsense. */
export function yearFrom(raw: string | string[] | undefined, fallback: number): number {
  const r = yearField.safeParse(Array.isArray(raw) ? raw[0] : raw);
  return r.success ? r.data : fallback;
}

export const holidaySchema = z.object({
  day: z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .refine((v) => parseLocalDate(v) !== null, { error: 'adminForm.badDate' }),
  name: z.string().trim().max(50, { error: 'tooLong' }).default(''),
});
export type HolidayInput = z.infer<typeof holidaySchema>;

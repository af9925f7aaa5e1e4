import { z } from 'zod';
import { numberField } from '@/core/forms/zod-fields';

const weight = () => numberField({ min: 0, max: 1 });

/** §3, §4, §6, §7 district settings for one year. */
export const settingsSchema = z
  .object({
    year: numberField({ min: 2000, max: 2100, int: true }),
    reportDueDays: numberField({ min: 1, max: 90, int: true }),
    closeDays: numberField({ min: 1, max: 180, int: true }),
    weightCoverage: weight(),
    weightTimeliness: weight(),
    weightScore: weight(),
    weightSatisfaction: weight(),
    quotaPercent: numberField({ min: 1, max: 100 }),
    minComposite: numberField({ min: 0, max: 100 }),
    minResponses: numberField({ min: 1, max: 1000, int: true }),
    noticeWorkingDays: numberField({ min: 1, max: 30, int: true }),
  })
  .refine((v) => Math.abs(v.weightCoverage + v.weightTimeliness + v.weightScore + v.weightSatisfaction - 1) < 1e-9, {
    path: ['weightCoverage'],
    error: 'weightsSum',
  })
  .refine((v) => v.closeDays >= v.reportDueDays, { path: ['closeDays'], error: 'closeAfterDue' });

export type SettingsInput = z.infer<typeof settingsSchema>;

/** Where the public lodges objections to a 公示 besides the online form (issue 14): office, telephone, address. */
export const noticeContactSchema = z.object({
  noticeContact: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(300, { error: 'tooLong' }),
});
export type NoticeContactInput = z.infer<typeof noticeContactSchema>;

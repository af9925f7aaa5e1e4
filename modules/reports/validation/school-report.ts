// Submitting a quarterly report (DESIGN §5), shared by the review form and the action.
import { z } from 'zod';

const intIn = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v),
    z.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(min, { error: 'validation.invalid' }).max(max, { error: 'validation.invalid' }),
  );

export const submitReportSchema = z.object({
  year: intIn(2000, 2100),
  quarter: intIn(1, 4),
  /** The report version the coordinator reviewed; 0 when no report row existed yet. */
  version: intIn(0, 1_000_000),
  /** Set when the coordinator confirmed submitting with mandatory obligations unmet. */
  confirmGaps: z.preprocess((v) => v === 'on' || v === 'true' || v === 'yes', z.boolean()),
});
export type SubmitReportInput = z.infer<typeof submitReportSchema>;

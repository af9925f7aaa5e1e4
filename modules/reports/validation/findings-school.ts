// A school's rectification response to a finding (DESIGN §5), shared by the form and the action.
import { z } from 'zod';

export const RESPONSE_MAX = 4000;
const text = (v: unknown) => (typeof v === 'string' ? v : '');

export const rectificationSchema = z.object({
  findingId: z.preprocess(text, z.uuid({ error: 'validation.invalid' })),
  /** Chosen when the form opened, so evidence can be uploaded before the response is sent. */
  rectificationId: z.preprocess(text, z.uuid({ error: 'validation.invalid' })),
  response: z.preprocess(text, z.string().trim().min(1, { error: 'validation.required' }).max(RESPONSE_MAX, { error: 'validation.tooLong' })),
});
export type RectificationInput = z.infer<typeof rectificationSchema>;

// Platform admin forms (issue 7, DESIGN §1): a district with its first admin, and templates.
import { z } from 'zod';
import { USERNAME_RE } from './org';
import { textField } from '@/core/forms/zod-fields';

/** District codes prefix usernames (`<district>.<name>`) and appear in public URLs. */
export const DISTRICT_CODE_RE = /^[a-z][a-z0-9-]{1,31}$/;

export const createDistrictSchema = z.object({
  code: z.string({ error: 'required' }).trim().toLowerCase().min(1, { error: 'required' }).regex(DISTRICT_CODE_RE, { error: 'adminForm.codeFormat' }),
  name: textField({ max: 50 }),
  issuingBody: textField({ max: 100 }),
  adminUsername: z.string({ error: 'required' }).trim().toLowerCase().min(1, { error: 'required' }).regex(USERNAME_RE, { error: 'adminForm.usernameFormat' }),
  adminDisplayName: textField({ max: 50 }),
});
export type CreateDistrictInput = z.infer<typeof createDistrictSchema>;

// Platform checklist templates (DESIGN §2): a template's code and name.
import { z } from 'zod';
import { textField } from '@/core/forms/zod-fields';

/** Template codes: lower case, digits and . _ - (they name the exported file). */
export const TEMPLATE_CODE_RE = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export const templateSchema = z.object({
  code: z.string({ error: 'required' }).trim().toLowerCase().min(1, { error: 'required' }).regex(TEMPLATE_CODE_RE, { error: 'adminForm.codeFormat' }),
  name: textField({ max: 100 }),
});
export type TemplateInput = z.infer<typeof templateSchema>;

import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '@/core/auth/password';

export const changePasswordSchema = z
  .object({
    current: z.string({ error: 'required' }).min(1, { error: 'required' }).max(200, { error: 'tooLong' }),
    next: z
      .string({ error: 'required' })
      .min(MIN_PASSWORD_LENGTH, { error: `minLength:${MIN_PASSWORD_LENGTH}` })
      .max(200, { error: 'tooLong' }),
    confirm: z.string({ error: 'required' }),
  })
  .refine((v) => v.next === v.confirm, { path: ['confirm'], error: 'mismatch' });

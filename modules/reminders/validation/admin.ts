// zod schemas of the reminders forms (issue 16), shared by form and server. FormData values are
// strings; a ticked checkbox is "on"; secrets are write-only (empty = keep the saved one).
import { z } from 'zod';
import { numberField, textField } from '@/core/forms/zod-fields';

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const optionalText = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(max, { error: 'tooLong' }));

export const httpUrl = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(1000, { error: 'tooLong' })
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
    } catch {
      return false;
    }
  }, 'url');

// A deliberately plain check: one @, something before it, a dot in the domain, no spaces.
export const emailField = z
  .string()
  .trim()
  .max(254, { error: 'tooLong' })
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: 'email' });

export const scheduleSchema = z.object({
  enabled: checkbox,
  dailyHour: numberField({ min: 7, max: 21, int: true }),
  skipWeekends: checkbox,
  skipHolidays: checkbox,
  dueSoonDays: numberField({ min: 0, max: 60, int: true }),
  reviewWaitDays: numberField({ min: 1, max: 90, int: true }),
  findingDueSoonDays: numberField({ min: 0, max: 60, int: true }),
  leaderWeekly: checkbox,
});

export const smtpSchema = z.object({
  host: z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(253, { error: 'tooLong' })
    .regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:]+\]$/, { error: 'invalid' }),
  port: numberField({ min: 1, max: 65535, int: true }),
  tls: z.enum(['none', 'starttls', 'tls'], { error: 'invalid' }),
  user: optionalText(200),
  password: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(500, { error: 'tooLong' })),
  clearPassword: checkbox,
  from: emailField,
});
export type SmtpInput = z.infer<typeof smtpSchema>;

export const webhookSchema = z.object({
  url: httpUrl,
  secret: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(500, { error: 'tooLong' })),
  clearSecret: checkbox,
});
export type WebhookInput = z.infer<typeof webhookSchema>;

export const robotSchema = z.object({
  kind: z.enum(['wecom', 'dingtalk'], { error: 'invalid' }),
  name: textField({ max: 60 }),
  zoneId: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), z.string().uuid({ error: 'invalid' }).nullable()),
  url: httpUrl,
  secret: z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null), z.string().max(200, { error: 'tooLong' }).nullable()),
});
export type RobotInput = z.infer<typeof robotSchema>;

export const testEmailSchema = z.object({ to: emailField });
export const idSchema = (name: string) => z.object({ [name]: z.string().trim().min(1, { error: 'required' }).max(64, { error: 'invalid' }) });

export const preferencesSchema = z.object({
  email: z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null), emailField.nullable()),
  phone: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null),
    z
      .string()
      .regex(/^\+?[0-9 -]{5,20}$/, { error: 'invalid' })
      .nullable(),
  ),
  byEmail: checkbox,
  byRobot: checkbox,
  byWebhook: checkbox,
});

/** 催办: the schools ticked (a repeated `schoolId` field). */
export const urgeSchema = z.object({ schoolIds: z.array(z.string().trim().max(64)).min(1, { error: 'required' }).max(500, { error: 'invalid' }) });

import { describe, expect, it } from 'vitest';
import { preferencesSchema, robotSchema, scheduleSchema, smtpSchema, urgeSchema, webhookSchema } from './admin';
import { fieldErrors } from '@/core/forms/field-errors';

const errors = (r: { success: boolean; error?: unknown }) => (r.success ? {} : fieldErrors(r.error as never));

describe('reminders forms', () => {
  it('the daily hour lies outside the quiet hours (7–21); checkboxes are "on" or absent', () => {
    const base = { dailyHour: '8', dueSoonDays: '7', reviewWaitDays: '5', findingDueSoonDays: '3', enabled: 'on' };
    expect(scheduleSchema.parse(base)).toMatchObject({ enabled: true, skipWeekends: false, dailyHour: 8 });
    expect(errors(scheduleSchema.safeParse({ ...base, dailyHour: '22' }))).toEqual({ dailyHour: { key: 'validation.max', values: { max: 21 } } });
    expect(errors(scheduleSchema.safeParse({ ...base, dailyHour: '6' }))).toEqual({ dailyHour: { key: 'validation.min', values: { min: 7 } } });
    expect(errors(scheduleSchema.safeParse({ ...base, dailyHour: '' }))).toEqual({ dailyHour: { key: 'validation.required' } });
  });

  it('SMTP: host, port, TLS mode and a sender address; an empty password keeps the saved one', () => {
    const ok = smtpSchema.parse({ host: 'smtp.exmail.qq.com', port: '465', tls: 'tls', user: ' u ', password: '', from: 'noreply@jyj.gov.cn' });
    expect(ok).toMatchObject({ port: 465, user: 'u', password: '', clearPassword: false });
    expect(errors(smtpSchema.safeParse({ host: 'smtp .x', port: '0', tls: 'ssl', from: 'nope' }))).toEqual({
      host: { key: 'validation.invalid' },
      port: { key: 'validation.min', values: { min: 1 } },
      tls: { key: 'validation.invalid' },
      from: { key: 'validation.email' },
    });
  });

  it('robot and webhook addresses are http(s) URLs; a zone is a uuid or the whole district', () => {
    expect(robotSchema.parse({ kind: 'dingtalk', name: '督导群', zoneId: '', url: 'https://oapi.dingtalk.com/robot/send?access_token=x', secret: ' SECabc ' })).toMatchObject({
      zoneId: null,
      secret: 'SECabc',
    });
    expect(errors(robotSchema.safeParse({ kind: 'slack', name: '', zoneId: 'x', url: 'javascript:alert(1)' }))).toEqual({
      kind: { key: 'validation.invalid' },
      name: { key: 'validation.required' },
      zoneId: { key: 'validation.invalid' },
      url: { key: 'validation.url' },
    });
    expect(errors(webhookSchema.safeParse({ url: 'ftp://sms.example.cn' }))).toEqual({ url: { key: 'validation.url' } });
  });

  it('preferences: an optional e-mail address and phone number', () => {
    expect(preferencesSchema.parse({ email: '', phone: '', byEmail: 'on' })).toEqual({ email: null, phone: null, byEmail: true, byRobot: false, byWebhook: false });
    expect(errors(preferencesSchema.safeParse({ email: 'a@b', phone: 'call me' }))).toEqual({ email: { key: 'validation.email' }, phone: { key: 'validation.invalid' } });
  });

  it('催办 needs at least one school', () => {
    expect(errors(urgeSchema.safeParse({ schoolIds: [] }))).toEqual({ schoolIds: { key: 'validation.required' } });
  });
});

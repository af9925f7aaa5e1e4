import { describe, expect, it } from 'vitest';
import { disclosureSchema, disclosureWarnings, toDisclosureValues, type DisclosureRules } from './disclosures';
import { fieldErrors } from '@/core/forms/field-errors';
import { readForm } from '@/core/forms/read';

// M03 of October 2026 (window 2026-10-01…31, deadline 11-10, Q4 closes 2027-02-14), today 2026-11-23.
const monthly: DisclosureRules = {
  year: 2026,
  quarter: 4,
  windowStart: '2026-10-01',
  deadline: '2026-11-10',
  eventDate: null,
  timingBefore: false,
  procurement: false,
  closeDays: 45,
  today: '2026-11-23',
};
const good = { disclosedOn: '2026-11-05', channels: ['noticeBoard', 'website'], audience: 'external', summary: '公开10月伙食费收支清单', plannedOn: '', procurementAmount: '', procurementMethod: '' };

function errors(rules: DisclosureRules, input: Record<string, unknown>) {
  const r = disclosureSchema(rules).safeParse(input);
  return r.success ? {} : fieldErrors(r.error);
}

describe('disclosureSchema', () => {
  it('accepts a complete disclosure from FormData strings', () => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(good)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
    const r = disclosureSchema(monthly).safeParse(readForm(fd, ['channels']).fields);
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ ...good, summary: '公开10月伙食费收支清单', plannedOn: null, procurementAmount: null, procurementMethod: null });
  });

  it('reports every missing field at once, with translatable keys', () => {
    expect(errors(monthly, {})).toEqual({
      disclosedOn: { key: 'validation.required' },
      channels: { key: 'coordValidation.channelsRequired' },
      audience: { key: 'validation.required' },
      summary: { key: 'validation.required' },
    });
  });

  it('§3: refuses dates before the window, in the future, or after the close date, with the bound', () => {
    expect(errors(monthly, { ...good, disclosedOn: '2026-09-30' }).disclosedOn).toEqual({ key: 'coordValidation.date.beforeWindow', values: { date: '2026-10-01' } });
    expect(errors(monthly, { ...good, disclosedOn: '2026-11-24' }).disclosedOn).toEqual({ key: 'coordValidation.date.inFuture', values: { date: '2026-11-23' } });
    expect(errors(monthly, { ...good, disclosedOn: '2026-02-30' }).disclosedOn).toEqual({ key: 'coordValidation.date.invalidDate', values: { date: '' } });
    const q3 = { ...monthly, quarter: 3 as const, windowStart: '2026-09-01', deadline: '2026-10-10' };
    expect(errors(q3, { ...good, disclosedOn: '2026-11-15' }).disclosedOn).toEqual({ key: 'coordValidation.date.afterClose', values: { date: '2026-11-14' } });
  });

  it('names the event date when an event item is disclosed before its event', () => {
    const ev = { ...monthly, windowStart: '2026-11-12', eventDate: '2026-11-12', deadline: '2026-11-22' };
    expect(errors(ev, { ...good, disclosedOn: '2026-11-11' }).disclosedOn).toEqual({ key: 'coordValidation.date.beforeEvent', values: { date: '2026-11-12' } });
  });

  it('refuses unknown channels and audiences, and overlong summaries', () => {
    const e = errors(monthly, { ...good, channels: ['noticeBoard', 'telepathy'], audience: 'everyone', summary: 'x'.repeat(2001) });
    expect(e.channels).toEqual({ key: 'validation.invalid' });
    expect(e.audience).toEqual({ key: 'validation.required' });
    expect(e.summary).toEqual({ key: 'validation.tooLong' });
  });

  it('§2 timing before: asks for the planned date', () => {
    const before = { ...monthly, windowStart: null, eventDate: '2026-12-10', deadline: '2026-12-15', timingBefore: true };
    expect(errors(before, good).plannedOn).toEqual({ key: 'coordValidation.plannedRequired' });
    expect(disclosureSchema(before).safeParse({ ...good, plannedOn: '2026-12-10' }).data?.plannedOn).toBe('2026-12-10');
  });

  it('§2 B02: amount and method are required; the amount is a money figure', () => {
    const b02 = { ...monthly, procurement: true };
    expect(errors(b02, good)).toEqual({ procurementAmount: { key: 'coordValidation.amountRequired' }, procurementMethod: { key: 'coordValidation.methodRequired' } });
    expect(errors(b02, { ...good, procurementAmount: '-5', procurementMethod: '询价' }).procurementAmount).toEqual({ key: 'coordValidation.amountFormat' });
    expect(errors(b02, { ...good, procurementAmount: '12.345', procurementMethod: '询价' }).procurementAmount).toEqual({ key: 'coordValidation.amountFormat' });
    const ok = disclosureSchema(b02).safeParse({ ...good, procurementAmount: '4800', procurementMethod: '询价' });
    expect(ok.data).toMatchObject({ procurementAmount: 4800, procurementMethod: '询价' });
  });

  it('drops procurement fields for other items and duplicate channels', () => {
    const r = disclosureSchema(monthly).safeParse({ ...good, channels: ['website', 'website'], procurementAmount: '99', procurementMethod: '询价' });
    expect(r.data).toMatchObject({ channels: ['website'], procurementAmount: null, procurementMethod: null });
  });
});

describe('disclosureWarnings', () => {
  const none = { plannedOn: '', procurementAmount: '', procurementMethod: '' };
  it('warns that a disclosure after the deadline will count as late', () => {
    expect(disclosureWarnings(monthly, { ...none, disclosedOn: '2026-11-11' })).toEqual(['late']);
    expect(disclosureWarnings(monthly, { ...none, disclosedOn: '2026-11-10' })).toEqual([]);
  });
  it('§2 timing before: warns when the disclosure is not earlier than the planned date', () => {
    const before = { ...monthly, windowStart: null, eventDate: '2026-12-10', deadline: '2026-12-15', timingBefore: true };
    expect(disclosureWarnings(before, { ...none, disclosedOn: '2026-11-20', plannedOn: '2026-11-20' })).toEqual(['notBefore']);
    expect(disclosureWarnings(before, { ...none, disclosedOn: '2026-11-19', plannedOn: '2026-11-20' })).toEqual([]);
    expect(disclosureWarnings(before, { ...none, disclosedOn: '2026-12-10' })).toEqual(['notBefore']);
  });
  it('§2 B02: flags 3000元 or more by a method other than 集体采购/公开招标', () => {
    const b02 = { ...monthly, procurement: true };
    const at = (amount: string, method: string) => disclosureWarnings(b02, { ...none, disclosedOn: '2026-11-01', procurementAmount: amount, procurementMethod: method });
    expect(at('4800', '询价')).toEqual(['procurementFlagged']);
    expect(at('3000', '单一来源')).toEqual(['procurementFlagged']);
    expect(at('2999.99', '询价')).toEqual([]);
    expect(at('50000', '公开招标')).toEqual([]);
    expect(at('50000', '集体采购')).toEqual([]);
  });
});

describe('toDisclosureValues', () => {
  it('keeps known string fields only', () => {
    expect(toDisclosureValues({ summary: 's', channels: ['a', 3], evil: 'x', audience: 7 })).toEqual({
      disclosedOn: '',
      channels: ['a'],
      audience: '',
      summary: 's',
      plannedOn: '',
      procurementAmount: '',
      procurementMethod: '',
    });
  });
});

// The disclosure form's rules, shared by the browser (instant feedback) and the server action
// (authoritative): DESIGN §2 (channels, audience, B02 procurement rule), §3 (disclosure dates).
import { z } from 'zod';
import { parseLocalDate } from '@/core/domain/dates';
import { validateDisclosureDate } from '@/modules/obligations/domain/obligations';
import { closeDate } from '@/core/domain/periods';
import { AUDIENCES, CHANNELS, type LocalDate, type Quarter } from '@/core/domain/types';
import { isProcurementFlagged } from '@/modules/checklist/domain/procurement';

export const SUMMARY_MAX = 2000;
export const MAX_PROCUREMENT_AMOUNT = 1_000_000_000;

/** §2: procurement methods offered (stored in Chinese, the words the rule is written in); `key` names the label. */
export const PROCUREMENT_METHODS = [
  { value: '集体采购', key: 'collective' },
  { value: '公开招标', key: 'publicTender' },
  { value: '邀请招标', key: 'invitedTender' },
  { value: '竞争性谈判', key: 'negotiation' },
  { value: '竞争性磋商', key: 'consultation' },
  { value: '询价', key: 'inquiry' },
  { value: '单一来源', key: 'singleSource' },
  { value: '其他', key: 'other' },
] as const;
const METHOD_VALUES = PROCUREMENT_METHODS.map((m) => m.value) as [string, ...string[]];

/** What the rules of one obligation depend on (from the database on the server, from props in the browser). */
export interface DisclosureRules {
  year: number;
  quarter: Quarter;
  /** Obligation window start; null for `timing: before` items (no lower bound, §3). */
  windowStart: LocalDate | null;
  deadline: LocalDate;
  eventDate: LocalDate | null;
  timingBefore: boolean;
  procurement: boolean;
  closeDays: number;
  today: LocalDate;
}

/** The form's values as typed (all strings; channels repeated). A type, so it is a plain record. */
export type DisclosureValues = {
  disclosedOn: string;
  channels: string[];
  audience: string;
  summary: string;
  plannedOn: string;
  procurementAmount: string;
  procurementMethod: string;
};

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const required = 'validation.required';

function dateField(rules: DisclosureRules) {
  return z.preprocess(
    text,
    z
      .string()
      .trim()
      .min(1, { error: required })
      .superRefine((d, ctx) => {
        const issue = validateDisclosureDate(rules, d, { closeDays: rules.closeDays, today: rules.today });
        if (!issue) return;
        const date = issue === 'beforeWindow' ? rules.windowStart : issue === 'afterClose' ? closeDate(rules, rules.closeDays) : issue === 'inFuture' ? rules.today : '';
        const key = issue === 'beforeWindow' && rules.eventDate ? 'beforeEvent' : issue;
        ctx.addIssue({ code: 'custom', message: `coordValidation.date.${key}`, params: { date: date ?? '' } });
      }),
  );
}

function plannedField(rules: DisclosureRules) {
  const base = z.string().trim();
  if (!rules.timingBefore)
    return z.preprocess(
      text,
      base.transform((s) => (parseLocalDate(s) ? s : null)),
    );
  return z.preprocess(
    text,
    base.min(1, { error: 'coordValidation.plannedRequired' }).refine((s) => parseLocalDate(s) !== null, { error: 'coordValidation.date.invalidDate' }),
  );
}

function amountField(rules: DisclosureRules) {
  if (!rules.procurement)
    return z.preprocess(
      text,
      z.string().transform(() => null),
    );
  return z.preprocess(
    text,
    z
      .string()
      .trim()
      .min(1, { error: 'coordValidation.amountRequired' })
      .refine((s) => /^\d+(\.\d{1,2})?$/.test(s), { error: 'coordValidation.amountFormat' })
      .transform(Number)
      .refine((n) => n <= MAX_PROCUREMENT_AMOUNT, { error: 'coordValidation.amountFormat' }),
  );
}

function methodField(rules: DisclosureRules) {
  if (!rules.procurement)
    return z.preprocess(
      text,
      z.string().transform(() => null),
    );
  return z.preprocess(text, z.enum(METHOD_VALUES, { error: 'coordValidation.methodRequired' }));
}

/** One schema per obligation; every field is checked on its own, so all errors show at once. */
export function disclosureSchema(rules: DisclosureRules) {
  return z.object({
    disclosedOn: dateField(rules),
    channels: z.preprocess(
      (v) => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []),
      z
        .array(z.enum(CHANNELS, { error: 'validation.invalid' }))
        .min(1, { error: 'coordValidation.channelsRequired' })
        .transform((c) => [...new Set(c)]),
    ),
    audience: z.preprocess(text, z.enum(AUDIENCES, { error: required })),
    summary: z.preprocess(text, z.string().trim().min(1, { error: required }).max(SUMMARY_MAX, { error: 'validation.tooLong' })),
    plannedOn: plannedField(rules),
    procurementAmount: amountField(rules),
    procurementMethod: methodField(rules),
  });
}

export type DisclosureWarning = 'notBefore' | 'late' | 'procurementFlagged';

/**
 * Non-blocking notices, computed from whatever is typed so far: a 事前 item disclosed on or after
 * the planned date (§3: late and 事前公开未落实), a disclosure after the deadline (late, §3 — for a
 * 事前 item the event date minus the notice period), and the §2 procurement rule (saved, but
 * flagged for the evaluator).
 */
export function disclosureWarnings(rules: DisclosureRules, v: Pick<DisclosureValues, 'disclosedOn' | 'plannedOn' | 'procurementAmount' | 'procurementMethod'>): DisclosureWarning[] {
  const out: DisclosureWarning[] = [];
  const on = parseLocalDate(v.disclosedOn.trim());
  if (on && rules.timingBefore) {
    const planned = parseLocalDate(v.plannedOn.trim()) ?? rules.eventDate;
    if (planned && on >= planned) out.push('notBefore');
    else if (on > rules.deadline) out.push('late');
  } else if (on && on > rules.deadline) out.push('late');
  const amount = /^\d+(\.\d{1,2})?$/.test(v.procurementAmount.trim()) ? Number(v.procurementAmount) : null;
  if (rules.procurement && isProcurementFlagged(amount, v.procurementMethod.trim() || null)) out.push('procurementFlagged');
  return out;
}

/** Coerces untrusted draft or FormData content into form values (unknown keys dropped). */
export function toDisclosureValues(raw: Record<string, unknown>): DisclosureValues {
  const s = (k: keyof DisclosureValues) => (typeof raw[k] === 'string' ? (raw[k] as string).slice(0, SUMMARY_MAX + 100) : '');
  const ch = raw.channels;
  return {
    disclosedOn: s('disclosedOn'),
    channels: Array.isArray(ch) ? ch.filter((c): c is string => typeof c === 'string').slice(0, 16) : [],
    audience: s('audience'),
    summary: s('summary'),
    plannedOn: s('plannedOn'),
    procurementAmount: s('procurementAmount'),
    procurementMethod: s('procurementMethod'),
  };
}

// One checklist item (DESIGN §2: the seven elements plus audience, frequency, deadline rule,
// weight, mandatory, tags, timing), shared by the item form, the platform template form and the
// JSON/YAML checklist files. Accepts the English keys and the Chinese names people type.
import { z } from 'zod';
import { AUDIENCES, CHANNELS, FREQUENCIES, type Audience, type Channel, type Frequency } from '@/core/domain/types';
import { numberField } from '@/core/forms/zod-fields';

export const ITEM_CODE_RE = /^[A-Za-z][A-Za-z0-9_-]{0,15}$/;
const MONTH_DAY_RE = /^(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** §2 channel names as printed on the checklist, and short forms seen in district files. */
export const CHANNEL_ALIASES: Record<Channel, string[]> = {
  noticeBoard: ['校务公开栏', '公开栏'],
  website: ['校园网/公众号', '校园网', '公众号', '网站'],
  congress: ['教代会/教职工大会', '教代会', '教职工大会'],
  parents: ['家长会/家长群', '家长会', '家长群'],
  gateBoard: ['校门公示牌/电子屏', '公示牌', '电子屏'],
  letter: ['公开信/短信', '公开信', '短信'],
  meeting: ['会议通报', '会议'],
  other: ['其他', '其它'],
};
export const FREQUENCY_ALIASES: Record<Frequency, string[]> = {
  monthly: ['每月', '月度', '按月'],
  quarterly: ['每季度', '季度', '按季度'],
  semiannual: ['每半年', '半年', '每学期'],
  termStart: ['学期初', '开学初'],
  annual: ['每年', '年度', '按年'],
  event: ['事件', '按事件', '随时'],
};
export const AUDIENCE_ALIASES: Record<Audience, string[]> = {
  internal: ['校内'],
  external: ['校外'],
  both: ['校内外', '校内和校外', '校内、校外'],
};

function aliasLookup<K extends string>(keys: readonly K[], aliases: Record<K, string[]>): (raw: unknown) => unknown {
  const map = new Map<string, K>();
  for (const k of keys) {
    map.set(k.toLowerCase(), k);
    for (const a of aliases[k]) map.set(a.normalize('NFKC'), k);
  }
  return (raw) => (typeof raw === 'string' ? (map.get(raw.normalize('NFKC').trim().toLowerCase()) ?? map.get(raw.normalize('NFKC').trim()) ?? raw.trim()) : raw);
}

const toChannel = aliasLookup(CHANNELS, CHANNEL_ALIASES);

function listOf(raw: unknown, separators: RegExp): unknown {
  if (raw === undefined || raw === null || raw === '') return [];
  if (typeof raw === 'string')
    return raw
      .split(separators)
      .map((s) => s.trim())
      .filter(Boolean);
  return raw;
}

const boolField = (fallback: boolean) =>
  z.preprocess(
    (v) => {
      if (v === undefined || v === null || v === '') return fallback;
      if (typeof v === 'boolean') return v;
      const s = String(v).trim().toLowerCase();
      if (['true', 'on', '1', 'yes', 'y', '是'].includes(s)) return true;
      if (['false', 'off', '0', 'no', 'n', '否'].includes(s)) return false;
      return s;
    },
    z.boolean({ error: 'invalid' }),
  );

const nullable = (v: unknown) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v);
const longText = () => z.preprocess((v) => (v === undefined || v === null ? '' : typeof v === 'string' ? v.trim() : v), z.string({ error: 'invalid' }).max(2000, { error: 'tooLong' }));
const shortText = (max: number) => z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' });

export const itemShape = {
  code: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).regex(ITEM_CODE_RE, { error: 'adminForm.codeFormat' }),
  name: shortText(200),
  domain: shortText(50),
  basis: longText(),
  content: longText(),
  responsibleParty: z.preprocess((v) => v ?? '', z.string({ error: 'invalid' }).trim().max(200, { error: 'tooLong' })),
  channels: z.preprocess(
    (v) => {
      const list = listOf(v, /[,，;；、\n]/);
      return Array.isArray(list) ? [...new Set(list.map(toChannel))] : list;
    },
    z.array(z.enum(CHANNELS, { error: 'invalid' }), { error: 'invalid' }),
  ),
  timeLimit: longText(),
  audience: z.preprocess(aliasLookup(AUDIENCES, AUDIENCE_ALIASES), z.enum(AUDIENCES, { error: 'required' })),
  frequency: z.preprocess(aliasLookup(FREQUENCIES, FREQUENCY_ALIASES), z.enum(FREQUENCIES, { error: 'required' })),
  deadlineDays: z.preprocess(nullable, numberField({ min: 0, max: 365, int: true }).nullable()),
  // §3: the deadline days are working days (weekends and the district's holidays skipped).
  workingDays: boolField(false),
  annualDueDate: z.preprocess(
    nullable,
    z
      .string({ error: 'adminForm.badMonthDay' })
      .trim()
      .refine(
        (v) => {
          const m = MONTH_DAY_RE.exec(v);
          if (!m) return false;
          const month = Number(m[1]);
          const day = Number(m[2]);
          return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
        },
        { error: 'adminForm.badMonthDay' },
      )
      .nullable(),
  ),
  weight: numberField({ min: 0, max: 100 }),
  mandatory: boolField(true),
  tags: z.preprocess(
    (v) => {
      const list = listOf(v, /[,，;；、\s]+/);
      return Array.isArray(list) ? [...new Set(list)] : list;
    },
    z.array(z.string().trim().min(1).max(30, { error: 'tooLong' }), { error: 'invalid' }).max(20, { error: 'invalid' }),
  ),
  timing: z.preprocess(
    (v) => {
      const n = nullable(v);
      if (n === null || n === 'none') return null;
      return n === '事前' || n === '事前公开' ? 'before' : n;
    },
    z.literal('before', { error: 'invalid' }).nullable(),
  ),
  sortOrder: z.preprocess((v) => (v === undefined || v === null || v === '' ? 0 : v), numberField({ min: 0, max: 9999, int: true })),
};

/**
 * Cross-field rules: §3 `timing: before` only means something for event items; the annual date
 * only for annual ones; working days only where days are counted (not for an annual set date).
 */
function coherent(v: { frequency: Frequency; timing: 'before' | null; annualDueDate: string | null; workingDays: boolean }, ctx: z.RefinementCtx): void {
  if (v.workingDays && v.frequency === 'annual') ctx.addIssue({ code: 'custom', path: ['workingDays'], message: 'adminForm.workingDaysNeedsDays' });
  if (v.timing === 'before' && v.frequency !== 'event') ctx.addIssue({ code: 'custom', path: ['timing'], message: 'adminForm.timingNeedsEvent' });
  if (v.annualDueDate !== null && v.frequency !== 'annual') ctx.addIssue({ code: 'custom', path: ['annualDueDate'], message: 'adminForm.dueDateNeedsAnnual' });
}

/** The item form (district checklist and platform template). */
export const itemSchema = z.object(itemShape).superRefine(coherent);
export type ItemInput = z.infer<typeof itemSchema>;

/** An item of a checklist file; `retired` items are kept (never deleted) but not in force. */
export const fileItemSchema = z.object({ ...itemShape, retired: boolField(false) }).superRefine(coherent);
export type FileItem = z.infer<typeof fileItemSchema>;

export const ITEM_FIELDS = Object.keys(itemShape) as (keyof typeof itemShape)[];

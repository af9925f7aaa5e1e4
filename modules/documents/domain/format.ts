// How figures are written in the generated documents (issue 17). Percentages have two decimals,
// rounded once from the exact value (§4: "rounded once ... at the precision shown"), exactly as the
// read API and the XLSX exports give them, so a document can be checked against them figure by figure.
import { DATA_DIGITS, shownText } from '@/core/domain/rounding';
import { parsePeriodKey } from '@/core/domain/periods';
import type { Channel, LocalDate, SchoolType } from '@/core/domain/types';

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 23 → 二十三 (section numbers and quarters; up to 99). */
export function cnNumber(n: number): string {
  if (n <= 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${CN_DIGITS[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/** A percentage with its two decimals, or 无数据 when there is nothing to measure. */
export function pct(v: number | null | undefined): string {
  const s = shownText(v, DATA_DIGITS);
  return s === null ? '无数据' : `${s}%`;
}

/** A score or composite with two decimals. */
export function num2(v: number | null | undefined): string {
  return shownText(v, DATA_DIGITS) ?? '无数据';
}

/** An amount of money in 元 with two decimals and thousands separators: 123,456.00. */
export function yuan(v: number): string {
  const [int, dec] = v.toFixed(2).split('.');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

/** 2026-11-23 → 2026年11月23日. */
export function cnDate(d: LocalDate): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/** 2026-11-23 → 11月23日 (dates within the document's year). */
export function cnMonthDay(d: LocalDate): string {
  const [, m, day] = d.split('-').map(Number);
  return `${m}月${day}日`;
}

export function quarterName(q: number): string {
  return `第${cnNumber(q)}季度`;
}

/** A period key (§3) in words: 2025-03 → 2025年3月, 2025-H1 → 2025年上半年; an event's own title. */
export function periodWords(periodKey: string, eventTitle?: string | null): string {
  const p = parsePeriodKey(periodKey);
  if (!p) return eventTitle ? `“${eventTitle}”` : '专项事项';
  switch (p.kind) {
    case 'month':
      return `${p.year}年${p.index}月`;
    case 'quarter':
      return `${p.year}年${quarterName(p.index!)}`;
    case 'half':
      return `${p.year}年${p.index === 1 ? '上' : '下'}半年`;
    case 'term':
      return `${p.year}年${p.index === 1 ? '春季' : '秋季'}学期初`;
    case 'year':
      return `${p.year}年度`;
  }
}

export const SCHOOL_TYPE_WORDS: Record<SchoolType, string> = { primary: '小学', junior: '初中', nineYear: '九年一贯制学校', senior: '高中（完中）' };

/** §2 channels as the bureaus name them. */
export const CHANNEL_WORDS: Record<Channel, string> = {
  noticeBoard: '校务公开栏',
  website: '校园网/公众号',
  congress: '教代会/教职工大会',
  parents: '家长会/家长群',
  gateBoard: '校门公示牌/电子屏',
  letter: '公开信/短信',
  meeting: '会议通报',
  other: '其他方式',
};

/** Words joined with 、 (a Chinese enumeration). */
export function enumerate(words: readonly string[]): string {
  return words.join('、');
}

/** Cut a summary to `max` characters at a sentence end where possible, with … when cut. */
export function excerpt(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t.replace(/[。；;，,]$/, '');
  const cut = t.slice(0, max);
  const stop = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'), cut.lastIndexOf('，'));
  return `${(stop > max / 2 ? cut.slice(0, stop) : cut).replace(/[。；;，,]$/, '')}……`;
}

/** 一、总体情况 */
export function sectionHeading(i: number, text: string): string {
  return `${cnNumber(i)}、${text}`;
}

export const SEVERITY_WORDS = { minor: '一般', serious: '较重', veto: '一票否决' } as const;
export const FINDING_STATUS_WORDS = { open: '待整改', responded: '已提交整改报告，待复核', closed: '已整改销号' } as const;
export const RANKING_STATE_WORDS = { draft: '评选草稿，尚未公示', notice: '公示中', final: '评选结果已确定' } as const;

/** §6 ineligibility reasons as the documents word them. */
export const REASON_WORDS = {
  reportsNotApproved: '季度报告未全部审核通过',
  congressNotMet: '未按规定召开教代会（教职工大会）',
  vetoUnresolved: '一票否决问题未整改到位',
  noValidSatisfaction: '满意度测评无有效结果',
} as const;

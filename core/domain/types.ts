// Plain data shapes shared by the pure domain core (DESIGN.md §2–§6).
// No I/O, no framework imports: everything here is serialisable data.

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export type LocalDate = string;

export type Quarter = 1 | 2 | 3 | 4;

export interface QuarterRef {
  year: number;
  quarter: Quarter;
}

export const FREQUENCIES = ['monthly', 'quarterly', 'semiannual', 'termStart', 'annual', 'event'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const AUDIENCES = ['internal', 'external', 'both'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const SCHOOL_TYPES = ['primary', 'junior', 'nineYear', 'senior'] as const;
/** 小学, 初中, 九年一贯制, 高中/完中 */
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const CHANNELS = [
  'noticeBoard', // 校务公开栏
  'website', // 校园网/公众号
  'congress', // 教代会/教职工大会
  'parents', // 家长会/家长群
  'gateBoard', // 校门公示牌/电子屏
  'letter', // 公开信/短信
  'meeting', // 会议通报
  'other', // 其他
] as const;
export type Channel = (typeof CHANNELS)[number];

/** One item of a district's checklist version (§2), as the domain core needs it. */
export interface ChecklistItem {
  id: string;
  code: string;
  name: string;
  domain: string;
  frequency: Frequency;
  /**
   * Days after the window end (monthly/quarterly/semiannual/termStart) or after the event date
   * (event) by which the disclosure is due. Null = the frequency's default (§3 table):
   * monthly/quarterly/semiannual 10, termStart 0, event 7.
   */
  deadlineDays: number | null;
  /**
   * §3: `deadlineDays` counts working days (weekends and the district's holidays skipped) instead
   * of calendar days — e.g. P01, P05: 公示期不少于5个工作日.
   */
  workingDays: boolean;
  /** For annual items: `MM-DD` of the due date; null = `12-31` (§3). */
  annualDueDate: string | null;
  weight: number;
  mandatory: boolean;
  tags: string[]; // e.g. 'congress'
  /**
   * `before` = 事前公开 (§3): the days are a notice period that must have run before the matter
   * (the event date), so the deadline is the event date minus those days.
   */
  timing: 'before' | null;
  audience: Audience;
}

/** A school's declared event for an `event` item (§3). */
export interface DeclaredEvent {
  id: string;
  itemId: string;
  eventDate: LocalDate;
  title: string;
}

/** One obligation (§3): item × window × deadline × quarter it belongs to. */
export interface Obligation {
  itemId: string;
  itemCode: string;
  /** `2026-03`, `2026-Q1`, `2026-H1`, `2026-T1`, `2026`, or the declared event's id. */
  periodKey: string;
  year: number;
  quarter: Quarter;
  /** Earliest allowed disclosure date; null for `timing: before` event items (no lower bound). */
  windowStart: LocalDate | null;
  windowEnd: LocalDate;
  /**
   * Last day (inclusive) on which a disclosure is on time — the one deadline every screen, export
   * and API row shows. 事前公开: the event date minus the notice period (§3).
   */
  deadline: LocalDate;
  weight: number;
  mandatory: boolean;
  timingBefore: boolean;
  /** For event obligations. */
  eventId: string | null;
  eventDate: LocalDate | null;
}

/** A disclosure as the metric functions see it. */
export interface DisclosureFact {
  id: string;
  itemId: string;
  periodKey: string;
  disclosedOn: LocalDate;
  rejected: boolean;
}

export type ObligationStatus =
  | 'metOnTime'
  | 'metLate'
  | 'missing' // deadline passed, nothing accepted
  | 'notYetDue' // deadline not passed yet, nothing accepted
  | 'rejected'; // only rejected disclosures exist (counts as not met)

export interface ObligationResult {
  obligation: Obligation;
  status: ObligationStatus;
  met: boolean;
  onTime: boolean;
  /** Earliest accepted disclosure date, if any. */
  firstDisclosedOn: LocalDate | null;
  /**
   * §4: the deadline is before today, so the obligation counts in the rates; false = 未到期, shown
   * apart (a period in progress counts only what is already due).
   */
  due: boolean;
  /** §3 事前公开未落实: a `timing: before` obligation first disclosed on or after its event date. */
  notBefore: boolean;
}

/**
 * Weighted sums behind coverage and timeliness; roll-ups add these (never average percentages).
 * §4: only obligations already due (deadline before today) are counted; the others are
 * `notYetDue` (未到期), shown apart.
 */
export interface CoverageTally {
  /** Obligations already due (counted in the rates). */
  obligations: number;
  /** Obligations not yet due (未到期): in no rate. */
  notYetDue: number;
  met: number;
  onTime: number;
  weightTotal: number;
  weightMet: number;
  weightOnTime: number;
}

export interface DistrictSettings {
  reportDueDays: number; // default 15
  closeDays: number; // default 45
  weights: { coverage: number; timeliness: number; score: number; satisfaction: number };
  quotaPercent: number; // default 15
  minComposite: number; // default 85
  minResponses: number; // default 10
  noticeWorkingDays: number; // default 5
  holidays: LocalDate[];
}

export const DEFAULT_SETTINGS: DistrictSettings = {
  reportDueDays: 15,
  closeDays: 45,
  weights: { coverage: 0.3, timeliness: 0.2, score: 0.3, satisfaction: 0.2 },
  quotaPercent: 15,
  minComposite: 85,
  minResponses: 10,
  noticeWorkingDays: 5,
  holidays: [],
};

export const REPORT_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** §4: 思想重视, 内容翔实, 形式规范, 程序严密, 制度健全 — 0–20 each. */
export const RUBRIC_DIMENSIONS = ['attention', 'content', 'form', 'procedure', 'rules'] as const;
export type RubricDimension = (typeof RUBRIC_DIMENSIONS)[number];
export type Rubric = Record<RubricDimension, number>;

export const FINDING_SEVERITIES = ['minor', 'serious', 'veto'] as const; // 一般 / 较重 / 一票否决
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const SURVEY_GROUPS = ['teachers', 'parents'] as const;
export type SurveyGroup = (typeof SURVEY_GROUPS)[number];

export const ROLES = ['platformAdmin', 'districtAdmin', 'evaluator', 'leader', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];

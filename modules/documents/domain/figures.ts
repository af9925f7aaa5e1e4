// The plain figures the documents are written from (issue 17). The data layer fills them from the
// same functions the screens use (school table, ranking in force, survey results, findings); the
// text assembly only words them. No I/O, no formulas of their own.
import type { Channel, FindingSeverity, LocalDate, Quarter, ReportState, SurveyGroup } from '@/core/domain/types';
import type { RankingState } from '@/modules/ranking/domain/notice';

/** One checklist item's obligations over the period (a school's year, or a school's quarter). */
export interface ItemFigures {
  code: string;
  name: string;
  domain: string;
  obligations: number;
  met: number;
  onTime: number;
  /** Met after the deadline. */
  late: number;
  /** Deadline passed, nothing accepted (also when only rejected disclosures exist). */
  missing: number;
  /** Deadline still ahead, nothing accepted yet. */
  notYetDue: number;
  /** §3 事前公开 item. */
  timingBefore: boolean;
  /** The checklist's 公开时限 in words (for a 事前公开 item: its notice period, e.g. 公示期不少于5个工作日). */
  timeLimit: string | null;
}

/** One accepted or rejected disclosure of the school, as recorded (summary, channels, procurement). */
export interface DisclosureLine {
  itemCode: string;
  periodKey: string;
  eventTitle: string | null;
  disclosedOn: LocalDate;
  summary: string;
  channels: Channel[];
  amount: number | null;
  method: string | null;
  /** §2: ≥ 3000元 by a method other than 集体采购/公开招标. */
  flagged: boolean;
  rejected: boolean;
}

/** An obligation that went wrong: not disclosed, disclosed late, or (事前公开) only on/after the event. */
export interface Shortfall {
  itemCode: string;
  itemName: string;
  periodKey: string;
  eventTitle: string | null;
  status: 'missing' | 'late' | 'rejected' | 'afterEvent';
  deadline: LocalDate;
  disclosedOn: LocalDate | null;
}

export interface QuarterLine {
  quarter: Quarter;
  /** The quarter has started (later quarters of a year in progress are left out). */
  obligations: number;
  coverage: number | null;
  timeliness: number | null;
  reportState: ReportState | 'none';
  /** true / false; null while not submitted and not yet due. */
  reportOnTime: boolean | null;
  score: number | null;
}

interface FindingLine {
  title: string;
  severity: FindingSeverity;
  status: 'open' | 'responded' | 'closed';
  dueOn: LocalDate;
  raisedOn: LocalDate;
  closedOn: LocalDate | null;
  rectifications: number;
}

export interface SurveyGroupFigures {
  group: SurveyGroup;
  /** Responses; null when under the anonymity floor (not even the count is shown, §7). */
  responses: number | null;
  rate: number | null;
  mean: number | null;
  /** At least minResponses (counts for the ranking). */
  valid: boolean;
}

export interface SurveyFigures {
  /** The survey of the group exists this year. */
  groups: SurveyGroupFigures[];
  combined: number | null;
  minResponses: number;
  anonymityFloor: number;
}

export interface RankFigures {
  state: RankingState;
  /**
   * The school's place is not stated: the ranking is still a draft and the reader is the school
   * itself (the bureau's draft is not the school's to quote before the 公示, DESIGN §6).
   */
  withheld: boolean;
  /** The ranking shown: a published snapshot (公示 / final) or the live draft. */
  source: 'snapshot' | 'live';
  groupType: string;
  groupSchools: number;
  groupEligible: number;
  rank: number | null;
  composite: number;
  eligible: boolean;
  /** Ineligibility reasons in words. */
  reasons: string[];
  inQuota: boolean;
  noticeEndsOn: LocalDate | null;
}

export interface SchoolSummaryFigures {
  districtName: string;
  school: { code: string; name: string; type: string; zone: string | null };
  year: number;
  asOf: LocalDate;
  /** The year is over (otherwise the figures are "so far"). */
  yearEnded: boolean;
  /** The year has a checklist at all. */
  hasChecklist: boolean;
  totals: {
    obligations: number;
    met: number;
    onTime: number;
    coverage: number | null;
    timeliness: number | null;
    /** §4 reports on time / 4 × 100. */
    reportOnTimeRate: number | null;
    reportsSubmitted: number;
    reportsExpected: number;
    evaluatorScore: number | null;
  };
  quarters: QuarterLine[];
  /** Items in checklist order. */
  items: ItemFigures[];
  disclosures: DisclosureLine[];
  shortfalls: Shortfall[];
  findings: FindingLine[];
  surveys: SurveyFigures | null;
  /** "No such matter" statements of the year, and how many an evaluator challenged. */
  noMatter: { statements: number; challenged: number };
  rank: RankFigures | null;
}

// ---- district documents ----------------------------------------------------------------------

/** §4 roll-up figures of a set of schools over some quarters (the dashboard's KPIs). */
export interface KpiFigures {
  coverage: number | null;
  timeliness: number | null;
  reportCompleteness: number | null;
  reportOnTime: number | null;
}

interface ZoneLine extends KpiFigures {
  name: string;
  schools: number;
}

export interface SchoolRef {
  code: string;
  name: string;
  zone: string | null;
}

export interface VetoLine {
  school: string;
  title: string;
  raisedOn: LocalDate;
  dueOn: LocalDate;
  status: 'open' | 'responded' | 'closed';
}

/** A school named in the 通报 for items it did not disclose, or disclosed late, in the quarter. */
export interface NamedSchool extends SchoolRef {
  missing: Shortfall[];
  late: Shortfall[];
}

interface DeadlineLine {
  deadline: LocalDate;
  itemCode: string;
  itemName: string;
  periodKey: string;
}

export interface DistrictQuarterFigures {
  districtName: string;
  year: number;
  quarter: Quarter;
  asOf: LocalDate;
  quarterEnded: boolean;
  hasChecklist: boolean;
  schools: number;
  district: KpiFigures & { obligations: number; met: number; onTime: number };
  zones: ZoneLine[];
  /** Each started quarter of the year, for the trend. */
  trend: (KpiFigures & { quarter: Quarter })[];
  reports: { expected: number; submitted: number; onTime: number; approved: number; due: LocalDate; notSubmitted: SchoolRef[] };
  findings: { opened: number; closed: number; open: number };
  vetoOpen: VetoLine[];
  /** Every obligation of the quarter met on time and the report submitted on time. */
  exemplary: SchoolRef[];
  named: NamedSchool[];
  next: { year: number; quarter: Quarter; reportDue: LocalDate; hasChecklist: boolean; deadlines: DeadlineLine[] };
}

interface RankedSchool extends SchoolRef {
  type: string;
  rank: number | null;
  composite: number;
}

export interface DistrictAnnualFigures {
  districtName: string;
  year: number;
  asOf: LocalDate;
  yearEnded: boolean;
  hasChecklist: boolean;
  schools: number;
  kpis: KpiFigures & { obligations: number; met: number; onTime: number; satisfaction: number | null; satisfactionSchools: number };
  zones: (ZoneLine & { satisfaction: number | null })[];
  comparison: {
    previousYear: number;
    /** Last year has obligations to compare with. */
    available: boolean;
    /** Item codes in both years' checklists. */
    shared: number;
    current: { coverage: number | null; timeliness: number | null; obligations: number };
    previous: { coverage: number | null; timeliness: number | null; obligations: number };
    added: { code: string; name: string }[];
    removed: { code: string; name: string }[];
  };
  surveys: { groups: { group: SurveyGroup; responses: number | null; rate: number | null; valid: boolean; schools: number; hidden: number }[]; combined: number | null } | null;
  ranking: {
    state: RankingState;
    source: 'snapshot' | 'live';
    noticeStartsOn: LocalDate | null;
    noticeEndsOn: LocalDate | null;
    groups: { type: string; schools: number; eligible: number; quota: number; awarded: RankedSchool[] }[];
  } | null;
  findings: { total: number; minor: number; serious: number; veto: number; closed: number; open: number };
  vetoOpen: VetoLine[];
  ineligible: (SchoolRef & { type: string; reasons: string[] })[];
}

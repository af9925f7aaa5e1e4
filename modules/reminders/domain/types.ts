// Plain facts and plans of the reminders feature (issue 16, DESIGN §8). No I/O: the data layer
// gathers facts, these types carry them, and the pure functions beside this file decide who gets
// what on a given day.
import type { LocalDate, Quarter, ReportState } from '@/core/domain/types';

export const MESSAGE_KINDS = ['coordinatorDigest', 'evaluatorDigest', 'leaderWeekly', 'reportReturned', 'disclosureRejected', 'findingRaised', 'statementChallenged', 'urge', 'test'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface ReminderSettings {
  enabled: boolean;
  /** Hour of the daily schedule, Asia/Shanghai, 7–21 (outside the quiet hours). */
  dailyHour: number;
  skipWeekends: boolean;
  skipHolidays: boolean;
  dueSoonDays: number;
  reviewWaitDays: number;
  findingDueSoonDays: number;
  leaderWeekly: boolean;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  enabled: true,
  dailyHour: 8,
  skipWeekends: true,
  skipHolidays: true,
  dueSoonDays: 7,
  reviewWaitDays: 5,
  findingDueSoonDays: 3,
  leaderWeekly: false,
};

/** One line of a message: a key of the `reminderText` namespace, its values, and a link. */
export interface PlannedLine {
  key: string;
  values: Record<string, string | number>;
  href: string | null;
}

export interface PlannedMessage {
  recipientId: string;
  kind: MessageKind;
  day: LocalDate;
  /** Unique: exactly once per recipient, kind and day (events: per event; 催办: per school). */
  dedupeKey: string;
  schoolId: string | null;
  titleKey: string;
  titleValues: Record<string, string | number>;
  lines: PlannedLine[];
  href: string | null;
}

export interface Recipient {
  userId: string;
  role: 'coordinator' | 'evaluator' | 'leader';
  /** Coordinators: their school. */
  schoolId: string | null;
  /** Zone evaluators: their zones; null = the whole district. */
  zoneIds: string[] | null;
}

/** An obligation of a school as the reminders see it (§3). */
export interface ObligationFact {
  itemCode: string;
  itemName: string;
  periodKey: string;
  deadline: LocalDate;
  met: boolean;
  /** Event obligations: the declared event. */
  eventTitle: string | null;
  eventDate: LocalDate | null;
}

export interface ReportFact {
  reportId: string | null;
  year: number;
  quarter: Quarter;
  state: ReportState | 'none';
  /** The day after the quarter ends (§3: when the report may be submitted). */
  opensOn: LocalDate;
  dueOn: LocalDate;
  /** Day of the last submission (for "waiting for review"). */
  lastSubmittedOn: LocalDate | null;
}

export interface FindingFact {
  findingId: string;
  title: string;
  dueOn: LocalDate;
  status: 'open' | 'responded' | 'closed';
}

export interface SchoolFacts {
  schoolId: string;
  code: string;
  name: string;
  zoneId: string | null;
  obligations: ObligationFact[];
  reports: ReportFact[];
  findings: FindingFact[];
}

/** District-wide figures for the leaders' weekly digest (never anything about a survey respondent). */
export interface WeeklyFacts {
  year: number;
  quarter: Quarter;
  coverage: number | null;
  timeliness: number | null;
  reportsExpected: number;
  reportsSubmitted: number;
  /** Counts of the last 7 days. */
  disclosuresRecorded: number;
  reportsSubmittedWeek: number;
  reportsApprovedWeek: number;
  findingsRaisedWeek: number;
  findingsClosedWeek: number;
}

export interface DistrictFacts {
  day: LocalDate;
  schools: SchoolFacts[];
  /** 公示 objections not answered yet. */
  openObjections: number;
  noticeYear: number | null;
  weekly: WeeklyFacts | null;
}

/** A change recorded in the audit log that someone must hear about. */
export interface EventFact {
  /** The audit entry's id: one message per event and recipient. */
  eventId: string;
  kind: 'reportReturned' | 'disclosureRejected' | 'findingRaised' | 'statementChallenged';
  day: LocalDate;
  schoolId: string;
  values: Record<string, string | number>;
  href: string;
}

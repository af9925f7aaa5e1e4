// Reminders and 催办 (issue 16, DESIGN §8): district settings and channels, each user's choice of
// channels, the messages (which are also the in-app inbox), one delivery record per message and
// external channel (the delivery log and dead-letter list), 催办 per school and day, and the
// record of which district's daily schedule ran on which day.
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, districtId, id, stampedAt, updatedAt } from './columns';
import { districts, schools, users, zones } from './tenancy';

export type SmtpTls = 'none' | 'starttls' | 'tls';
export type RobotKind = 'wecom' | 'dingtalk';
export type ExternalChannel = 'email' | 'wecom' | 'dingtalk' | 'webhook';
export type DeliveryStatus = 'pending' | 'sending' | 'retry' | 'sent' | 'dead';

/** One row per district; a missing row means the defaults. Secrets are AES-256-GCM ciphertexts. */
export const reminderSettings = pgTable('reminder_settings', {
  districtId: districtId()
    .primaryKey()
    .references(() => districts.id),
  enabled: boolean('enabled').notNull().default(true),
  /** Hour (Asia/Shanghai) at which the daily schedule runs; outside the quiet hours 22:00–07:00. */
  dailyHour: integer('daily_hour').notNull().default(8),
  skipWeekends: boolean('skip_weekends').notNull().default(true),
  skipHolidays: boolean('skip_holidays').notNull().default(true),
  /** Coordinators: obligations due within this many days (today included). */
  dueSoonDays: integer('due_soon_days').notNull().default(7),
  /** Evaluators: reports waiting for review longer than this many days. */
  reviewWaitDays: integer('review_wait_days').notNull().default(5),
  /** Coordinators: open findings due within this many days. */
  findingDueSoonDays: integer('finding_due_soon_days').notNull().default(3),
  /** Leaders: a weekly digest on Mondays (optional, off by default). */
  leaderWeekly: boolean('leader_weekly').notNull().default(false),
  smtpHost: text('smtp_host'),
  smtpPort: integer('smtp_port'),
  smtpTls: text('smtp_tls').$type<SmtpTls>().notNull().default('starttls'),
  smtpUser: text('smtp_user'),
  smtpPasswordEnc: text('smtp_password_enc'),
  smtpFrom: text('smtp_from'),
  webhookUrl: text('webhook_url'),
  webhookSecretEnc: text('webhook_secret_enc'),
  updatedAt: updatedAt(),
});

/** A WeCom or DingTalk group robot of the district (zone null) or of one zone. */
export const reminderRobots = pgTable(
  'reminder_robots',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    zoneId: uuid('zone_id').references(() => zones.id),
    kind: text('kind').$type<RobotKind>().notNull(),
    name: text('name').notNull(),
    /** The webhook URL carries the robot's access token: encrypted like the secrets. */
    urlEnc: text('url_enc').notNull(),
    /** What the admin sees of the URL afterwards (host and the token's last characters). */
    urlHint: text('url_hint').notNull(),
    /** DingTalk signed mode ("加签"): the SEC… secret. */
    secretEnc: text('secret_enc'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('reminder_robots_district').on(t.districtId, t.zoneId)],
);

/** Each user's choice of channels (the inbox always receives everything). */
export const reminderPreferences = pgTable('reminder_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  districtId: districtId().references(() => districts.id),
  email: text('email'),
  /** For the bureau's SMS gateway behind the generic webhook. */
  phone: text('phone'),
  byEmail: boolean('by_email').notNull().default(true),
  byRobot: boolean('by_robot').notNull().default(true),
  byWebhook: boolean('by_webhook').notNull().default(false),
  updatedAt: updatedAt(),
});

/** One line of a message: a message key of the `reminderText` namespace, its values and a link. */
export interface MessageLine {
  key: string;
  values: Record<string, string | number>;
  href: string | null;
}

/**
 * A message to one user: the in-app inbox entry, and what every external channel sends.
 * `dedupeKey` (unique) makes it exactly once per recipient, kind and day (events: per event).
 */
export const reminderMessages = pgTable(
  'reminder_messages',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    schoolId: uuid('school_id').references(() => schools.id),
    /** Title: a message key of `reminderText` with values. */
    titleKey: text('title_key').notNull(),
    titleValues: jsonb('title_values').$type<Record<string, string | number>>().notNull(),
    lines: jsonb('lines').$type<MessageLine[]>().notNull(),
    href: text('href'),
    /** 催办: the evaluator who sent it. */
    sentBy: uuid('sent_by').references(() => users.id),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('reminder_messages_dedupe').on(t.dedupeKey),
    index('reminder_messages_recipient').on(t.recipientId, t.createdAt),
    index('reminder_messages_district_day').on(t.districtId, t.day),
  ],
);

/** One external delivery of a message (the delivery log; status `dead` = the dead-letter list). */
export const reminderDeliveries = pgTable(
  'reminder_deliveries',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    messageId: uuid('message_id')
      .notNull()
      .references(() => reminderMessages.id),
    channel: text('channel').$type<ExternalChannel>().notNull(),
    /** Robot id, or null for the district's SMTP server / webhook. */
    robotId: uuid('robot_id').references(() => reminderRobots.id),
    /** Where it goes, as shown in the log (masked address, robot name). */
    target: text('target').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('reminder_deliveries_dedupe').on(t.dedupeKey),
    index('reminder_deliveries_status').on(t.districtId, t.status, t.nextAttemptAt),
    index('reminder_deliveries_message').on(t.messageId),
  ],
);

/** 催办: at most one per school and day (§8 reminders; issue 16). */
export const reminderUrges = pgTable(
  'reminder_urges',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    day: date('day', { mode: 'string' }).notNull(),
    sentBy: uuid('sent_by')
      .notNull()
      .references(() => users.id),
    /** The overdue items listed: item code, name, period key, deadline. */
    items: jsonb('items').$type<{ itemCode: string; itemName: string; periodKey: string; deadline: string }[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('reminder_urges_school_day').on(t.schoolId, t.day), index('reminder_urges_district').on(t.districtId, t.day)],
);

/** Which scheduled run (daily, weekly) of a district happened on which day: claimed once. */
export const reminderRuns = pgTable(
  'reminder_runs',
  {
    districtId: districtId().references(() => districts.id),
    kind: text('kind').$type<'daily' | 'weekly'>().notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    startedAt: stampedAt('started_at'),
    messages: integer('messages').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.kind, t.day] })],
);

export type ReminderSettingsRow = typeof reminderSettings.$inferSelect;
export type ReminderRobot = typeof reminderRobots.$inferSelect;
export type ReminderPreference = typeof reminderPreferences.$inferSelect;
export type ReminderMessage = typeof reminderMessages.$inferSelect;
export type ReminderDelivery = typeof reminderDeliveries.$inferSelect;
export type ReminderUrge = typeof reminderUrges.$inferSelect;

// §1 Tenancy and roles: district (tenant) → zones → schools; users with a role and a scope.
import { boolean, date, doublePrecision, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Role, SchoolType } from '@/core/domain/types';
import { createdAt, districtId, id, updatedAt } from './columns';

export const districts = pgTable('districts', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** Issuing body printed on 公示 notices, e.g. 东城区教育局 / 东城区教育工会. */
  issuingBody: text('issuing_body').notNull().default(''),
  /** Where the public lodges objections to a 公示 besides the online form: office, telephone, address. */
  noticeContact: text('notice_contact').notNull().default(''),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

export const zones = pgTable(
  'zones',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('zones_district_code').on(t.districtId, t.code)],
);

export const schools = pgTable(
  'schools',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    zoneId: uuid('zone_id').references(() => zones.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type').$type<SchoolType>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('schools_district_code').on(t.districtId, t.code), index('schools_district_zone').on(t.districtId, t.zoneId)],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Null only for platform admins. */
    districtId: uuid('district_id').references(() => districts.id),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<Role>().notNull(),
    /** Coordinators: exactly one school. */
    schoolId: uuid('school_id').references(() => schools.id),
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /**
     * Bumped by sign-out, a password change or reset and disabling: every session token carries
     * the version it was issued with, so all older ones end at once (core/auth/session-validity.ts).
     */
    sessionVersion: integer('session_version').notNull().default(0),
    locale: text('locale'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('users_district_role').on(t.districtId, t.role), index('users_school').on(t.schoolId)],
);

/** Evaluators limited to assigned zones; no rows = the whole district. */
export const userZones = pgTable(
  'user_zones',
  {
    districtId: districtId().references(() => districts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.zoneId] })],
);

/** Per district and year (§3, §4, §6, §7 settings). A missing row means the defaults. */
export const districtSettings = pgTable(
  'district_settings',
  {
    districtId: districtId().references(() => districts.id),
    year: integer('year').notNull(),
    reportDueDays: integer('report_due_days').notNull().default(15),
    closeDays: integer('close_days').notNull().default(45),
    weightCoverage: doublePrecision('weight_coverage').notNull().default(0.3),
    weightTimeliness: doublePrecision('weight_timeliness').notNull().default(0.2),
    weightScore: doublePrecision('weight_score').notNull().default(0.3),
    weightSatisfaction: doublePrecision('weight_satisfaction').notNull().default(0.2),
    quotaPercent: doublePrecision('quota_percent').notNull().default(15),
    minComposite: doublePrecision('min_composite').notNull().default(85),
    minResponses: integer('min_responses').notNull().default(10),
    noticeWorkingDays: integer('notice_working_days').notNull().default(5),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.year] })],
);

export const holidays = pgTable(
  'holidays',
  {
    districtId: districtId().references(() => districts.id),
    day: date('day', { mode: 'string' }).notNull(),
    name: text('name').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.day] })],
);

export type District = typeof districts.$inferSelect;
export type Zone = typeof zones.$inferSelect;
export type School = typeof schools.$inferSelect;
export type User = typeof users.$inferSelect;
export type DistrictSettingsRow = typeof districtSettings.$inferSelect;

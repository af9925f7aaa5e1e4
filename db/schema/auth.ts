// Sign-in support: throttling counters (shared by all app processes) and per-user API tokens.
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, districtId, id } from './columns';
import { districts, users } from './tenancy';

/**
 * Fixed-window counters for sign-in throttling and public endpoints, kept in the database so
 * that they survive restarts and hold across several app processes.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
    count: integer('count').notNull().default(0),
    blockedUntil: timestamp('blocked_until', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.key] })],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    districtId: districtId().references(() => districts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    /** SHA-256 of the token; the token itself is shown once. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('api_tokens_user').on(t.userId)],
);

export type ApiToken = typeof apiTokens.$inferSelect;

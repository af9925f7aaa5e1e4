// §8 Audit log: every change — who, when, what, before/after. Append-only (the app role may only insert and read).
import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '@/core/domain/types';
import { stampedAt } from './columns';
import { districts, users } from './tenancy';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Null for platform-level changes. */
    districtId: uuid('district_id').references(() => districts.id),
    actorId: uuid('actor_id').references(() => users.id),
    actorRole: text('actor_role').$type<Role | 'public' | 'system'>().notNull(),
    at: stampedAt('at'),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_district_at').on(t.districtId, t.at), index('audit_entity').on(t.entity, t.entityId)],
);

export type AuditEntry = typeof auditLog.$inferSelect;

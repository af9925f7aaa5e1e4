// Audit log viewer (DESIGN §8, issue 7): district admins read their district's entries, the
// platform admin the platform's own (district null). Filter by user, entity and dates; paginated.
import { and, count, desc, eq, gte, isNull, lte, type SQL } from 'drizzle-orm';
import { withDistrict, type Tx } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { endOfLocalDayInstant, startOfLocalDayInstant } from '@/core/domain/dates';
import type { AuditFilter } from '@/modules/audit/validation/filter';
import { inDistrict } from '@/core/context';
import { requireRole, type Scope } from '@/core/scope';
import { entityRefs, uuidsIn } from './labels';

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_LIMIT = 100_000;

export interface AuditRow {
  id: number;
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  actorName: string | null;
  actorRole: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** Runs `fn` over the caller's part of the log, with the tenant condition to put in every WHERE. */
function inAuditScope<T>(scope: Scope, fn: (tx: Tx, tenant: SQL) => Promise<T>): Promise<T> {
  if (scope.role === 'platformAdmin') {
    requireRole(scope, ['platformAdmin']);
    return withDistrict('*', (tx) => fn(tx, isNull(auditLog.districtId)));
  }
  return inDistrict(scope, ['districtAdmin'], (tx, s) => fn(tx, eq(auditLog.districtId, s.districtId)));
}

function conditions(tenant: SQL, f: AuditFilter): SQL {
  const conds: SQL[] = [tenant];
  if (f.actor === 'none') conds.push(isNull(auditLog.actorId));
  else if (f.actor) conds.push(eq(auditLog.actorId, f.actor));
  if (f.entity) conds.push(eq(auditLog.entity, f.entity));
  if (f.from) conds.push(gte(auditLog.at, startOfLocalDayInstant(f.from)));
  if (f.to) conds.push(lte(auditLog.at, endOfLocalDayInstant(f.to)));
  return and(...conds)!;
}

function rows(tx: Tx, where: SQL) {
  return tx
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorUsername: users.username,
      actorName: users.displayName,
      actorRole: auditLog.actorRole,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id));
}

export async function auditPage(scope: Scope, f: AuditFilter) {
  return inAuditScope(scope, async (tx, tenant) => {
    const where = conditions(tenant, f);
    const [[{ n }], page, actors, entities] = await Promise.all([
      tx.select({ n: count() }).from(auditLog).where(where),
      rows(tx, where)
        .limit(AUDIT_PAGE_SIZE)
        .offset((f.page - 1) * AUDIT_PAGE_SIZE),
      // Filter choices come from the caller's own entries only.
      tx.selectDistinct({ id: auditLog.actorId, username: users.username, name: users.displayName }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId)).where(tenant),
      tx.selectDistinct({ entity: auditLog.entity }).from(auditLog).where(tenant),
    ]);
    const ids = new Set<string>();
    for (const r of page) {
      ids.add(r.entityId);
      uuidsIn(r.before, ids);
      uuidsIn(r.after, ids);
    }
    return {
      rows: page as AuditRow[],
      /** Names of the records the page's entries name (issue 14: never a bare UUID). */
      refs: await entityRefs(tx, ids),
      total: Number(n),
      page: f.page,
      pageSize: AUDIT_PAGE_SIZE,
      actors: actors.filter((a): a is { id: string; username: string | null; name: string | null } => a.id !== null).sort((a, b) => (a.username ?? '').localeCompare(b.username ?? '')),
      entities: entities.map((e) => e.entity).sort(),
    };
  });
}

/** Every matching entry, newest first, up to AUDIT_EXPORT_LIMIT (for the CSV export). */
export async function auditExport(scope: Scope, f: AuditFilter): Promise<AuditRow[]> {
  return inAuditScope(scope, async (tx, tenant) => (await rows(tx, conditions(tenant, f)).limit(AUDIT_EXPORT_LIMIT)) as AuditRow[]);
}

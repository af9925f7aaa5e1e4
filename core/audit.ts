// §8 Audit log: append-only record of every change (who, when, what, before/after).
import type { Tx } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { Scope } from './scope';
import type { AuditAction, AuditEntity } from './audit-names';

export interface AuditInput {
  entity: AuditEntity;
  entityId: string;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
}

export async function audit(tx: Tx, scope: Scope | null, entry: AuditInput, districtId?: string | null): Promise<void> {
  await tx.insert(auditLog).values({
    districtId: districtId ?? scope?.districtId ?? null,
    actorId: scope?.userId ?? null,
    actorRole: scope?.role ?? 'public',
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

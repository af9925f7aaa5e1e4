// The in-app inbox (issue 16): every signed-in user's own messages — every message sent by any
// channel is here too. Only the recipient reads or marks them (another user's id is 404).
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { reminderMessages, users } from '@/db/schema';
import { inDistrict } from '@/core/context';
import { notFound } from '@/core/errors';
import { isUuid } from '@/core/auth/users';
import type { Scope } from '@/core/scope';
import { now } from '@/core/env';

const ANY_DISTRICT_ROLE = ['districtAdmin', 'evaluator', 'leader', 'coordinator'] as const;
const INBOX_PAGE_SIZE = 30;

/** Unread messages of the caller (0 for a platform admin, who has no district inbox). */
export async function unreadCount(scope: Scope): Promise<number> {
  if (!scope.districtId) return 0;
  return inDistrict(scope, ANY_DISTRICT_ROLE, async (tx, s) => {
    const [r] = await tx
      .select({ n: count() })
      .from(reminderMessages)
      .where(and(eq(reminderMessages.districtId, s.districtId), eq(reminderMessages.recipientId, s.userId), isNull(reminderMessages.readAt)));
    return Number(r?.n ?? 0);
  });
}

export async function inbox(scope: Scope, page = 1) {
  if (!scope.districtId) return { messages: [], unread: 0, total: 0, page: 1, pages: 1 };
  return inDistrict(scope, ANY_DISTRICT_ROLE, async (tx, s) => {
    const sender = alias(users, 'sender');
    const mine = and(eq(reminderMessages.districtId, s.districtId), eq(reminderMessages.recipientId, s.userId));
    const [[total], [unread]] = await Promise.all([
      tx.select({ n: count() }).from(reminderMessages).where(mine),
      tx
        .select({ n: count() })
        .from(reminderMessages)
        .where(and(mine, isNull(reminderMessages.readAt))),
    ]);
    const pages = Math.max(1, Math.ceil(Number(total?.n ?? 0) / INBOX_PAGE_SIZE));
    const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
    const rows = await tx
      .select({ m: reminderMessages, senderName: sender.displayName })
      .from(reminderMessages)
      .leftJoin(sender, eq(sender.id, reminderMessages.sentBy))
      .where(mine)
      .orderBy(desc(reminderMessages.createdAt), desc(reminderMessages.id))
      .limit(INBOX_PAGE_SIZE)
      .offset((p - 1) * INBOX_PAGE_SIZE);
    return { messages: rows.map((r) => ({ ...r.m, senderName: r.senderName })), unread: Number(unread?.n ?? 0), total: Number(total?.n ?? 0), page: p, pages };
  });
}

/** Marks one of the caller's own messages read. */
export async function markRead(scope: Scope, messageId: string): Promise<void> {
  await inDistrict(scope, ANY_DISTRICT_ROLE, async (tx, s) => {
    if (!isUuid(messageId)) notFound();
    const [row] = await tx
      .select({ id: reminderMessages.id, readAt: reminderMessages.readAt })
      .from(reminderMessages)
      .where(and(eq(reminderMessages.id, messageId), eq(reminderMessages.districtId, s.districtId), eq(reminderMessages.recipientId, s.userId)));
    if (!row) notFound();
    if (!row.readAt) await tx.update(reminderMessages).set({ readAt: now() }).where(eq(reminderMessages.id, row.id));
  });
}

export async function markAllRead(scope: Scope): Promise<number> {
  return inDistrict(scope, ANY_DISTRICT_ROLE, async (tx, s) => {
    const rows = await tx
      .update(reminderMessages)
      .set({ readAt: now() })
      .where(and(eq(reminderMessages.districtId, s.districtId), eq(reminderMessages.recipientId, s.userId), isNull(reminderMessages.readAt)))
      .returning({ id: reminderMessages.id });
    return rows.length;
  });
}

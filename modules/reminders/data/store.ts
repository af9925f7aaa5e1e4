// Storing messages and their deliveries (issue 16). Exactly once: a message's dedupe key is
// unique, and `INSERT … ON CONFLICT DO NOTHING RETURNING` decides which process stores it; only
// that process creates its deliveries (each with a unique key too). Two workers, a retry or a
// restart that plan the same message again store nothing more.
import type { Tx } from '@/db/client';
import { reminderDeliveries, reminderMessages } from '@/db/schema';
import { nextSendableInstant } from '../domain/calendar';
import { plannedDeliveries, type ChannelFacts } from '../domain/channels';
import type { PlannedMessage } from '../domain/types';
import type { RecipientInfo } from './facts';

export interface Stored {
  messageIds: string[];
  deliveryIds: string[];
}

export async function storeMessages(
  tx: Tx,
  districtId: string,
  planned: readonly PlannedMessage[],
  recipients: readonly RecipientInfo[],
  channels: ChannelFacts,
  now: Date,
  sentBy: string | null = null,
): Promise<Stored> {
  if (planned.length === 0) return { messageIds: [], deliveryIds: [] };
  const inserted = await tx
    .insert(reminderMessages)
    .values(
      planned.map((m) => ({
        districtId,
        recipientId: m.recipientId,
        kind: m.kind,
        day: m.day,
        dedupeKey: m.dedupeKey,
        schoolId: m.schoolId,
        titleKey: m.titleKey,
        titleValues: m.titleValues,
        lines: m.lines,
        href: m.href,
        sentBy,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: reminderMessages.dedupeKey })
    .returning({ id: reminderMessages.id, dedupeKey: reminderMessages.dedupeKey, recipientId: reminderMessages.recipientId, kind: reminderMessages.kind });
  if (inserted.length === 0) return { messageIds: [], deliveryIds: [] };
  const who = new Map(recipients.map((r) => [r.userId, r]));
  const sendAt = nextSendableInstant(now);
  const deliveries = inserted.flatMap((m) => {
    const r = who.get(m.recipientId);
    if (!r) return [];
    return plannedDeliveries({ dedupeKey: m.dedupeKey, kind: m.kind as PlannedMessage['kind'] }, r, r.prefs, channels).map((d) => ({
      districtId,
      messageId: m.id,
      channel: d.channel,
      robotId: d.robotId,
      target: d.target,
      dedupeKey: d.dedupeKey,
      nextAttemptAt: sendAt,
      createdAt: now,
      updatedAt: now,
    }));
  });
  const created = deliveries.length
    ? await tx.insert(reminderDeliveries).values(deliveries).onConflictDoNothing({ target: reminderDeliveries.dedupeKey }).returning({ id: reminderDeliveries.id })
    : [];
  return { messageIds: inserted.map((m) => m.id), deliveryIds: created.map((d) => d.id) };
}

// Event-triggered messages (issue 16): a report returned, a disclosure rejected, a finding raised,
// a "no such matter" statement challenged — each told to the school's coordinators once.
import type { EventFact, PlannedMessage, Recipient } from './types';

export function planEvent(event: EventFact, recipients: readonly Recipient[]): PlannedMessage[] {
  return recipients
    .filter((r) => r.role === 'coordinator' && r.schoolId === event.schoolId)
    .map((r) => ({
      recipientId: r.userId,
      kind: event.kind,
      day: event.day,
      dedupeKey: `${event.kind}:${event.eventId}:${r.userId}`,
      schoolId: event.schoolId,
      titleKey: event.kind,
      titleValues: event.values,
      lines: [{ key: `${event.kind}Line`, values: event.values, href: event.href }],
      href: event.href,
    }));
}

// Test-only builders shared by the domain tests (not exported from index.ts).
import type { ChecklistItem, DeclaredEvent, DisclosureFact, Obligation } from '@/core/domain/types';

export function item(over: Partial<ChecklistItem> & Pick<ChecklistItem, 'id' | 'frequency'>): ChecklistItem {
  return {
    code: over.id.toUpperCase(),
    name: over.id,
    domain: '综合',
    deadlineDays: null,
    workingDays: false,
    annualDueDate: null,
    weight: 1,
    mandatory: true,
    tags: [],
    timing: null,
    audience: 'both',
    ...over,
  };
}

export function event(id: string, itemId: string, eventDate: string): DeclaredEvent {
  return { id, itemId, eventDate, title: `event ${id}` };
}

export function obligation(over: Partial<Obligation> = {}): Obligation {
  return {
    itemId: 'm01',
    itemCode: 'M01',
    periodKey: '2026-03',
    year: 2026,
    quarter: 1,
    windowStart: '2026-03-01',
    windowEnd: '2026-03-31',
    deadline: '2026-04-10',
    weight: 1,
    mandatory: true,
    timingBefore: false,
    eventId: null,
    eventDate: null,
    ...over,
  };
}

let seq = 0;
export function disclosure(over: Partial<DisclosureFact> & Pick<DisclosureFact, 'disclosedOn'>): DisclosureFact {
  seq += 1;
  return { id: `d${seq}`, itemId: 'm01', periodKey: '2026-03', rejected: false, ...over };
}

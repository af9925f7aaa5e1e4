// The pure helpers behind a district-year's facts (DESIGN §2, §6): one item per code over the
// quarters' checklist versions, and a finding as the §6 gates see it.
import { localDateOf } from '@/core/domain/dates';
import type { ChecklistItem, ObligationResult } from '@/core/domain/types';
import type { FindingFact } from './eligibility';

/**
 * One item per code over the quarters' checklist versions (the first version's copy wins). A
 * later version's copy of an item has another id, so results are re-keyed to the first id of
 * their code: the congress gate matches H1 (Q2) and H2 (Q4) obligations by item id.
 */
export function unifyItems(versions: readonly (readonly ChecklistItem[])[]): { items: ChecklistItem[]; canonical: (r: ObligationResult) => ObligationResult } {
  const itemByCode = new Map<string, ChecklistItem>();
  for (const list of versions) for (const it of list) if (!itemByCode.has(it.code)) itemByCode.set(it.code, it);
  const canonical = (r: ObligationResult): ObligationResult => {
    const id = itemByCode.get(r.obligation.itemCode)?.id ?? r.obligation.itemId;
    return id === r.obligation.itemId ? r : { ...r, obligation: { ...r.obligation, itemId: id } };
  };
  return { items: [...itemByCode.values()], canonical };
}

/**
 * §6 counts findings filed under the year (findings.year); the core's veto gate looks at the date
 * raised, so a finding filed for the year but raised later (e.g. at the January review) is dated
 * on the year's last day.
 */
export function findingFact(year: number, f: { severity: FindingFact['severity']; status: string; raisedAt: Date }): FindingFact {
  const raised = localDateOf(f.raisedAt);
  const raisedOn = raised.startsWith(`${year}-`) ? raised : raised < `${year}-01-01` ? `${year}-01-01` : `${year}-12-31`;
  return { severity: f.severity, resolved: f.status === 'closed', raisedOn };
}

// DESIGN §2: a district's checklist of a year may have several versions (an edit after the
// freeze starts a new one, effective from a later quarter). The version in force for a quarter is
// the latest one effective from that quarter or earlier — the one rule every reader uses.
import type { Quarter } from '@/core/domain/types';

export interface VersionRef {
  version: number;
  effectiveFromQuarter: number;
}

export function versionInForce<V extends VersionRef>(versions: readonly V[], quarter: Quarter): V | null {
  let best: V | null = null;
  for (const v of versions) if (v.effectiveFromQuarter <= quarter && (!best || v.version > best.version)) best = v;
  return best;
}

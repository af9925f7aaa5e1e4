// Audit log viewer filters (issue 7): user, entity, date range, page — from search parameters.
// Bad values are dropped rather than refused: a filter link must never produce an error page.
import { parseLocalDate } from '@/core/domain/dates';
import type { LocalDate } from '@/core/domain/types';

export interface AuditFilter {
  /** A user id, or 'none' for entries without a signed-in actor (public, system). */
  actor?: string;
  entity?: string;
  from?: LocalDate;
  to?: LocalDate;
  page: number;
}

type Params = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export function auditFilterFrom(params: Params): AuditFilter {
  const actor = first(params.actor);
  const entity = first(params.entity);
  const from = first(params.from);
  const to = first(params.to);
  const page = Number(first(params.page) ?? 1);
  return {
    actor: actor && (actor === 'none' || /^[0-9a-f-]{36}$/i.test(actor)) ? actor : undefined,
    entity: entity && /^[a-z_]{1,40}$/i.test(entity) ? entity : undefined,
    from: from && parseLocalDate(from) ? from : undefined,
    to: to && parseLocalDate(to) ? to : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The same filter as search parameters (for pagination links and the CSV export). */
export function auditQuery(f: AuditFilter, page?: number): string {
  const p = new URLSearchParams();
  if (f.actor) p.set('actor', f.actor);
  if (f.entity) p.set('entity', f.entity);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (page && page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

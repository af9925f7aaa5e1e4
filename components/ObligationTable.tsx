import { getTranslations } from 'next-intl/server';
import type { ChecklistItem, LocalDate, ObligationResult } from '@/lib/domain/types';
import { addDays } from '@/lib/domain/dates';
import { StatusBadge } from './StatusBadge';

/** Obligations grouped by domain; overdue first, then those due within 7 days (issue 3). */
export async function ObligationTable({ results, items, today }: { results: ObligationResult[]; items: Map<string, ChecklistItem>; today: LocalDate }) {
  const t = await getTranslations();
  const soon = addDays(today, 7);
  const rank = (r: ObligationResult) =>
    r.status === 'missing' || r.status === 'rejected' ? 0 : r.status === 'notYetDue' && r.obligation.deadline <= soon ? 1 : r.status === 'notYetDue' ? 2 : 3;
  const groups = new Map<string, ObligationResult[]>();
  for (const r of results) {
    const domain = items.get(r.obligation.itemId)?.domain ?? '';
    groups.set(domain, [...(groups.get(domain) ?? []), r]);
  }
  if (results.length === 0) return <p className="muted">{t('common.noData')}</p>;
  return (
    <>
      {[...groups.entries()].map(([domain, rows]) => (
        <section key={domain} className="card">
          <h3>{domain}</h3>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('common.item')}</th>
                  <th>{t('common.period')}</th>
                  <th>{t('common.deadline')}</th>
                  <th>{t('common.state')}</th>
                  <th>{t('coordinator.firstDisclosed')}</th>
                </tr>
              </thead>
              <tbody>
                {[...rows]
                  .sort((a, b) => rank(a) - rank(b) || a.obligation.deadline.localeCompare(b.obligation.deadline))
                  .map((r) => {
                    const item = items.get(r.obligation.itemId);
                    const overdue = r.status === 'missing' || r.status === 'rejected';
                    const dueSoon = rank(r) === 1;
                    return (
                      <tr key={`${r.obligation.itemId}:${r.obligation.periodKey}`} className={overdue ? 'overdue-row' : undefined} data-item={r.obligation.itemCode}>
                        <td>
                          <strong>{r.obligation.itemCode}</strong> {item?.name}
                        </td>
                        <td>{r.obligation.eventDate ?? r.obligation.periodKey}</td>
                        <td>
                          {r.obligation.deadline}
                          {overdue && <span className="badge s-overdue"> {t('coordinator.overdue')}</span>}
                          {dueSoon && <span className="badge s-returned"> {t('coordinator.dueSoon')}</span>}
                        </td>
                        <td>
                          <StatusBadge status={r.status} />
                        </td>
                        <td>{r.firstDisclosedOn ?? '—'}</td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}

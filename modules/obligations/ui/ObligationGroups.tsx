import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/core/ui/StatusBadge';
import type { DisclosureBrief } from '@/modules/obligations/data/school-queries';
import type { QuarterView } from '@/modules/obligations/data/school-quarter';
import { obligationKey } from '@/modules/obligations/domain/obligations';
import { urgencyOf, type Urgency } from '@/modules/obligations/domain/urgency';
import { disclosureEntryBlock } from '@/modules/obligations/domain/entry-window';
import { periodText } from '@/core/ui/period-text';
import styles from '@/core/ui/school.module.css';
import { Icon } from '@/core/ui/Icon';

/** The quarter's obligations by domain, most urgent first, each with its disclosures (issue 3). */
export async function ObligationGroups({ view, events, only = null }: { view: QuarterView; events: Map<string, { title: string; eventDate: string }>; only?: Urgency | null }) {
  const t = await getTranslations();
  // A chosen filter (the counts above the list) keeps only its obligations, and their groups.
  const groups = only ? view.groups.map((g) => ({ ...g, results: g.results.filter((r) => urgencyOf(r, view.today) === only) })).filter((g) => g.results.length > 0) : view.groups;
  return (
    <>
      {only && groups.length === 0 && <p className="card muted">{t('coordQuarter.filterEmpty')}</p>}
      {groups.map((g) => (
        <section key={g.domain} className={`card ${styles.group}`} data-domain={g.domain}>
          <h2>
            {g.domain}
            {g.overdue > 0 && <span className="badge s-overdue">{t('coordQuarter.overdueCount', { count: g.overdue })}</span>}
          </h2>
          <div className="table-wrap">
            <table className={styles.obTable}>
              <thead>
                <tr>
                  <th>{t('common.item')}</th>
                  <th>{t('common.deadline')}</th>
                  <th>{t('common.state')}</th>
                  <th>{t('coordQuarter.records')}</th>
                </tr>
              </thead>
              <tbody>
                {g.results.map((r) => {
                  const ob = r.obligation;
                  const item = view.items.get(ob.itemId);
                  const urgency = urgencyOf(r, view.today);
                  const records: DisclosureBrief[] = view.disclosures.get(obligationKey(ob.itemId, ob.periodKey)) ?? [];
                  const rowClass = urgency === 'overdue' ? styles.overdue : urgency === 'dueSoon' ? styles.dueSoon : undefined;
                  // §3: an approved quarter stays open for obligations whose deadline has not passed.
                  const canRecord = disclosureEntryBlock(view.block, ob.deadline, view.today) === null;
                  const href = `/school/disclosures/new?item=${encodeURIComponent(ob.itemCode)}&period=${encodeURIComponent(ob.periodKey)}`;
                  return (
                    <tr key={`${ob.itemId}:${ob.periodKey}`} id={`ob-${ob.itemCode}-${ob.periodKey}`} className={rowClass} data-item={ob.itemCode} data-period={ob.periodKey} data-urgency={urgency}>
                      <td>
                        <span className={styles.code}>{ob.itemCode}</span>
                        {item?.name}
                        <span className={styles.sub}>
                          {periodText(t, ob.periodKey, events.get(ob.periodKey))}
                          {!ob.mandatory && ` · ${t('coordQuarter.recommended')}`}
                          {ob.timingBefore && ` · ${t('coordQuarter.before')}`}
                        </span>
                      </td>
                      <td data-label={t('common.deadline')}>
                        {ob.deadline}
                        {(urgency === 'overdue' || urgency === 'dueSoon') && (
                          <>
                            {' '}
                            <span className={`badge ${urgency === 'overdue' ? 's-overdue' : 's-returned'}`}>{t(`coordTerms.urgency.${urgency}`)}</span>
                          </>
                        )}
                      </td>
                      <td data-label={t('common.state')}>
                        <StatusBadge status={r.status} />
                      </td>
                      <td data-label={t('coordQuarter.records')}>
                        {records.length > 0 && (
                          <ul className={styles.records}>
                            {records.map((d) => (
                              <li key={d.id}>
                                <Link href={`/school/disclosures/${d.id}`} data-testid="disclosure-link">
                                  {d.disclosedOn} · {d.channels.map((c) => t(`coordTerms.channels.${c}`)).join(t('coordTerms.sep'))}
                                  {d.evidenceCount > 0 && (
                                    <>
                                      {' · '}
                                      <Icon name="paperclip" />
                                      <span className="sr-only">{t('coordQuarter.evidenceCount')}</span>
                                      {d.evidenceCount}
                                    </>
                                  )}
                                </Link>
                                {d.procurementFlag && (
                                  <span className={styles.flag}>
                                    {' '}
                                    <Icon name="warning" /> {t('coordQuarter.flagged')}
                                  </span>
                                )}
                                {d.rejection && (
                                  <span className={styles.bad}>
                                    {' '}
                                    <Icon name="cross" /> {t('coordQuarter.rejectedBecause', { reason: d.rejection })}
                                    {d.rejectionRevised && <span className="badge s-submitted">{t('coordQuarter.revisedAwaiting')}</span>}
                                  </span>
                                )}
                              </li>
                            ))}
                          </ul>
                        )}
                        {canRecord && (
                          <Link href={href} className={records.length ? styles.secondary : styles.action}>
                            {records.length ? t('coordQuarter.recordAnother') : t('coordQuarter.record')}
                          </Link>
                        )}
                      </td>
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

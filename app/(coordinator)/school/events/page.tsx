import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { StatusBadge } from '@/core/ui/StatusBadge';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { loadDrafts } from '@/core/forms/drafts';
import { coordinatorEvents, MAX_DAYS_AHEAD } from '@/modules/obligations/data/events';
import { addDays } from '@/core/domain/dates';
import { EntryNotice } from '@/modules/obligations/ui/EntryNotice';
import { QuarterPicker } from '@/modules/obligations/ui/QuarterPicker';
import { parseQuarterParam, quarterParam } from '@/core/domain/quarter-param';
import styles from '@/core/ui/school.module.css';
import { EventForm } from '@/modules/obligations/ui/EventForm';
import { NoMatterForm } from '@/modules/obligations/ui/NoMatterForm';
import { RowButton } from '@/modules/obligations/ui/RowButton';
import { EVENT_FORM_KEY, noMatterFormKey } from '@/modules/obligations/validation/states';

export const dynamic = 'force-dynamic';

/** /school/events — declare events of event items, or state "no such matter this quarter" (§3). */
export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePageScope(['coordinator']);
  const current = thisQuarter();
  const q = parseQuarterParam((await searchParams).q, current);
  const view = await coordinatorEvents(scope, q);
  const t = await getTranslations();
  const qp = quarterParam(q);
  const drafts = await loadDrafts(scope, [EVENT_FORM_KEY, ...view.items.map((i) => noMatterFormKey(i.code, q))]);
  const open = view.block === null;
  return (
    <AppShell scope={scope} context={view.school.name}>
      <p>
        <Link href={`/school?q=${qp}`}>← {t('common.quarter', { year: q.year, quarter: q.quarter })}</Link>
      </p>
      <div className={styles.head}>
        <h1>{t('coordEvents.title', { quarter: t('common.quarter', { year: q.year, quarter: q.quarter }) })}</h1>
        <QuarterPicker
          value={qp}
          basePath="/school/events"
          label={t('coordTerms.quarterPicker')}
          go={t('coordQuarter.go')}
          options={view.quarters.map((x) => ({ value: quarterParam(x), label: t('common.quarter', { year: x.year, quarter: x.quarter }) }))}
        />
      </div>
      <EntryNotice block={view.block} closesOn={view.closesOn} />
      {/* A locked quarter takes no new events (the notice above says why). */}
      {open && (
        <EventForm items={view.items.map((i) => ({ code: i.code, name: i.name }))} userKey={scope.userId} draft={drafts.get(EVENT_FORM_KEY) ?? null} maxDate={addDays(view.today, MAX_DAYS_AHEAD)} />
      )}
      <div className={styles.eventGrid}>
        {view.items.map((i) => (
          <section key={i.code} className={`card ${styles.panel}`} data-testid={`event-item-${i.code}`}>
            <h2>
              <span className={styles.code}>{i.code}</span>
              {i.name}
              {i.timingBefore && <span className="badge s-submitted">{t('coordQuarter.before')}</span>}
            </h2>
            {i.events.length > 0 ? (
              <ul className={styles.list}>
                {i.events.map((e) => (
                  <li key={e.id} className={styles.row} data-testid="declared-event">
                    <span>
                      <strong>{e.eventDate}</strong> {e.title}
                      <span className={styles.sub}>
                        {t('coordEvents.deadline', { date: e.deadline })} · {t('coordEvents.disclosures', { count: e.disclosures })}
                      </span>
                    </span>
                    <span className={styles.inline}>
                      <StatusBadge status={e.status} />
                      {open && (
                        <Link className={e.disclosures ? styles.secondary : styles.action} href={`/school/disclosures/new?item=${i.code}&period=${e.id}`}>
                          {t('coordQuarter.record')}
                        </Link>
                      )}
                      {open && e.disclosures === 0 && <RowButton kind="deleteEvent" id={e.id} label={t('coordEvents.delete')} confirm={t('coordEvents.deleteConfirm')} />}
                    </span>
                  </li>
                ))}
              </ul>
            ) : i.noMatter ? null : (
              <p className="muted small">{t('coordEvents.noneDeclared')}</p>
            )}
            {i.noMatter && (
              <div className={styles.quote} data-testid="no-matter">
                {t('coordEvents.noMatterStated', { reason: i.noMatter.reason })}
                {i.noMatter.challengedAt && <p className={styles.bad}>{t('coordEvents.challenged', { note: i.noMatter.challengeNote ?? '' })}</p>}
                {open && (
                  // A <div>, not a <p>: the button is a <form>, which a paragraph may not contain
                  // (the browser would split the <p> and React's hydration then fails, #418).
                  <div>
                    <RowButton kind="withdrawNoMatter" id={i.noMatter.id} label={t('coordEvents.withdraw')} confirm={t('coordEvents.withdrawConfirm')} />
                  </div>
                )}
              </div>
            )}
            {open && i.events.length === 0 && !i.noMatter && (
              <details>
                <summary>{t('coordEvents.noMatterOpen')}</summary>
                <NoMatterForm itemCode={i.code} year={q.year} quarter={q.quarter} userKey={scope.userId} draft={drafts.get(noMatterFormKey(i.code, q)) ?? null} />
              </details>
            )}
          </section>
        ))}
      </div>
    </AppShell>
  );
}

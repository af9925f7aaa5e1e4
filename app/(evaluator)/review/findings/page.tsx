import '@/modules/reports/ui/review.css';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { findingFormOptions, findingsList, type FindingListFilter } from '@/modules/reports/data/findings';
import { FINDING_SEVERITIES } from '@/core/domain/types';
import { ActionForm } from '@/modules/reports/ui/ActionForm';
import { one, type SearchParams } from '@/modules/dashboard/ui/params';
import { parseYear } from '@/modules/ranking/validation/ranking';
import { raiseFindingAction } from '@/modules/reports/actions/findings';

export const dynamic = 'force-dynamic';

const FILTERS: FindingListFilter[] = ['open', 'closed', 'all'];
const STAGE_BADGE = { awaitingResponse: 's-draft', resubmit: 's-returned', responded: 's-submitted', closed: 's-approved' } as const;

export default async function FindingsPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope(['evaluator', 'leader']);
  const sp = await searchParams;
  const f = one(sp.status);
  const filter: FindingListFilter = FILTERS.includes(f as FindingListFilter) ? (f as FindingListFilter) : 'open';
  // ?year=Y: the findings filed under a year — the list the leader's open-findings tile counts.
  const year = parseYear(sp.year) ?? null;
  const [t, rows, options] = await Promise.all([getTranslations(), findingsList(scope, { filter, year }), scope.role === 'evaluator' ? findingFormOptions(scope) : Promise.resolve(null)]);
  return (
    <AppShell scope={scope}>
      <h1>{t('evaluatorFindings.title')}</h1>
      {year && (
        <p className="muted" data-testid="findings-year">
          {t('evaluatorFindings.ofYear', { year, count: rows.length })} <Link href={`/review/findings?status=${filter}`}>{t('evaluatorFindings.allYears')}</Link>
        </p>
      )}
      <nav className="tabs no-print" aria-label={t('evaluatorFindings.filter')}>
        {FILTERS.map((x) => (
          <Link key={x} href={`/review/findings?status=${x}${year ? `&year=${year}` : ''}`} aria-current={x === filter ? 'page' : undefined}>
            {t(`evaluatorFindings.filters.${x}`)}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="muted">{t('evaluatorFindings.none')}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="findings">
            <thead>
              <tr>
                <th>{t('common.school')}</th>
                <th>{t('evaluatorFindings.severity')}</th>
                <th>{t('evaluatorFindings.findingTitle')}</th>
                <th>{t('common.item')}</th>
                <th>{t('evaluatorFindings.dueOn')}</th>
                <th>{t('common.state')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.overdue ? 'overdue-row' : undefined} data-finding={r.id} data-school={r.schoolCode}>
                  <td>
                    <Link href={`/review/schools/${r.schoolId}`}>
                      {r.schoolCode} {r.schoolName}
                    </Link>
                  </td>
                  <td>
                    <span className={`badge sev-${r.severity}`}>{t(`evaluatorFindings.severities.${r.severity}`)}</span>
                  </td>
                  <td>
                    <Link href={`/review/findings/${r.id}`}>{r.title}</Link>
                  </td>
                  <td>{r.itemCode ?? '—'}</td>
                  <td>
                    {r.dueOn} {r.overdue && <span className="badge s-overdue">{t('evaluatorFindings.overdue')}</span>}
                    {r.answeredLate && <span className="badge s-returned">{t('evaluatorFindings.answeredLate')}</span>}
                  </td>
                  <td data-stage={r.stage}>
                    <span className={`badge ${STAGE_BADGE[r.stage]}`}>{t(`evaluatorFindings.stages.${r.stage}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {options && (
        <section className="card" aria-labelledby="raise-h">
          <h2 id="raise-h">{t('evaluatorFindings.raise')}</h2>
          <ActionForm
            action={raiseFindingAction}
            hidden={{}}
            className="form"
            testId="raise-finding"
            fields={[
              { name: 'schoolId', label: t('common.school'), kind: 'select', options: [{ value: '', label: '—' }, ...options.schools.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))] },
              { name: 'severity', label: t('evaluatorFindings.severity'), kind: 'select', options: FINDING_SEVERITIES.map((s) => ({ value: s, label: t(`evaluatorFindings.severities.${s}`) })) },
              {
                name: 'itemCode',
                label: t('evaluatorFindings.itemOptional'),
                kind: 'select',
                options: [{ value: '', label: '—' }, ...options.items.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))],
              },
              { name: 'dueOn', label: t('evaluatorFindings.dueOn'), kind: 'date' },
              { name: 'title', label: t('evaluatorFindings.findingTitle'), kind: 'text' },
              { name: 'description', label: t('evaluatorFindings.description'), kind: 'textarea' },
            ]}
            submitLabel={t('evaluatorFindings.raiseSubmit')}
            savedText={t('evaluatorFindings.raised')}
          />
        </section>
      )}
    </AppShell>
  );
}

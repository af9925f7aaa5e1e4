import '@/modules/reports/ui/review.css';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { pct } from '@/core/ui/format';
import { requirePageScope } from '@/core/auth/session';
import { coverageMatrix } from '@/modules/dashboard/data/matrix';
import { isUuid } from '@/core/auth/users';
import { CELL_STATES } from '@/modules/dashboard/domain/coverage-matrix';
import { PeriodFilters } from '@/modules/dashboard/ui/pickers';
import { one, pickerYears, query, readPeriod, readType, type SearchParams } from '@/modules/dashboard/ui/params';
import { CellDetail } from '@/modules/dashboard/ui/CellDetail';
import { InProgressNote } from '@/modules/dashboard/ui/InProgressNote';
import { UrgeCheckbox, UrgeForm } from '@/modules/reminders/ui/UrgeForm';

export const dynamic = 'force-dynamic';

export default async function MatrixPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope(['evaluator', 'leader']);
  const sp = await searchParams;
  const period = readPeriod(sp, { allowYear: true });
  const zoneRaw = one(sp.zone);
  const zone = zoneRaw && isUuid(zoneRaw) ? zoneRaw : null;
  const type = readType(sp.type);
  const [t, m] = await Promise.all([getTranslations(), coverageMatrix(scope, period, { zoneId: zone, type })]);
  const base = { year: period.year, quarter: period.quarter ?? '', zone, type };
  const cellSchool = one(sp.school);
  const cellItem = one(sp.item);
  const canUrge = scope.role === 'evaluator';
  const label = period.quarter ? t('common.quarter', { year: period.year, quarter: period.quarter }) : t('common.year', { year: period.year });
  return (
    <AppShell scope={scope}>
      <h1>
        {t('evaluatorMatrix.title')} · {label}
      </h1>
      <PeriodFilters values={{ year: period.year, quarter: period.quarter, zone, type }} years={pickerYears()} zones={m.zones} allowYear />
      {m.inProgress && <InProgressNote notYetDue={m.total.tally.notYetDue} />}
      <p className="no-print">
        <a href={`/review/export/matrix${query(base)}`} download data-testid="export-matrix">
          {t('evaluatorMatrix.export')}
        </a>
        {' · '}
        <a href={`/review/export/schools${query(base)}`} download data-testid="export-schools">
          {t('evaluatorQueue.exportSchools')}
        </a>
      </p>
      <ul className="legend" aria-label={t('evaluatorMatrix.legend')}>
        {CELL_STATES.map((s) => (
          <li key={s}>
            <span className={`cell c-${s}`} aria-hidden>
              {t(`evaluatorMatrix.symbol.${s}`)}
            </span>{' '}
            {t(`evaluatorMatrix.state.${s}`)}
          </li>
        ))}
      </ul>
      {cellSchool && cellItem && isUuid(cellSchool) && <CellDetail scope={scope} schoolId={cellSchool} itemCode={cellItem} period={period} closeHref={`/review/matrix${query(base)}`} />}
      {m.rows.length === 0 ? (
        <p className="muted">{t('common.noData')}</p>
      ) : (
        <>
          {canUrge && (
            <>
              <p className="small muted no-print">{t('reminders.urge.hint')}</p>
              <UrgeForm formId="urge-matrix" />
            </>
          )}
          <div className="table-wrap matrix-wrap">
            <table className="matrix" data-testid="matrix">
              <caption className="sr-only">{t('evaluatorMatrix.caption', { period: label })}</caption>
              <thead>
                <tr>
                  {canUrge && (
                    <th scope="col" className="urge-col no-print">
                      <span className="sr-only">{t('reminders.urge.column')}</span>
                    </th>
                  )}
                  <th scope="col">{t('common.school')}</th>
                  {m.items.map((i) => (
                    <th key={i.code} scope="col" title={i.name}>
                      <abbr title={i.name}>{i.code}</abbr>
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('evaluatorMatrix.metOf')}
                  </th>
                  <th scope="col" className="num">
                    {t('common.coverage')}
                  </th>
                  <th scope="col" className="num">
                    {t('common.timeliness')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {m.rows.map((r) => (
                  <tr key={r.school.schoolId} data-school={r.school.code}>
                    {canUrge && (
                      <td className="urge-col no-print">
                        <UrgeCheckbox formId="urge-matrix" schoolId={r.school.schoolId} label={t('reminders.urge.select', { school: `${r.school.code} ${r.school.name}` })} />
                      </td>
                    )}
                    <th scope="row">
                      <Link href={`/review/schools/${r.school.schoolId}`}>
                        {r.school.code} {r.school.name}
                      </Link>
                    </th>
                    {r.cells.map((c) => {
                      const text = t(`evaluatorMatrix.state.${c.state}`);
                      const frac = c.tally.obligations > 1 ? ` ${c.tally.met}/${c.tally.obligations}` : '';
                      return (
                        <td key={c.itemCode} className={`cell c-${c.state}`} data-item={c.itemCode} data-state={c.state}>
                          {c.state === 'notApplicable' ? (
                            <span aria-label={`${c.itemCode} ${text}`}>{t(`evaluatorMatrix.symbol.${c.state}`)}</span>
                          ) : (
                            <Link href={`/review/matrix${query({ ...base, school: r.school.schoolId, item: c.itemCode })}#cell`} aria-label={`${r.school.code} ${c.itemCode} ${text}${frac}`}>
                              {t(`evaluatorMatrix.symbol.${c.state}`)}
                              {frac && <span className="frac">{frac}</span>}
                            </Link>
                          )}
                        </td>
                      );
                    })}
                    <td className="num" data-col="met">
                      {r.total.met}/{r.total.obligations}
                    </td>
                    <td className="num" data-col="coverage">
                      {pct(r.coverage)}
                    </td>
                    <td className="num" data-col="timeliness">
                      {pct(r.timeliness)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="total-row">
                  {canUrge && <td className="no-print" />}
                  <th scope="row">{t('evaluatorMatrix.columnCoverage')}</th>
                  {m.columns.map((c) => (
                    <td key={c.itemCode} className="num small" data-item={c.itemCode}>
                      {c.coverage === null ? '—' : `${Math.round(c.coverage)}%`}
                    </td>
                  ))}
                  <td className="num" data-testid="total-met">
                    {m.total.tally.met}/{m.total.tally.obligations}
                  </td>
                  <td className="num" data-testid="total-coverage">
                    {pct(m.total.coverage)}
                  </td>
                  <td className="num" data-testid="total-timeliness">
                    {pct(m.total.timeliness)}
                  </td>
                </tr>
                <tr className="total-row">
                  {canUrge && <td className="no-print" />}
                  <th scope="row">{t('evaluatorMatrix.columnMet')}</th>
                  {m.columns.map((c) => (
                    <td key={c.itemCode} className="num small">
                      {c.tally.obligations ? `${c.tally.met}/${c.tally.obligations}` : '—'}
                    </td>
                  ))}
                  <td colSpan={3} />
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </AppShell>
  );
}

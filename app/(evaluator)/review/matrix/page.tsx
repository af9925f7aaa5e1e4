import '@/modules/reports/ui/review.css';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { coverageMatrix } from '@/modules/dashboard/data/matrix';
import { isUuid } from '@/core/auth/users';
import { CELL_STATES } from '@/modules/dashboard/domain/coverage-matrix';
import { PeriodFilters } from '@/modules/dashboard/ui/pickers';
import { one, pickerYears, query, readPeriod, readType, type SearchParams } from '@/modules/dashboard/ui/params';
import { CellDetail } from '@/modules/dashboard/ui/CellDetail';
import { InProgressNote } from '@/modules/dashboard/ui/InProgressNote';
import { UrgeForm } from '@/modules/reminders/ui/UrgeForm';
import { compactMatrix } from '@/modules/dashboard/domain/compact-matrix';
import { MatrixGrid } from '@/modules/dashboard/ui/MatrixGrid';
import { Pager } from '@/modules/dashboard/ui/Pager';
import { unlessRecomputing } from '@/core/found';
import { RecomputingNotice } from '@/core/ui/RecomputingNotice';

export const dynamic = 'force-dynamic';

/** Schools per page of the matrix (issue 15: a 300-school district's page stays light). */
const MATRIX_PAGE_SIZE = 100;

export default async function MatrixPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope(['evaluator', 'leader']);
  const sp = await searchParams;
  const period = readPeriod(sp, { allowYear: true });
  const zoneRaw = one(sp.zone);
  const zone = zoneRaw && isUuid(zoneRaw) ? zoneRaw : null;
  const type = readType(sp.type);
  const [t, r] = await Promise.all([getTranslations(), unlessRecomputing(coverageMatrix(scope, period, { zoneId: zone, type }))]);
  const label = period.quarter ? t('common.quarter', { year: period.year, quarter: period.quarter }) : t('common.year', { year: period.year });
  if (r.recomputing) {
    return (
      <AppShell scope={scope}>
        <h1>
          {t('evaluatorMatrix.title')} · {label}
        </h1>
        <RecomputingNotice progress={r.recomputing} />
      </AppShell>
    );
  }
  const m = r.value;
  const base = { year: period.year, quarter: period.quarter ?? '', zone, type };
  const c = compactMatrix(m, { size: MATRIX_PAGE_SIZE, asked: Number(one(sp.page) ?? 1) });
  const pagedBase = { ...base, page: c.paged.page > 1 ? c.paged.page : null };
  const cellSchool = one(sp.school);
  const cellItem = one(sp.item);
  const canUrge = scope.role === 'evaluator';
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
      {cellSchool && cellItem && isUuid(cellSchool) && <CellDetail scope={scope} schoolId={cellSchool} itemCode={cellItem} period={period} closeHref={`/review/matrix${query(pagedBase)}`} />}
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
          <Pager paged={c.paged} href={(page) => `/review/matrix${query({ ...base, page: page > 1 ? page : null })}`} testId="matrix-pager" />
          <div className="table-wrap matrix-wrap">
            <MatrixGrid data={c} caption={t('evaluatorMatrix.caption', { period: label })} cellHref={`/review/matrix${query(pagedBase)}`} urgeForm={canUrge ? 'urge-matrix' : null} />
          </div>
        </>
      )}
    </AppShell>
  );
}

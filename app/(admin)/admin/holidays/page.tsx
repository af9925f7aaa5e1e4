import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { holidaysOfYear, settingsYears } from '@/modules/org/data/settings-admin';
import { thisQuarter } from '@/core/context';
import { yearFrom } from '@/modules/org/validation/settings-form';
import { ImportPanel } from '@/modules/org/ui/ImportPanel';
import { YearPicker } from '@/core/ui/YearPicker';
import { HolidayForm, RemoveHoliday } from '@/modules/org/ui/HolidayForm';

export const dynamic = 'force-dynamic';

export default async function HolidaysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePageScope(['districtAdmin']);
  const year = yearFrom((await searchParams).year, thisQuarter().year);
  const [t, rows, years] = await Promise.all([getTranslations('adminHolidays'), holidaysOfYear(scope, year), settingsYears(scope)]);
  return (
    <AppShell scope={scope}>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <YearPicker years={years} year={year} action="/admin/holidays" />
      <section className="card">
        <h2>{t('add')}</h2>
        <HolidayForm year={year} />
      </section>
      <section className="card">
        <h2>{t('listTitle', { year, count: rows.length })}</h2>
        {rows.length === 0 ? (
          <p className="muted">{t('none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('day')}</th>
                  <th>{t('name')}</th>
                  <th>{t('actionsCol')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((h) => (
                  <tr key={h.day} data-day={h.day}>
                    <td>{h.day}</td>
                    <td>{h.name}</td>
                    <td>
                      <RemoveHoliday day={h.day} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <details className="card">
        <summary>{t('import')}</summary>
        <ImportPanel kind="holidays" />
      </details>
    </AppShell>
  );
}

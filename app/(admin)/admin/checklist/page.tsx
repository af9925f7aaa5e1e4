import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { dateTime, pct } from '@/core/ui/format';
import { requirePageScope } from '@/core/auth/session';
import { settingsYears } from '@/modules/org/data/settings-admin';
import { checklistOverview } from '@/modules/checklist/data/admin';
import { checklistQuarterFigures } from '@/modules/checklist/data/figures';
import { thisQuarter } from '@/core/context';
import { yearFrom } from '@/modules/org/validation/settings-form';
import { YearPicker } from '@/core/ui/YearPicker';
import { ImportChecklist, RetireItem, StartChecklist } from '@/modules/checklist/ui/ChecklistForms';
import { PlanNote } from '@/modules/checklist/ui/PlanNote';

export const dynamic = 'force-dynamic';

type Params = Record<string, string | string[] | undefined>;

export default async function ChecklistPage({ searchParams }: { searchParams: Promise<Params> }) {
  const scope = await requirePageScope(['districtAdmin']);
  const sp = await searchParams;
  const year = yearFrom(sp.year, thisQuarter().year);
  const versionNo = Number(Array.isArray(sp.version) ? sp.version[0] : sp.version) || undefined;
  const saved = typeof sp.saved === 'string' ? /^new-(\d+)-([1-4])$/.exec(sp.saved) : null;
  const [t, locale, data, years] = await Promise.all([getTranslations(), getLocale(), checklistOverview(scope, year, versionNo), settingsYears(scope)]);
  const figures = data.versions.length ? await checklistQuarterFigures(scope, year) : [];
  const editable = data.shown?.latest && (data.plan.kind === 'inPlace' || data.plan.kind === 'newVersion');
  return (
    <AppShell scope={scope}>
      <h1>{t('adminChecklist.title', { year })}</h1>
      <YearPicker years={years} year={year} action="/admin/checklist" />
      {saved && (
        <p role="status" className="notice-ok" data-testid="checklist-saved">
          {t('adminChecklist.savedNewVersion', { version: Number(saved[1]), quarter: Number(saved[2]) })}
        </p>
      )}
      {sp.saved === 'item' && (
        <p role="status" className="notice-ok" data-testid="checklist-saved">
          {t('common.saved')}
        </p>
      )}

      {data.versions.length === 0 ? (
        <section className="card">
          <h2>{t('adminChecklist.start.title', { year })}</h2>
          <p className="muted">{t('adminChecklist.start.intro')}</p>
          <StartChecklist year={year} templates={data.templates} previousYear={data.previousYear} />
          <h3>{t('adminChecklist.start.fromFile')}</h3>
          <ImportChecklist year={year} />
        </section>
      ) : (
        <>
          <section className="card" data-testid="checklist-plan">
            <PlanNote plan={data.plan} />
          </section>
          <section className="card">
            <h2>{t('adminChecklist.versions')}</h2>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>{t('adminChecklist.version')}</th>
                    <th>{t('adminChecklist.appliesFrom')}</th>
                    <th>{t('adminChecklist.state')}</th>
                    <th>{t('adminChecklist.createdAt')}</th>
                    <th>{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.versions.map((v) => (
                    <tr key={v.id} data-version={v.version}>
                      <td>{t('adminChecklist.versionN', { version: v.version })}</td>
                      <td>{t('adminChecklist.fromQuarter', { quarter: v.effectiveFromQuarter })}</td>
                      <td>{v.frozen ? t('adminChecklist.frozenSince', { at: v.frozenAt ? dateTime(v.frozenAt, locale) : '—' }) : t('adminChecklist.editable')}</td>
                      <td>{dateTime(v.createdAt, locale)}</td>
                      <td>
                        {data.shown?.version === v.version ? (
                          <strong>{t('adminChecklist.shown')}</strong>
                        ) : (
                          <Link href={`/admin/checklist?year=${year}&version=${v.version}`}>{t('adminChecklist.show')}</Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="card">
            <h2>{t('adminChecklist.figures')}</h2>
            <p className="muted small">{t('adminChecklist.figuresHint')}</p>
            <div className="table-wrap">
              <table data-testid="checklist-figures">
                <thead>
                  <tr>
                    <th>{t('adminChecklist.quarter')}</th>
                    <th>{t('adminChecklist.versionInForce')}</th>
                    <th className="num">{t('adminChecklist.obligations')}</th>
                    <th className="num">{t('common.coverage')}</th>
                    <th className="num">{t('common.timeliness')}</th>
                  </tr>
                </thead>
                <tbody>
                  {figures.map((f) => (
                    <tr key={f.quarter} data-quarter={f.quarter}>
                      <td>{t('common.quarter', { year, quarter: f.quarter })}</td>
                      <td>{f.version ? t('adminChecklist.versionN', { version: f.version }) : '—'}</td>
                      <td className="num">{f.obligations}</td>
                      <td className="num" data-figure="coverage">
                        {pct(f.coverage)}
                      </td>
                      <td className="num" data-figure="timeliness">
                        {pct(f.timeliness)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          {data.shown && (
            <section className="card">
              <h2>{t('adminChecklist.itemsOf', { version: data.shown.version, count: data.shown.items.filter((i) => !i.retired).length })}</h2>
              <p className="filters no-print">
                {editable && <Link href={`/admin/checklist/item?year=${year}`}>{t('adminChecklist.addItem')}</Link>}
                <a href={`/admin/checklist/export?year=${year}&version=${data.shown.version}&format=yaml`}>{t('adminChecklist.exportYaml')}</a>
                <a href={`/admin/checklist/export?year=${year}&version=${data.shown.version}&format=json`}>{t('adminChecklist.exportJson')}</a>
              </p>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>{t('checklistLabels.field.code')}</th>
                      <th>{t('checklistLabels.field.name')}</th>
                      <th>{t('checklistLabels.field.domain')}</th>
                      <th>{t('checklistLabels.field.frequency')}</th>
                      <th>{t('checklistLabels.field.audience')}</th>
                      <th className="num">{t('checklistLabels.field.weight')}</th>
                      <th>{t('adminChecklist.flags')}</th>
                      {editable && <th>{t('common.actions')}</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {data.shown.items.map((i) => (
                      <tr key={i.id} data-item={i.code} className={i.retired ? 'muted' : undefined}>
                        <td>{i.code}</td>
                        <td>{i.name}</td>
                        <td>{i.domain}</td>
                        <td>{t(`checklistLabels.frequency.${i.frequency}`)}</td>
                        <td>{t(`checklistLabels.audience.${i.audience}`)}</td>
                        <td className="num">{i.weight}</td>
                        <td>
                          {[
                            i.retired ? t('adminChecklist.retired') : null,
                            i.mandatory ? null : t('adminChecklist.optional'),
                            i.timing === 'before' ? t('checklistLabels.timing.before') : null,
                            i.workingDays ? t('checklistLabels.field.workingDays') : null,
                            // Known tags in words (congress → 教代会事项); any other tag as typed.
                            ...i.tags.map((tag) => (t.has(`checklistLabels.tags.${tag}`) ? t(`checklistLabels.tags.${tag}`) : tag)),
                          ]
                            .filter(Boolean)
                            .join('、')}
                        </td>
                        {editable && (
                          <td className="row-actions">
                            <Link href={`/admin/checklist/item?year=${year}&code=${encodeURIComponent(i.code)}`}>{t('adminChecklist.edit')}</Link>
                            <RetireItem year={year} code={i.code} retired={i.retired} />
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
          {editable && (
            <details className="card">
              <summary>{t('adminChecklist.importTitle')}</summary>
              <ImportChecklist year={year} />
            </details>
          )}
        </>
      )}
    </AppShell>
  );
}

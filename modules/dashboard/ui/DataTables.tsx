// The numbers behind each dashboard chart as plain tables, every school linked to its profile.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { pct } from '@/core/ui/format';
import type { DashboardData } from '@/modules/dashboard/data/dashboard';
import { fixed2 } from '@/core/ui/figures';
import styles from './dashboard.module.css';

type D = DashboardData;

export const profileHref = (schoolId: string) => `/review/schools/${encodeURIComponent(schoolId)}`;

export async function TrendTable({ d }: { d: D }) {
  const t = await getTranslations('dashboard');
  return (
    <table>
      <caption className="small muted">{t('trend.caption', { year: d.year })}</caption>
      <thead>
        <tr>
          <th>{t('col.quarter')}</th>
          <th className="num">{t('kpi.coverage')}</th>
          <th className="num">{t('kpi.timeliness')}</th>
          <th className="num">{t('kpi.reportCompleteness')}</th>
          <th className="num">{t('kpi.reportOnTime')}</th>
        </tr>
      </thead>
      <tbody>
        {d.trend.map((q) => (
          <tr key={q.quarter}>
            <td>
              <Link href={`/review/matrix?year=${d.year}&quarter=${q.quarter}`}>{q.inProgress ? t('quarterInProgress', { quarter: q.quarter }) : t('quarterLabel', { quarter: q.quarter })}</Link>
              {q.inProgress && <div className="small muted">{t('inProgress.cell', { count: q.notYetDue })}</div>}
            </td>
            <td className="num">{pct(q.coverage)}</td>
            <td className="num">{pct(q.timeliness)}</td>
            <td className="num">{pct(q.reportCompleteness)}</td>
            <td className="num">{pct(q.reportOnTime)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export async function ZoneTable({ d }: { d: D }) {
  const t = await getTranslations('dashboard');
  return (
    <table>
      <thead>
        <tr>
          <th>{t('col.zone')}</th>
          <th className="num">{t('col.schools')}</th>
          <th className="num">{t('kpi.coverage')}</th>
          <th className="num">{t('kpi.timeliness')}</th>
          <th className="num">{t('kpi.satisfaction')}</th>
          <th className="num">{t('col.meanComposite')}</th>
        </tr>
      </thead>
      <tbody>
        {d.zones.map((z) => (
          <tr key={z.id ?? 'none'}>
            <td>{z.id ? <Link href={`/review/ranking?year=${d.year}&zone=${z.id}`}>{z.name}</Link> : t('noZone')}</td>
            <td className="num">{z.schools}</td>
            <td className="num">{pct(z.coverage)}</td>
            <td className="num">{pct(z.timeliness)}</td>
            <td className="num">{pct(z.satisfaction)}</td>
            <td className="num">{fixed2(z.composite)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export async function DistributionTable({ d }: { d: D }) {
  const t = await getTranslations('dashboard');
  return (
    <table>
      <thead>
        <tr>
          <th>{t('col.band')}</th>
          <th className="num">{t('col.count')}</th>
          <th>{t('col.schoolsInBand')}</th>
        </tr>
      </thead>
      <tbody>
        {d.distribution.map((b) => (
          <tr key={b.from}>
            <td>{t('band', { from: b.from, to: b.to })}</td>
            <td className="num">{b.count}</td>
            <td>
              {b.schools.map((s, k) => (
                <span key={s.schoolId}>
                  {k > 0 && '、'}
                  <Link href={profileHref(s.schoolId)}>{s.name}</Link>
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export async function SchoolTable({ rows, id }: { rows: D['top']; id: string }) {
  const t = await getTranslations('dashboard');
  const g = await getTranslations('schoolTypes');
  return (
    <table data-testid={id}>
      <thead>
        <tr>
          <th className="num">#</th>
          <th>{t('col.school')}</th>
          <th>{t('col.group')}</th>
          <th className="num">{t('col.composite')}</th>
          <th className="num">{t('col.rank')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.schoolId} data-school={r.code}>
            <td className="num">{i + 1}</td>
            <td>
              <Link href={profileHref(r.schoolId)}>
                {r.code} {r.name}
              </Link>
            </td>
            <td>{g(r.type)}</td>
            <td className="num" data-col="composite">
              {fixed2(r.composite)}
            </td>
            <td className="num" data-col="rank">
              {r.rank ?? (r.eligible ? '—' : t('ineligible'))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export async function MovementTable({ d }: { d: D }) {
  const t = await getTranslations('dashboard');
  const g = await getTranslations('schoolTypes');
  const rows = [...d.movement].sort((a, b) => (b.movement ?? -Infinity) - (a.movement ?? -Infinity) || a.code.localeCompare(b.code));
  return (
    <table>
      <thead>
        <tr>
          <th>{t('col.school')}</th>
          <th>{t('col.group')}</th>
          <th className="num">{t('col.rankYear', { year: d.year })}</th>
          <th className="num">{t('col.rankYear', { year: d.year - 1 })}</th>
          <th className="num">{t('col.movement')}</th>
          <th className="num">{t('col.composite')}</th>
          <th className="num">{t('col.compositeChange')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.schoolId}>
            <td>
              <Link href={profileHref(m.schoolId)}>
                {m.code} {m.name}
              </Link>
            </td>
            <td>{g(m.type)}</td>
            <td className="num">{m.rank ?? '—'}</td>
            <td className="num">{m.previousRank ?? '—'}</td>
            <td className={`num ${m.movement && m.movement > 0 ? styles.up : m.movement && m.movement < 0 ? styles.down : ''}`}>
              {m.movement === null ? '—' : m.movement > 0 ? `↑${m.movement}` : m.movement < 0 ? `↓${-m.movement}` : '0'}
            </td>
            <td className="num">{fixed2(m.composite)}</td>
            <td className="num">{m.compositeChange === null ? '—' : `${m.compositeChange > 0 ? '+' : ''}${fixed2(m.compositeChange)}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// The district's zones and schools with their survey figures (one row per school, both groups).
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { SurveyResults } from '@/modules/surveys/data/results';
import { SURVEY_GROUPS } from '@/core/domain/types';
import { GroupCells, rate } from './Figures';

async function GroupHeaders() {
  const t = await getTranslations();
  return (
    <tr>
      <th />
      {SURVEY_GROUPS.map((g) => (
        <th key={g} colSpan={4} scope="colgroup">
          {t(`surveyCommon.group.${g}`)}
        </th>
      ))}
      <th />
    </tr>
  );
}

async function FigureHeaders({ first }: { first: string }) {
  const t = await getTranslations('surveyResults');
  return (
    <tr>
      <th>{first}</th>
      {SURVEY_GROUPS.map((g) => (
        <FigureHeaderCells key={g} labels={[t('responses'), t('rate'), t('mean'), t('validityLabel')]} />
      ))}
      <th className="num">{t('combined')}</th>
    </tr>
  );
}

function FigureHeaderCells({ labels }: { labels: string[] }) {
  return (
    <>
      <th className="num">{labels[0]}</th>
      <th className="num">{labels[1]}</th>
      <th className="num">{labels[2]}</th>
      <th>{labels[3]}</th>
    </>
  );
}

export async function ZoneTable({ r }: { r: SurveyResults }) {
  const t = await getTranslations();
  return (
    // A region a keyboard can scroll on a phone (the table has no link to focus).
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('surveyResults.byZone')}>
      <table data-testid="zone-table">
        <thead>
          <GroupHeaders />
          <FigureHeaders first={t('common.zone')} />
        </thead>
        <tbody>
          {r.zones.map((z) => (
            <tr key={z.id ?? 'none'}>
              <td>
                {z.name ?? t('surveyResults.noZone')} <span className="small muted">({t('surveyResults.schoolCount', { count: z.schools })})</span>
              </td>
              {SURVEY_GROUPS.map((g) => (
                <GroupCells key={g} g={z.groups[g]?.figures ?? null} />
              ))}
              <td className="num">{rate(z.combined)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('surveyResults.total')}</th>
            {SURVEY_GROUPS.map((g) => (
              <GroupCells key={g} g={r.district.groups[g]?.figures ?? null} />
            ))}
            <td className="num">
              <strong>{rate(r.district.combined)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export async function SchoolTable({ r }: { r: SurveyResults }) {
  const t = await getTranslations();
  return (
    <div className="table-wrap">
      <table data-testid="school-table">
        <thead>
          <GroupHeaders />
          <FigureHeaders first={t('common.school')} />
        </thead>
        <tbody>
          {r.schools.map((s) => (
            <tr key={s.id} data-school={s.code}>
              <td>
                <Link href={`/review/surveys?year=${r.year}&school=${encodeURIComponent(s.code)}#school`}>
                  {s.code} {s.name}
                </Link>
                <div className="small muted">{s.zone ?? t('surveyResults.noZone')}</div>
              </td>
              {SURVEY_GROUPS.map((g) => (
                <GroupCells key={g} g={s.groups[g]} codes={s.codes[g]} />
              ))}
              <td className="num">{rate(s.combined)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

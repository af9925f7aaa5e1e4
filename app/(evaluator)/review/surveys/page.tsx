import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { schoolSurveyResults, surveyResults, type SurveyResults } from '@/modules/surveys/data/results';
import { SURVEY_GROUPS } from '@/core/domain/types';
import { pageYear } from '@/modules/surveys/validation/api';
import type { DistributionChartData } from '@/modules/surveys/ui/Charts';
import { DistributionChart, ZoneChart } from '@/modules/surveys/ui/LazyCharts';
import { num, rate } from '@/modules/surveys/ui/Figures';
import { SchoolTable, ZoneTable } from '@/modules/surveys/ui/ResultTables';
import { SchoolDetail } from '@/modules/surveys/ui/SchoolDetail';
import { unlessRecomputing } from '@/core/found';
import { RecomputingNotice } from '@/core/ui/RecomputingNotice';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('surveyResults');
  return { title: t('title') };
}

function distributionData(r: SurveyResults): DistributionChartData[] {
  return SURVEY_GROUPS.flatMap((g) => {
    const survey = r.surveys[g];
    const dist = r.district.groups[g]?.figures.distribution;
    if (!survey) return [];
    return [{ group: g, questions: survey.questions.map((q, i) => ({ label: `Q${i + 1}`, text: q.text, counts: dist?.[q.id] ?? null })) }];
  });
}

export default async function SurveyResultsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePageScope(['evaluator', 'leader']);
  const sp = await searchParams;
  const year = pageYear(sp.year, thisQuarter().year);
  const [t, loaded] = await Promise.all([getTranslations(), unlessRecomputing(surveyResults(scope, year))]);
  if (loaded.recomputing) {
    return (
      <AppShell scope={scope}>
        <h1>{t('surveyResults.heading', { year })}</h1>
        <RecomputingNotice progress={loaded.recomputing} />
      </AppShell>
    );
  }
  const r = loaded.value;
  const schoolCode = typeof sp.school === 'string' ? sp.school : null;
  const picked = schoolCode ? r.schools.find((s) => s.code === schoolCode) : null;
  if (schoolCode && !picked) notFound();
  const detail = picked ? await schoolSurveyResults(scope, picked.id, year) : null;
  const years = [...new Set([...r.years, year])].sort((a, b) => b - a);
  const noSurveys = SURVEY_GROUPS.every((g) => !r.surveys[g]);
  return (
    <AppShell scope={scope}>
      <h1>{t('surveyResults.heading', { year })}</h1>
      <nav className="filters" aria-label={t('surveyCommon.years')}>
        {years.map((y) =>
          y === year ? (
            <strong key={y} aria-current="page">
              {t('common.year', { year: y })}
            </strong>
          ) : (
            <Link key={y} href={`/review/surveys?year=${y}`}>
              {t('common.year', { year: y })}
            </Link>
          ),
        )}
        {!noSurveys && (
          <a href={`/review/surveys/export?year=${year}`} className="no-print" download>
            {t('surveyResults.export')}
          </a>
        )}
      </nav>
      <p className="muted small">
        {r.limitedToZones ? t('surveyResults.scopeZones') : t('surveyResults.scopeDistrict')} · {t('surveyResults.rules', { min: r.minResponses, floor: r.anonymityFloor })}
      </p>
      {noSurveys ? (
        <p className="card muted">{t('surveyResults.noSurveys', { year })}</p>
      ) : (
        <>
          <div className="kpis">
            {SURVEY_GROUPS.map((g) => {
              const f = r.district.groups[g]?.figures;
              return (
                <div className="kpi" key={g} data-testid={`kpi-${g}`}>
                  <div className="label">
                    {t(`surveyCommon.group.${g}`)} · {t('surveyResults.rate')}
                  </div>
                  <div className="value">{rate(f?.satisfactionRate)}</div>
                  <div className="small muted">{t('surveyResults.kpiDetail', { responses: f?.responses ?? 0, mean: num(f?.meanScore), hidden: r.district.groups[g]?.hidden ?? 0 })}</div>
                </div>
              );
            })}
            <div className="kpi">
              <div className="label">{t('surveyResults.combined')}</div>
              <div className="value" data-testid="district-combined">
                {rate(r.district.combined)}
              </div>
            </div>
          </div>
          {detail && <SchoolDetail d={detail} />}
          <div className="grid-2">
            {distributionData(r).map((d) => (
              <DistributionChart key={d.group} data={d} />
            ))}
          </div>
          <ZoneChart
            rows={r.zones.map((z) => ({
              zone: z.name ?? t('surveyResults.noZone'),
              teachers: z.groups.teachers?.figures.satisfactionRate ?? null,
              parents: z.groups.parents?.figures.satisfactionRate ?? null,
            }))}
          />
          <h2>{t('surveyResults.byZone')}</h2>
          <ZoneTable r={r} />
          <h2>{t('surveyResults.bySchool')}</h2>
          <SchoolTable r={r} />
        </>
      )}
    </AppShell>
  );
}

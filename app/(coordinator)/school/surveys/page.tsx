import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { codeBatches } from '@/modules/surveys/data/codes';
import { BatchTable } from '@/modules/surveys/ui/BatchTable';
import { GenerateCodesForm } from '@/modules/surveys/ui/GenerateCodesForm';
import { PhaseBadge } from '@/modules/surveys/ui/PhaseBadge';
import { pageYear } from '@/modules/surveys/validation/api';
import { generateSchoolCodesAction } from '@/modules/surveys/actions/school';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('surveyCodes');
  return { title: t('schoolTitle') };
}

/** §7 suggested batch sizes: about one code per parent family and per teacher. */
const DEFAULT_COUNT = { teachers: 40, parents: 60 } as const;

export default async function SchoolSurveysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePageScope(['coordinator']);
  const year = pageYear((await searchParams).year, thisQuarter().year);
  const [t, data] = await Promise.all([getTranslations(), codeBatches(scope, year)]);
  const school = data.schools[0];
  return (
    <AppShell scope={scope} context={school?.name}>
      <h1>{t('surveyCodes.schoolHeading', { year })}</h1>
      <nav className="filters" aria-label={t('surveyCommon.years')}>
        <Link href={`/school/surveys?year=${year - 1}`}>← {t('common.year', { year: year - 1 })}</Link>
        <Link href={`/school/surveys?year=${year + 1}`}>{t('common.year', { year: year + 1 })} →</Link>
      </nav>
      <p className="muted">{t('surveyCodes.schoolIntro')}</p>
      {!school ? (
        <p className="error">{t('coordinator.noSchool')}</p>
      ) : data.surveys.length === 0 ? (
        <p className="muted card">{t('surveyCodes.noSurvey', { year })}</p>
      ) : (
        <div className="grid-2">
          {data.surveys.map(({ survey, phase }) => (
            <section className="card" key={survey.id} data-testid={`survey-${survey.group}`}>
              <h2>
                {t(`surveyCommon.group.${survey.group}`)} <PhaseBadge phase={phase} />
              </h2>
              <p>{survey.title}</p>
              <p className="small muted">{t('surveyAdmin.window', { opensOn: survey.opensOn, closesOn: survey.closesOn })}</p>
              {phase === 'closed' ? (
                <p className="muted">{t('surveyCodes.closed')}</p>
              ) : (
                <GenerateCodesForm
                  action={generateSchoolCodesAction}
                  surveys={[{ value: survey.id, label: survey.title }]}
                  schools={[{ value: school.id, label: school.name }]}
                  defaultCount={DEFAULT_COUNT[survey.group]}
                  testId={`generate-${survey.group}`}
                />
              )}
            </section>
          ))}
        </div>
      )}
      <h2>{t('surveyCodes.batches')}</h2>
      <BatchTable batches={data.batches} printBase="/school/surveys/print" showSchool={false} />
    </AppShell>
  );
}

import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { adminSurveys, type AdminSurvey } from '@/modules/surveys/data/admin';
import { codeBatches } from '@/modules/surveys/data/codes';
import { SURVEY_GROUPS, type SurveyGroup } from '@/core/domain/types';
import { BatchTable } from '@/modules/surveys/ui/BatchTable';
import { GenerateCodesForm } from '@/modules/surveys/ui/GenerateCodesForm';
import { PhaseBadge } from '@/modules/surveys/ui/PhaseBadge';
import { pageYear } from '@/modules/surveys/validation/api';
import { generateCodesAction } from '@/modules/surveys/actions/admin';
import { QuestionEditor } from '@/modules/surveys/ui/QuestionEditor';
import { CreateSurveyForm, SurveySettingsForm } from '@/modules/surveys/ui/SurveyForms';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('surveyAdmin');
  return { title: t('title') };
}

export default async function AdminSurveysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requirePageScope(['districtAdmin']);
  const year = pageYear((await searchParams).year, thisQuarter().year);
  const [t, data, codes] = await Promise.all([getTranslations(), adminSurveys(scope, year), codeBatches(scope, year)]);
  const openForCodes = codes.surveys.filter((s) => s.phase !== 'closed');
  return (
    <AppShell scope={scope}>
      <h1>{t('surveyAdmin.heading', { year })}</h1>
      <nav className="filters" aria-label={t('surveyCommon.years')}>
        <Link href={`/admin/surveys?year=${year - 1}`}>← {t('common.year', { year: year - 1 })}</Link>
        <Link href={`/admin/surveys?year=${year + 1}`}>{t('common.year', { year: year + 1 })} →</Link>
      </nav>
      <p className="muted">{t('surveyAdmin.intro')}</p>
      <div className="grid-2">
        {SURVEY_GROUPS.map((g) => (
          <SurveyCard key={g} group={g} year={year} entry={data.surveys[g]} defaults={data.defaults[g]} />
        ))}
      </div>

      <h2>{t('surveyCodes.heading')}</h2>
      <section className="card">
        {openForCodes.length === 0 ? (
          <p className="muted">{t('surveyCodes.noOpenSurvey')}</p>
        ) : (
          <GenerateCodesForm
            action={generateCodesAction}
            surveys={openForCodes.map((s) => ({ value: s.survey.id, label: s.survey.title }))}
            schools={codes.schools.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
            defaultCount={60}
            testId="generate-codes"
          />
        )}
      </section>
      <BatchTable batches={codes.batches} printBase="/admin/surveys/print" showSchool />
    </AppShell>
  );
}

async function SurveyCard({ group, year, entry, defaults }: { group: SurveyGroup; year: number; entry: AdminSurvey | null; defaults: { title: string; opensOn: string; closesOn: string } }) {
  const t = await getTranslations();
  if (!entry) {
    return (
      <section className="card" data-testid={`survey-${group}`}>
        <h2>{t(`surveyCommon.group.${group}`)}</h2>
        <p className="muted">{t('surveyAdmin.notCreated', { year })}</p>
        <CreateSurveyForm year={year} group={group} initial={defaults} />
      </section>
    );
  }
  const { survey, phase, editable, questions } = entry;
  const likert = questions.filter((q) => q.kind === 'likert');
  const text = questions.find((q) => q.kind === 'text');
  return (
    <section className="card" data-testid={`survey-${group}`}>
      <h2>
        {t(`surveyCommon.group.${group}`)} <PhaseBadge phase={phase} />
      </h2>
      <p className="small muted">
        {t('surveyAdmin.window', { opensOn: survey.opensOn, closesOn: survey.closesOn })} · {t('surveyAdmin.codeCounts', { issued: entry.codesIssued, used: entry.codesUsed })}
      </p>
      <SurveySettingsForm surveyId={survey.id} initial={{ title: survey.title, opensOn: survey.opensOn, closesOn: survey.closesOn }} opensFixed={phase !== 'notOpen'} />
      <h3>{t('surveyAdmin.questions')}</h3>
      {editable ? (
        <QuestionEditor surveyId={survey.id} likert={likert.map((q) => q.text)} freeText={text?.text ?? ''} />
      ) : (
        <>
          <p className="small muted">{t('surveyAdmin.questionsLocked')}</p>
          <ol className="question-list">
            {questions.map((q) => (
              <li key={q.id}>
                {q.text}
                {q.isOverall && <span className="badge s-submitted"> {t('surveyAdmin.overallBadge')}</span>}
                {q.kind === 'text' && <span className="badge s-none"> {t('surveyAdmin.freeTextBadge')}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

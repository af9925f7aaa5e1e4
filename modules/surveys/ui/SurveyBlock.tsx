// Survey results of the school for one year (§4, §7), when they exist. Figures and the anonymity
// floor come from schoolSurveyResults (modules/surveys/data/results.ts → modules/surveys/domain/satisfaction.ts).
import { getTranslations } from 'next-intl/server';
import { pct } from '@/core/ui/format';
import { DATA_DIGITS, shownText } from '@/core/domain/rounding';
import type { Scope } from '@/core/scope';
import { schoolSurveyResults } from '@/modules/surveys/data/results';
import { SURVEY_GROUPS } from '@/core/domain/types';

export async function SurveyBlock({ scope, schoolId, year }: { scope: Scope; schoolId: string; year: number }) {
  const [t, r] = await Promise.all([getTranslations(), schoolSurveyResults(scope, schoolId, year)]);
  const any = SURVEY_GROUPS.some((g) => r.surveys[g] !== null);
  return (
    <section className="card" data-testid={`survey-${year}`}>
      <h3>{t('common.year', { year })}</h3>
      {!any ? (
        <p className="muted">{t('evaluatorProfile.noSurvey')}</p>
      ) : (
        <>
          <ul>
            {SURVEY_GROUPS.map((g) => {
              const f = r.groups[g];
              return (
                <li key={g}>
                  {t(`evaluatorProfile.group.${g}`)}：
                  {!f || !f.visible
                    ? t('evaluatorProfile.hidden', { floor: r.anonymityFloor })
                    : `${t('evaluatorProfile.rate')} ${pct(f.satisfactionRate)} · ${t('evaluatorProfile.mean')} ${shownText(f.meanScore, DATA_DIGITS) ?? '—'} · ${t('evaluatorProfile.responses', { n: f.responses ?? 0 })}${f.valid ? '' : ` · ${t('evaluatorProfile.notValid', { min: r.minResponses })}`}`}
                </li>
              );
            })}
          </ul>
          <p>
            {t('evaluatorProfile.combined')}：<strong>{pct(r.combined)}</strong>
          </p>
        </>
      )}
    </section>
  );
}

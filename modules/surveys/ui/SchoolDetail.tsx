// One school's results: per group the figures, the mean and distribution per question, and —
// for evaluators only — the free texts (DESIGN §7).
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { SchoolSurveyResults } from '@/modules/surveys/data/results';
import { SURVEY_GROUPS } from '@/core/domain/types';
import { num, rate, Validity } from './Figures';

export async function SchoolDetail({ d }: { d: SchoolSurveyResults }) {
  const t = await getTranslations();
  return (
    <section className="card" id="school" data-testid="school-detail">
      <h2>
        {d.school.code} {d.school.name} · {t('surveyResults.combined')} {rate(d.combined)}
      </h2>
      <p className="small">
        <Link href={`/review/surveys?year=${d.year}`}>{t('surveyResults.closeDetail')}</Link>
      </p>
      <div className="grid-2">
        {SURVEY_GROUPS.map((g) => {
          const survey = d.surveys[g];
          const f = d.groups[g];
          return (
            <div key={g} data-group={g}>
              <h3>
                {t(`surveyCommon.group.${g}`)} <Validity g={f} />
              </h3>
              {!survey || !f ? (
                <p className="muted">{t('surveyResults.noSurvey')}</p>
              ) : !f.visible ? (
                <p className="muted">{t('surveyResults.hiddenExplain', { floor: d.anonymityFloor })}</p>
              ) : (
                <>
                  <p>
                    {t('surveyResults.responses')} {f.responses} · {t('surveyResults.rate')} {rate(f.satisfactionRate)} · {t('surveyResults.mean')} {num(f.meanScore)}
                  </p>
                  <div className="table-wrap">
                    <table>
                      <thead>
                        <tr>
                          <th>{t('surveyResults.question')}</th>
                          <th className="num">{t('surveyResults.mean')}</th>
                          <th>{t('surveyResults.distribution')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {survey.questions.map((q, i) => (
                          <tr key={q.id}>
                            <td>
                              {i + 1}. {q.text}
                            </td>
                            <td className="num">{num(f.questionMeans?.[q.id])}</td>
                            <td className="small">{f.distribution?.[q.id]?.join(' / ') ?? '—'}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </>
              )}
              {d.freeTexts && f?.visible && (
                <>
                  <h4>{t('surveyResults.freeTexts')}</h4>
                  {d.freeTexts[g].length === 0 ? (
                    <p className="muted small">{t('surveyResults.noFreeTexts')}</p>
                  ) : (
                    <ul data-testid={`free-texts-${g}`}>
                      {d.freeTexts[g].map((text, i) => (
                        <li key={i}>{text}</li>
                      ))}
                    </ul>
                  )}
                </>
              )}
            </div>
          );
        })}
      </div>
      <p className="small muted">{t('surveyResults.distributionHint')}</p>
    </section>
  );
}

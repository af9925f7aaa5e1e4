import '@/modules/reports/ui/review.css';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { UrgeHistory } from '@/modules/reminders/ui/UrgeHistory';
import { ReportStateBadge } from '@/core/ui/StatusBadge';
import { pct, scoreText } from '@/core/ui/format';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { schoolProfile } from '@/modules/dashboard/data/profile';
import { SurveyBlock } from '@/modules/surveys/ui/SurveyBlock';
import { SchoolTrendChart } from '@/modules/dashboard/ui/charts/lazy';
import { found } from '@/core/found';

export const dynamic = 'force-dynamic';

export default async function SchoolProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requirePageScope(['evaluator', 'leader']);
  const { id } = await params;
  const data = await found(schoolProfile(scope, id));
  const t = await getTranslations();
  const s = data.school;
  const year = thisQuarter().year;
  return (
    <AppShell scope={scope}>
      <h1>
        {s.code} {s.name}
      </h1>
      <p className="muted">
        {t(`schoolTypes.${s.type}`)} · {data.zone ?? t('evaluatorQueue.noZone')}
      </p>
      <h2>{t('evaluatorProfile.years')}</h2>
      <div className="table-wrap">
        <table data-testid="profile-years">
          <thead>
            <tr>
              <th>{t('evaluatorProfile.year')}</th>
              <th className="num">{t('evaluatorProfile.obligations')}</th>
              <th className="num">{t('common.coverage')}</th>
              <th className="num">{t('common.timeliness')}</th>
              <th className="num">{t('evaluatorProfile.reportOnTimeRate')}</th>
              <th className="num">{t('evaluatorQueue.score')}</th>
              <th>{t('documents.summary.link')}</th>
            </tr>
          </thead>
          <tbody>
            {data.years.map((y) => (
              <tr key={y.year}>
                <th scope="row">
                  <Link href={`/review/matrix?year=${y.year}`}>{y.year}</Link>
                  {y.inProgress && <div className="small muted">{t('evaluatorProfile.inProgress', { count: y.tally.notYetDue })}</div>}
                </th>
                <td className="num">
                  {y.tally.met}/{y.tally.obligations}
                </td>
                <td className="num">{pct(y.coverage)}</td>
                <td className="num">{pct(y.timeliness)}</td>
                <td className="num">{typeof y.reportOnTime === 'number' ? pct(y.reportOnTime) : '—'}</td>
                <td className="num" data-testid={`year-score-${y.year}`}>
                  {scoreText(y.evaluatorScore)}
                </td>
                <td>
                  <Link href={`/review/schools/${s.id}/summary?year=${y.year}`} data-testid={`summary-${y.year}`}>
                    {t('documents.summary.link')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('evaluatorProfile.trend')}</h2>
      <SchoolTrendChart
        points={data.quarters.map((q) => ({
          label: q.inProgress ? t('evaluatorProfile.inProgressLabel', { label: q.label }) : q.label,
          coverage: q.coverage,
          timeliness: q.timeliness,
          score: q.evaluatorScore,
        }))}
        labels={{ coverage: t('common.coverage'), timeliness: t('common.timeliness'), score: t('evaluatorQueue.score'), title: t('evaluatorProfile.trend') }}
      />
      <div className="table-wrap">
        <table data-testid="profile-quarters">
          <thead>
            <tr>
              <th>{t('evaluatorQueue.quarter')}</th>
              <th className="num">{t('common.coverage')}</th>
              <th className="num">{t('common.timeliness')}</th>
              <th>{t('common.state')}</th>
              <th className="num">{t('evaluatorQueue.score')}</th>
            </tr>
          </thead>
          <tbody>
            {[...data.quarters].reverse().map((q) => (
              <tr key={q.label}>
                <th scope="row">
                  {t('common.quarter', { year: q.year, quarter: q.quarter })}
                  {q.inProgress && <div className="small muted">{t('evaluatorProfile.inProgress', { count: q.notYetDue })}</div>}
                </th>
                <td className="num">{pct(q.coverage)}</td>
                <td className="num">{pct(q.timeliness)}</td>
                <td>
                  {q.reportId ? (
                    <Link href={`/review/reports/${q.reportId}`}>
                      <ReportStateBadge state={q.reportState} />
                    </Link>
                  ) : (
                    <ReportStateBadge state="none" />
                  )}
                </td>
                <td className="num">{scoreText(q.evaluatorScore)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('evaluatorProfile.findings')}</h2>
      {data.findings.length === 0 ? (
        <p className="muted">{t('evaluatorFindings.none')}</p>
      ) : (
        <ul className="disclosures">
          {data.findings.map((f) => (
            <li key={f.id} className={f.overdue ? 'overdue-row' : undefined}>
              <span className={`badge sev-${f.severity}`}>{t(`evaluatorFindings.severities.${f.severity}`)}</span> <Link href={`/review/findings/${f.id}`}>{f.title}</Link> ·{' '}
              {t(`evaluatorFindings.statuses.${f.status}`)} · {t('evaluatorFindings.dueOn')} {f.dueOn}
              {f.overdue && <span className="badge s-overdue"> {t('evaluatorQueue.overdue')}</span>}
            </li>
          ))}
        </ul>
      )}
      <UrgeHistory scope={scope} schoolId={s.id} canUrge={scope.role === 'evaluator'} />
      <h2>{t('evaluatorProfile.surveys')}</h2>
      <div className="grid-2">
        <SurveyBlock scope={scope} schoolId={s.id} year={year - 1} />
        <SurveyBlock scope={scope} schoolId={s.id} year={year} />
      </div>
    </AppShell>
  );
}

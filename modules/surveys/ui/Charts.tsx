'use client';
// District charts (recharts): the answer distribution per question of each survey, and 满意率
// by zone. Figures arrive computed (modules/surveys/domain/results); hidden school-groups are not in them.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslations } from 'next-intl';
import type { SurveyGroup } from '@/core/domain/types';
import { shownText } from '@/core/domain/rounding';

export interface DistributionChartData {
  group: SurveyGroup;
  questions: { label: string; text: string; counts: [number, number, number, number, number] | null }[];
}

export interface ZoneChartRow {
  zone: string;
  teachers: number | null;
  parents: number | null;
}

const LIKERT_COLORS = ['#b91c1c', '#f97316', '#94a3b8', '#4ade80', '#15803d'];
const GROUP_COLORS: Record<SurveyGroup, string> = { teachers: '#1d4ed8', parents: '#c2410c' };

export function DistributionChart({ data }: { data: DistributionChartData }) {
  const t = useTranslations('surveyResults');
  const tc = useTranslations('surveyCommon');
  const tl = useTranslations('surveyPublic.likert');
  const rows = data.questions
    .filter((q) => q.counts)
    .map((q) => {
      const c = q.counts!;
      const total = c.reduce((a, b) => a + b, 0) || 1;
      return { label: q.label, text: q.text, v1: c[0] / total, v2: c[1] / total, v3: c[2] / total, v4: c[3] / total, v5: c[4] / total, counts: c };
    });
  if (rows.length === 0) return <p className="muted">{t('noFigures')}</p>;
  return (
    <figure className="card" aria-label={t('distributionTitle', { group: tc(`group.${data.group}`) })} data-testid={`distribution-${data.group}`}>
      <figcaption>
        <strong>{t('distributionTitle', { group: tc(`group.${data.group}`) })}</strong>
      </figcaption>
      <div style={{ width: '100%', height: 60 + rows.length * 44 }}>
        <ResponsiveContainer>
          <BarChart data={rows} layout="vertical" stackOffset="expand" margin={{ left: 8, right: 16 }}>
            <CartesianGrid horizontal={false} />
            <XAxis type="number" tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
            <YAxis type="category" dataKey="label" width={40} />
            <Tooltip formatter={(value, name) => [`${Math.round(Number(value) * 1000) / 10}%`, String(name)]} labelFormatter={(label) => rows.find((r) => r.label === label)?.text ?? String(label)} />
            <Legend itemSorter={null} />
            {(['1', '2', '3', '4', '5'] as const).map((v, i) => (
              <Bar key={v} dataKey={`v${v}`} name={tl(v)} stackId="a" fill={LIKERT_COLORS[i]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>{t('showData')}</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('question')}</th>
                {(['1', '2', '3', '4', '5'] as const).map((v) => (
                  <th key={v} className="num">
                    {tl(v)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <td>
                    {r.label} {r.text}
                  </td>
                  {r.counts.map((n, i) => (
                    <td key={i} className="num">
                      {n}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

export function ZoneChart({ rows }: { rows: ZoneChartRow[] }) {
  const t = useTranslations('surveyResults');
  const tc = useTranslations('surveyCommon');
  if (rows.length === 0) return null;
  return (
    <figure className="card" aria-label={t('zoneChartTitle')} data-testid="zone-chart">
      <figcaption>
        <strong>{t('zoneChartTitle')}</strong>
      </figcaption>
      <div style={{ width: '100%', height: 300 }}>
        <ResponsiveContainer>
          <BarChart data={rows} margin={{ left: 0, right: 16 }}>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="zone" />
            <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} />
            <Tooltip formatter={(value, name) => [value === null || value === undefined ? '—' : `${shownText(Number(value))}%`, String(name)]} />
            <Legend itemSorter={null} />
            {(['teachers', 'parents'] as const).map((g) => (
              <Bar key={g} dataKey={g} name={tc(`group.${g}`)} fill={GROUP_COLORS[g]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

'use client';
// Coverage, timeliness and evaluator score per quarter (recharts). The numbers arrive computed;
// the same figures are listed in the table under the chart for screen readers and print.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { shownText } from '@/core/domain/rounding';

export interface TrendPoint {
  label: string;
  coverage: number | null;
  timeliness: number | null;
  score: number | null;
}

export function TrendChart({ points, labels }: { points: TrendPoint[]; labels: { coverage: string; timeliness: string; score: string; title: string } }) {
  return (
    <figure className="chart" aria-label={labels.title}>
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={points} margin={{ top: 10, right: 20, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis domain={[0, 100]} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? (shownText(v) ?? '—') : '—')} />
          <Legend />
          <Line type="monotone" dataKey="coverage" name={labels.coverage} stroke="#15803d" strokeWidth={2} connectNulls isAnimationActive={false} />
          <Line type="monotone" dataKey="timeliness" name={labels.timeliness} stroke="#1d4ed8" strokeWidth={2} strokeDasharray="6 3" connectNulls isAnimationActive={false} />
          <Line type="monotone" dataKey="score" name={labels.score} stroke="#c2410c" strokeWidth={2} strokeDasharray="2 2" connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

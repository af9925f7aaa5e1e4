'use client';
// Quarter-by-quarter trend of coverage, timeliness, report completeness and on-time rate (§4).
// Clicking a quarter opens the coverage matrix of that quarter.
import { useRouter } from 'next/navigation';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { shownText } from '@/core/domain/rounding';
import { CHART_HEIGHT, COLORS, DASHES, TICK } from './theme';

export interface TrendPoint {
  label: string;
  href: string;
  coverage: number | null;
  timeliness: number | null;
  reportCompleteness: number | null;
  reportOnTime: number | null;
}

const SERIES = ['coverage', 'timeliness', 'reportCompleteness', 'reportOnTime'] as const;

export function TrendChart({ data, names, label }: { data: TrendPoint[]; names: Record<(typeof SERIES)[number], string>; label: string }) {
  const router = useRouter();
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <LineChart
        data={data}
        margin={{ top: 10, right: 20, bottom: 5, left: 0 }}
        title={label}
        onClick={(e) => {
          const i = Number(e?.activeIndex);
          if (Number.isInteger(i) && data[i]) router.push(data[i].href);
        }}
        style={{ cursor: 'pointer' }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={TICK} />
        <YAxis domain={[0, 100]} tick={TICK} unit="%" width={60} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? `${shownText(v)}%` : '—')} />
        <Legend wrapperStyle={{ fontSize: 15 }} />
        {SERIES.map((k, i) => (
          <Line key={k} type="monotone" dataKey={k} name={names[k]} stroke={COLORS[i]} strokeWidth={3} strokeDasharray={DASHES[i]} dot={{ r: 5 }} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

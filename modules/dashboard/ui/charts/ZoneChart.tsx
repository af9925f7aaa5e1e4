'use client';
// Zones side by side: coverage, timeliness, mean 满意率 and mean composite (§4, §6). Clicking a
// zone opens the ranking of that zone's schools.
import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DATA_DIGITS, shownText } from '@/core/domain/rounding';
import { CHART_HEIGHT, COLORS, TICK } from './theme';

export interface ZonePoint {
  label: string;
  href: string;
  coverage: number | null;
  timeliness: number | null;
  satisfaction: number | null;
  composite: number | null;
}

const SERIES = ['coverage', 'timeliness', 'satisfaction', 'composite'] as const;

export function ZoneChart({ data, names, label }: { data: ZonePoint[]; names: Record<(typeof SERIES)[number], string>; label: string }) {
  const router = useRouter();
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <BarChart
        data={data}
        margin={{ top: 10, right: 20, bottom: 5, left: 0 }}
        title={label}
        onClick={(e) => {
          const i = Number(e?.activeIndex);
          if (Number.isInteger(i) && data[i]) router.push(data[i].href);
        }}
        style={{ cursor: 'pointer' }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={TICK} />
        <YAxis domain={[0, 100]} tick={TICK} width={50} />
        <Tooltip formatter={(v, _name, item) => (typeof v !== 'number' ? '—' : item?.dataKey === 'composite' ? shownText(v, DATA_DIGITS) : `${shownText(v)}%`)} />
        <Legend wrapperStyle={{ fontSize: 15 }} />
        {SERIES.map((k, i) => (
          <Bar key={k} dataKey={k} name={names[k]} fill={COLORS[i]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

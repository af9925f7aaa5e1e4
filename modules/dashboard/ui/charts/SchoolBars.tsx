'use client';
// Horizontal bars of one figure per school (top/bottom composites, distribution bands, rank
// movement). Clicking a bar drills down to where it points (a school profile, a band's list).
import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { TICK } from './theme';

export interface BarPoint {
  label: string;
  value: number;
  href: string;
  color: string;
}

export function SchoolBars({
  data,
  name,
  label,
  domain,
  vertical = true,
  decimals = 2,
}: {
  data: BarPoint[];
  name: string;
  label: string;
  domain?: [number, number];
  vertical?: boolean;
  decimals?: number;
}) {
  const router = useRouter();
  const height = vertical ? Math.max(160, 38 * data.length + 40) : 320;
  const fmt = (v: unknown) => (typeof v === 'number' ? v.toFixed(decimals) : '');
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={data}
        layout={vertical ? 'vertical' : 'horizontal'}
        margin={{ top: 5, right: 48, bottom: 5, left: 5 }}
        title={label}
        onClick={(e) => {
          const i = Number(e?.activeIndex);
          if (Number.isInteger(i) && data[i]) router.push(data[i].href);
        }}
        style={{ cursor: 'pointer' }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={!vertical} vertical={vertical} />
        {vertical ? (
          <>
            <XAxis type="number" domain={domain ?? ['auto', 'auto']} tick={TICK} />
            <YAxis type="category" dataKey="label" tick={TICK} width={190} interval={0} />
          </>
        ) : (
          <>
            <XAxis type="category" dataKey="label" tick={TICK} interval={0} />
            <YAxis type="number" domain={domain ?? ['auto', 'auto']} tick={TICK} allowDecimals={decimals > 0} width={40} />
          </>
        )}
        <ReferenceLine {...(vertical ? { x: 0 } : { y: 0 })} stroke="#1d2433" />
        <Tooltip formatter={(v) => fmt(v)} />
        <Bar dataKey="value" name={name} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.label} fill={d.color} />
          ))}
          <LabelList dataKey="value" position={vertical ? 'right' : 'top'} formatter={fmt} style={{ fontSize: 15, fill: '#1d2433' }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

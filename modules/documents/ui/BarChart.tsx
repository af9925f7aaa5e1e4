// A grouped bar chart of percentages drawn as plain SVG on the server (issue 17 print pages): the
// overview's zone and trend charts in a form that prints at any size without JavaScript. The same
// figures stand in the table beside it, so the chart is an image for the eye only.
import type { Chart } from '@/modules/documents/domain/model';
import styles from './documents.module.css';

const COLORS = ['#c2410c', '#1d4ed8', '#15803d', '#7c3aed'];
const PATTERNS = ['', 'url(#hatch1)', 'url(#hatch2)', 'url(#hatch3)'];
const W = 640;
const H = 250;
const PAD = { top: 14, right: 10, bottom: 56, left: 38 };

export function BarChart({ chart, id }: { chart: Chart; id: string }) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const groups = Math.max(1, chart.categories.length);
  const groupW = plotW / groups;
  const n = Math.max(1, chart.series.length);
  const barW = Math.min(28, (groupW * 0.8) / n);
  const y = (v: number) => PAD.top + plotH - (Math.max(0, Math.min(100, v)) / 100) * plotH;
  return (
    <figure className={styles.chart}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t`} xmlns="http://www.w3.org/2000/svg">
        <title id={`${id}-t`}>{chart.title}</title>
        <defs>
          {[1, 2, 3].map((i) => (
            <pattern key={i} id={`hatch${i}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform={`rotate(${i * 45})`}>
              <rect width="6" height="6" fill={COLORS[i]} />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth={i === 2 ? 0 : 1.5} />
            </pattern>
          ))}
        </defs>
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#d4d8de" strokeDasharray={v ? '3 3' : undefined} />
            <text x={PAD.left - 6} y={y(v) + 4} fontSize="11" textAnchor="end" fill="#333">
              {v}
            </text>
          </g>
        ))}
        {chart.categories.map((c, gi) => {
          const x0 = PAD.left + gi * groupW + (groupW - barW * n) / 2;
          return (
            <g key={c}>
              {chart.series.map((s, si) => {
                const v = s.values[gi];
                if (v === null || v === undefined) return null;
                return (
                  <rect
                    key={s.name}
                    x={x0 + si * barW}
                    y={y(v)}
                    width={barW - 2}
                    height={Math.max(0, y(0) - y(v))}
                    fill={PATTERNS[si] || COLORS[si % COLORS.length]}
                    stroke={COLORS[si % COLORS.length]}
                  />
                );
              })}
              <text x={PAD.left + gi * groupW + groupW / 2} y={H - PAD.bottom + 16} fontSize="12" textAnchor="middle" fill="#111">
                {c}
              </text>
            </g>
          );
        })}
        {chart.series.map((s, si) => (
          <g key={s.name} transform={`translate(${PAD.left + si * (plotW / n)}, ${H - 18})`}>
            <rect width="12" height="12" y="-10" fill={PATTERNS[si] || COLORS[si % COLORS.length]} stroke={COLORS[si % COLORS.length]} />
            <text x="16" fontSize="12" fill="#111">
              {s.name}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className={styles.caption}>{chart.title}</figcaption>
    </figure>
  );
}

'use client';
// The overview's charts, loaded only where shown and after the figures: recharts is fetched once the
// page (its figures and data tables) is in place, in the charts' own chunk, behind a placeholder of
// the chart's size so nothing moves when it arrives.
import dynamic from 'next/dynamic';
import { CHART_HEIGHT } from './theme';

function Placeholder() {
  return <div style={{ width: '100%', height: CHART_HEIGHT }} aria-hidden="true" />;
}

export const TrendChart = dynamic(() => import('./TrendChart').then((m) => m.TrendChart), { ssr: false, loading: Placeholder });
export const ZoneChart = dynamic(() => import('./ZoneChart').then((m) => m.ZoneChart), { ssr: false, loading: Placeholder });
export const SchoolBars = dynamic(() => import('./SchoolBars').then((m) => m.SchoolBars), { ssr: false, loading: Placeholder });
export const SchoolTrendChart = dynamic(() => import('../SchoolTrendChart').then((m) => m.TrendChart), {
  ssr: false,
  loading: () => <div style={{ width: '100%', height: 280 }} aria-hidden="true" />,
});

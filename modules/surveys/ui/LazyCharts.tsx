'use client';
// The survey charts, loaded only where shown and after the figures (recharts in its own chunk),
// behind a placeholder of about the chart's size.
import dynamic from 'next/dynamic';

function Placeholder() {
  return <div style={{ width: '100%', height: 300 }} aria-hidden="true" />;
}

export const DistributionChart = dynamic(() => import('./Charts').then((m) => m.DistributionChart), { ssr: false, loading: Placeholder });
export const ZoneChart = dynamic(() => import('./Charts').then((m) => m.ZoneChart), { ssr: false, loading: Placeholder });

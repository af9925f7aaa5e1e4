// Chart styling for the projector: large ticks, thick lines, colours that survive a washed-out
// beamer and are told apart without colour too (each series also has its own dash/shape).
export const COLORS = ['#c2410c', '#1d4ed8', '#15803d', '#7c3aed'] as const;
export const DASHES = ['0', '8 4', '3 3', '12 4 3 4'] as const;
export const TICK = { fontSize: 15, fill: '#1d2433' } as const;
export const CHART_HEIGHT = 320;
export const GOOD = '#15803d';
export const BAD = '#b91c1c';
export const NEUTRAL = '#475569';

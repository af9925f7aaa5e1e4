// Public API of the pure domain core (DESIGN.md §2–§7). No I/O, no framework imports.
export * from './types';
export * from './dates';
export * from './periods';
export * from './obligations';
export * from './status';
export * from './metrics';
export * from './scores';
export * from './reports';
export * from './satisfaction';
export * from './eligibility';
export * from './ranking';
export * from './workingDays';

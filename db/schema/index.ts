export * from './tenancy';
export * from './auth';
export * from './checklist';
export * from './reports';
export * from './findings';
export * from './surveys';
export * from './ranking';
export * from './audit';

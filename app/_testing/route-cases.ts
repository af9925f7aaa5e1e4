// One entry per route handler (app/**/route.ts, per exported method) for the fuzzer (issue 8).
// The fuzz test fails when a handler exists without an entry here. Isolation of the same routes
// over HTTP, as every role, is e2e/isolation-matrix.spec.ts.
export interface RouteCase {
  method: 'GET' | 'POST';
  /** A URL path to request (dynamic segments are passed as fuzzed params, not in the path). */
  path: string;
  /** The route's dynamic segment names. */
  params: string[];
  /** Query parameters the handler reads (the fuzzer also adds unknown ones). */
  query: string[];
  /** Who requests (a demo username; null = signed out). */
  fuzzAs: string | null;
  skipReason?: string;
}

const ADMIN = 'dongcheng.admin';
const EVAL = 'dongcheng.eval';
const COORD = 'dongcheng.dc01';

export const ROUTE_CASES: Record<string, RouteCase> = {
  'app/(admin)/admin/audit/export/route.ts#GET': { method: 'GET', path: '/admin/audit/export', params: [], query: ['from', 'to', 'user', 'entity', 'action', 'q'], fuzzAs: ADMIN },
  'app/(admin)/admin/checklist/export/route.ts#GET': { method: 'GET', path: '/admin/checklist/export', params: [], query: ['year', 'format', 'version'], fuzzAs: ADMIN },
  'app/(admin)/admin/import/[kind]/route.ts#POST': { method: 'POST', path: '/admin/import/schools', params: ['kind'], query: ['step'], fuzzAs: ADMIN },
  'app/(admin)/admin/import/[kind]/template/route.ts#GET': { method: 'GET', path: '/admin/import/schools/template', params: ['kind'], query: ['format'], fuzzAs: ADMIN },
  'app/(coordinator)/school/evidence/route.ts#POST': { method: 'POST', path: '/school/evidence', params: [], query: [], fuzzAs: COORD },
  'app/(coordinator)/school/summary/docx/route.ts#GET': { method: 'GET', path: '/school/summary/docx', params: [], query: ['year'], fuzzAs: COORD },
  'app/(evaluator)/review/documents/annual/docx/route.ts#GET': { method: 'GET', path: '/review/documents/annual/docx', params: [], query: ['year'], fuzzAs: 'dongcheng.leader' },
  'app/(evaluator)/review/documents/quarterly/docx/route.ts#GET': { method: 'GET', path: '/review/documents/quarterly/docx', params: [], query: ['year', 'quarter'], fuzzAs: EVAL },
  'app/(evaluator)/review/schools/[id]/summary/docx/route.ts#GET': { method: 'GET', path: '/review/schools/x/summary/docx', params: ['id'], query: ['year'], fuzzAs: EVAL },
  'app/(evaluator)/review/export/matrix/route.ts#GET': { method: 'GET', path: '/review/export/matrix', params: [], query: ['year', 'quarter', 'zone', 'type'], fuzzAs: EVAL },
  'app/(evaluator)/review/export/schools/route.ts#GET': { method: 'GET', path: '/review/export/schools', params: [], query: ['year', 'quarter', 'zone', 'type'], fuzzAs: EVAL },
  'app/(evaluator)/review/ranking/export/route.ts#GET': { method: 'GET', path: '/review/ranking/export', params: [], query: ['year', 'type', 'sort'], fuzzAs: EVAL },
  'app/(evaluator)/review/surveys/export/route.ts#GET': { method: 'GET', path: '/review/surveys/export', params: [], query: ['year', 'zone', 'type'], fuzzAs: EVAL },
  'app/(platform)/platform/templates/[id]/export/route.ts#GET': { method: 'GET', path: '/platform/templates/x/export', params: ['id'], query: ['format'], fuzzAs: 'platform' },
  'app/api/auth/[...nextauth]/route.ts#GET': {
    method: 'GET',
    path: '/api/auth/session',
    params: ['nextauth'],
    query: [],
    fuzzAs: null,
    skipReason: 'next-auth’s own handler; the credentials check behind it and hostile callback URLs (our 400 in front of it) are fuzzed below',
  },
  'app/api/auth/[...nextauth]/route.ts#POST': {
    method: 'POST',
    path: '/api/auth/callback/credentials',
    params: ['nextauth'],
    query: [],
    fuzzAs: null,
    skipReason: 'next-auth’s own handler; the credentials check behind it and hostile callback URLs (our 400 in front of it) are fuzzed below',
  },
  'app/api/health/route.ts#GET': { method: 'GET', path: '/api/health', params: [], query: [], fuzzAs: null },
  'app/api/v1/checklist/route.ts#GET': { method: 'GET', path: '/api/v1/checklist', params: [], query: ['year'], fuzzAs: EVAL },
  'app/api/v1/disclosures/route.ts#GET': { method: 'GET', path: '/api/v1/disclosures', params: [], query: ['year', 'quarter', 'school'], fuzzAs: EVAL },
  'app/api/v1/events/route.ts#GET': { method: 'GET', path: '/api/v1/events', params: [], query: ['year', 'school'], fuzzAs: EVAL },
  'app/api/v1/metrics/schools/route.ts#GET': { method: 'GET', path: '/api/v1/metrics/schools', params: [], query: ['year', 'quarter'], fuzzAs: EVAL },
  'app/api/v1/province/rankings/route.ts#GET': { method: 'GET', path: '/api/v1/province/rankings', params: [], query: ['year', 'district', 'type', 'page'], fuzzAs: 'platform' },
  'app/api/v1/rankings/route.ts#GET': { method: 'GET', path: '/api/v1/rankings', params: [], query: ['year'], fuzzAs: 'dongcheng.leader' },
  'app/api/v1/surveys/results/route.ts#GET': { method: 'GET', path: '/api/v1/surveys/results', params: [], query: ['year', 'school'], fuzzAs: EVAL },
  'app/files/[id]/route.ts#GET': { method: 'GET', path: '/files/x', params: ['id'], query: ['download'], fuzzAs: COORD },
  'app/p/[district]/[school]/files/[id]/route.ts#GET': { method: 'GET', path: '/p/x/y/files/z', params: ['district', 'school', 'id'], query: ['download'], fuzzAs: null },
};

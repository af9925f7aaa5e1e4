// The messages sent to the browser: each part of the app passes its client components only the
// namespaces they use (next-intl `NextIntlClientProvider messages`), never the whole catalogue —
// the public pages carry no admin or coordinator texts. Providers do not merge, so every set
// includes the shared core namespaces.
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

/** Core namespaces every client component may use (buttons, form errors, statuses). */
export const CORE_CLIENT_NAMESPACES = ['common', 'validation', 'errors', 'locale', 'status', 'statusSymbol', 'reportState'] as const;

const AREAS = {
  root: [],
  login: ['login'],
  account: ['account', 'adminForm', 'apiTokens', 'reminders', 'reminderText'],
  publicSchool: ['coordEvidence.image'],
  publicNotice: ['notice'],
  publicSurvey: ['surveyPublic', 'surveyCommon', 'surveyErrors'],
  admin: [
    'admin',
    'adminAudit',
    'adminChecklist',
    'adminForm',
    'adminHolidays',
    'adminImport',
    'adminSchools',
    'adminUsers',
    'adminZones',
    'checklistLabels',
    'platformTemplates',
    'surveyAdmin',
    'surveyCodes',
    'surveySlip',
    'surveyCommon',
    'surveyErrors',
    'surveyPublic',
    'surveyResults',
    'reminders',
    'reminderText',
    'documents',
    'coordDraft',
    'ranking',
    'rankingWorkflow',
    'notice',
    'apiTokens',
    'account',
    'schoolTypes',
    'roles',
    'facts',
  ],
  platform: [
    'platform',
    'platformTemplates',
    'province',
    'adminChecklist',
    'checklistLabels',
    'adminForm',
    'adminSchools',
    'adminUsers',
    'admin',
    'coordDraft',
    'schoolTypes',
    'roles',
    'ranking',
    'facts',
  ],
  coordinator: [
    'coordinator',
    'coordDisclosure',
    'coordEvidence',
    'coordDraft',
    'coordEvents',
    'coordFindings',
    'coordPublic',
    'coordQuarter',
    'coordReport',
    'coordHistory',
    'coordTerms',
    'coordValidation',
    'documents',
    'reminders',
    'reminderText',
    'surveyCommon',
    'surveyErrors',
    'surveyResults',
    'surveyPublic',
    'surveyCodes',
    'surveySlip',
    'ranking',
    'rankingWorkflow',
    'notice',
    'facts',
  ],
  evaluator: [
    'evaluator',
    'report',
    'evaluatorMatrix',
    'evaluatorProfile',
    'evaluatorExport',
    'evaluatorFindings',
    'evaluatorQueue',
    'evaluatorReport',
    'evaluatorWork',
    'apiTokens',
    'ranking',
    'rankingWorkflow',
    'rankingExport',
    'notice',
    'reminders',
    'reminderText',
    'documents',
    'surveyCommon',
    'surveyErrors',
    'surveyResults',
    'surveyPublic',
    'coordDraft',
    'coordEvidence',
    'coordValidation',
    'coordFindings',
    'coordReport',
    'facts',
    'province',
    'schoolTypes',
  ],
  leadership: [
    'dashboard',
    'report',
    'ranking',
    'rankingWorkflow',
    'rankingExport',
    'notice',
    'surveyCommon',
    'surveyErrors',
    'surveyResults',
    'surveyPublic',
    'evaluatorMatrix',
    'evaluatorProfile',
    'reminders',
    'reminderText',
    'documents',
    'coordDraft',
    'facts',
    'schoolTypes',
  ],
} as const;

export type MessageArea = keyof typeof AREAS;

export function clientNamespaces(area: MessageArea): string[] {
  return [...CORE_CLIENT_NAMESPACES, ...AREAS[area]];
}

type Tree = { [key: string]: string | Tree };

/** The messages under the given paths (`ns` or `ns.key`), in their places. */
function pick(all: Tree, paths: string[]): Tree {
  const out: Tree = {};
  for (const path of paths) {
    const keys = path.split('.');
    let from: string | Tree | undefined = all;
    for (const k of keys) from = typeof from === 'object' ? from[k] : undefined;
    if (from === undefined) continue;
    let to = out;
    for (const k of keys.slice(0, -1)) to = (typeof to[k] === 'object' ? to[k] : (to[k] = {})) as Tree;
    to[keys.at(-1)!] = from;
  }
  return out;
}

export async function ClientMessages({ area, children }: { area: MessageArea; children: React.ReactNode }) {
  const messages = pick((await getMessages()) as Tree, clientNamespaces(area));
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}

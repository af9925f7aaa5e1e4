'use server';
// Saving the narrative texts of the generated documents (issue 17). Who may run:
// - saveSchoolSummaryAction: coordinators, for their own school (the school comes from the session;
//   ids in the payload are ignored);
// - saveDistrictTextsAction: evaluators of the whole district (leaders read only, DESIGN §1).
// Thin: parse (one zod schema per document kind), one data call (version checked, audited), revalidate.
import { revalidatePath } from 'next/cache';
import { getScope } from '@/core/auth/session';
import { fieldMessages } from '@/core/forms/fields';
import { asFormData, formDataObject, versionOf } from '@/core/forms/form';
import { AppError, type Scope } from '@/core/scope';
import type { NarrativeTexts } from '@/modules/documents/domain/narrative';
import { NARRATIVE_FIELDS, type DocumentKind } from '@/modules/documents/domain/narrative';
import { saveDistrictTexts } from '@/modules/documents/data/district-documents';
import { saveSchoolSummaryTexts } from '@/modules/documents/data/school-documents';
import type { SaveTextsResult } from '@/modules/documents/data/texts';
import { quarterOf, textsSchema, yearOf } from '@/modules/documents/validation/texts';
import type { TextsState } from '@/modules/documents/ui/state';

function typed(kind: DocumentKind, raw: Record<string, string>): NarrativeTexts {
  const out: NarrativeTexts = {};
  for (const f of NARRATIVE_FIELDS[kind]) out[f.name] = raw[f.name] ?? '';
  return out;
}

async function run(
  kind: DocumentKind,
  fd: unknown,
  save: (scope: Scope, year: number, quarter: 1 | 2 | 3 | 4 | null, version: number, texts: NarrativeTexts) => Promise<SaveTextsResult>,
): Promise<TextsState> {
  const raw = formDataObject(asFormData(fd));
  const values = typed(kind, raw);
  const scope = await getScope();
  if (!scope || scope.mustChangePassword) return { status: 'forbidden', values };
  const year = yearOf(raw.year);
  if (year === null) return { status: 'notFound', values };
  const parsed = textsSchema(kind).safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldMessages(parsed.error), values };
  try {
    const r = await save(scope, year, quarterOf(raw.quarter), versionOf(raw.version), parsed.data);
    if (!r.ok) return { status: 'stale', current: r.current, currentVersion: r.currentVersion, values };
    return { status: 'saved', version: r.version };
  } catch (e) {
    if (e instanceof AppError) return { status: e.code === 'notFound' ? 'notFound' : e.code === 'forbidden' ? 'forbidden' : 'error', values };
    console.error('[documents action]', e instanceof Error ? e.message : e);
    return { status: 'error', values };
  }
}

export async function saveSchoolSummaryAction(_prev: TextsState, fd: FormData): Promise<TextsState> {
  const state = await run('schoolSummary', fd, (scope, year, _q, version, texts) => saveSchoolSummaryTexts(scope, { year, version, texts }));
  if (state.status === 'saved') revalidatePath('/school/summary', 'layout');
  return state;
}

export async function saveDistrictTextsAction(_prev: TextsState, fd: FormData): Promise<TextsState> {
  const f = asFormData(fd);
  const kind = f.get('kind') === 'annual' ? 'districtAnnual' : 'districtQuarterly';
  const state = await run(kind, f, (scope, year, quarter, version, texts) => saveDistrictTexts(scope, { kind, year, quarter, version, texts }));
  if (state.status === 'saved') revalidatePath('/review/documents', 'layout');
  return state;
}

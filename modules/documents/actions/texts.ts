'use server';
// Saving the narrative texts of the generated documents (issue 17):
// - saveSchoolSummaryAction: coordinators, for their own school (the school comes from the session;
//   ids in the payload are ignored);
// - saveDistrictTextsAction: evaluators (the data layer refuses zone evaluators: the district's
//   documents are the whole district's); leaders read only (DESIGN §1).
// Thin: the texts validated per document kind, one data call (version checked, audited), revalidate.
import { revalidatePath } from 'next/cache';
import { notFound } from '@/core/errors';
import { fieldErrors } from '@/core/forms/field-errors';
import { versionOf } from '@/core/forms/read';
import { defineAction } from '@/core/guard';
import type { Scope } from '@/core/scope';
import { NARRATIVE_FIELDS, type DocumentKind, type NarrativeTexts } from '@/modules/documents/domain/narrative';
import { saveDistrictTexts } from '@/modules/documents/data/district-documents';
import { saveSchoolSummaryTexts } from '@/modules/documents/data/school-documents';
import type { SaveTextsResult } from '@/modules/documents/data/texts';
import { quarterOf, textsSchema, yearOf } from '@/modules/documents/validation/texts';
import type { TextsState } from '@/modules/documents/validation/states';

type Save = (scope: Scope, year: number, quarter: 1 | 2 | 3 | 4 | null, version: number, texts: NarrativeTexts) => Promise<SaveTextsResult>;

async function saveTexts(kind: DocumentKind, scope: Scope, raw: Record<string, string>, save: Save): Promise<TextsState> {
  const values: NarrativeTexts = {};
  for (const f of NARRATIVE_FIELDS[kind]) values[f.name] = raw[f.name] ?? '';
  const year = yearOf(raw.year) ?? notFound();
  const parsed = textsSchema(kind).safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrors(parsed.error), values };
  const r = await save(scope, year, quarterOf(raw.quarter), versionOf(raw.version), parsed.data);
  if (!r.ok) return { status: 'stale', current: r.current, currentVersion: r.currentVersion, values };
  return { status: 'saved', version: r.version };
}

export const saveSchoolSummaryAction = defineAction<Record<string, string | string[]>, TextsState>({ roles: ['coordinator'] }, async ({ scope, values }) => {
  const state = await saveTexts('schoolSummary', scope, values, (s, year, _q, version, texts) => saveSchoolSummaryTexts(s, { year, version, texts }));
  if (state.status === 'saved') revalidatePath('/school/summary', 'layout');
  return state;
});

export const saveDistrictTextsAction = defineAction<Record<string, string | string[]>, TextsState>({ roles: ['evaluator'] }, async ({ scope, values }) => {
  const kind = values.kind === 'annual' ? 'districtAnnual' : 'districtQuarterly';
  const state = await saveTexts(kind, scope, values, (s, year, quarter, version, texts) => saveDistrictTexts(s, { kind, year, quarter, version, texts }));
  if (state.status === 'saved') revalidatePath('/review/documents', 'layout');
  return state;
});

'use server';
// Disclosure form actions, on the coordinator's own school's disclosures only
// (modules/disclosures/data/disclosures checks the school, the entry window and the version, and
// validates the values against the obligation; the ids in the payload only name the record).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { versionOf } from '@/core/forms/read';
import { defineAction } from '@/core/guard';
import { createDisclosure, deleteDisclosure, updateDisclosure } from '@/modules/disclosures/data/disclosures';
import type { DeleteState, DisclosureFormState } from '@/modules/disclosures/validation/states';
import { quarterParam } from '@/core/domain/quarter-param';

const VALUE_KEYS = ['disclosedOn', 'channels', 'audience', 'summary', 'plannedOn', 'procurementAmount', 'procurementMethod'] as const;

export const saveDisclosureAction = defineAction<Record<string, string | string[]>, DisclosureFormState>({ roles: ['coordinator'], arrays: ['channels'] }, async ({ scope, input: f }) => {
  const str = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');
  const values: Record<string, unknown> = {};
  for (const k of VALUE_KEYS) values[k] = f[k];
  const result =
    str('mode') === 'new'
      ? await createDisclosure(scope, { id: str('id'), itemCode: str('itemCode'), periodKey: str('periodKey'), values })
      : await updateDisclosure(scope, { id: str('id'), version: versionOf(str('version')), values });
  if (!result.ok) return result.kind === 'invalid' ? { status: 'invalid', fieldErrors: result.fieldErrors } : { status: 'stale', current: result.current, currentVersion: result.currentVersion };
  revalidatePath('/school', 'layout');
  return { status: 'saved', id: result.id, version: result.version, warnings: result.warnings };
});

export const deleteDisclosureAction = defineAction<Record<string, string | string[]>, DeleteState>({ roles: ['coordinator'] }, async ({ scope, values }) => {
  const result = await deleteDisclosure(scope, { id: values.id ?? '', version: versionOf(values.version) });
  if (!result.ok) return { status: 'stale' };
  revalidatePath('/school', 'layout');
  redirect(`/school?q=${quarterParam(result.q)}&deleted=1`);
});

'use server';
// Disclosure form actions. Who may run: coordinators, on their own school's disclosures only
// (modules/disclosures/data/disclosures checks the school, the entry window and the version; the ids in the
// payload are never trusted beyond naming the record).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createDisclosure, deleteDisclosure, updateDisclosure } from '@/modules/disclosures/data/disclosures';
import { formFields } from '@/core/forms/fields';
import { asCoordinator } from '@/core/auth/coordinator-guard';
import { quarterParam } from '@/modules/obligations/ui/quarter-param';
import type { DisclosureFormState, Refusal } from '@/core/forms/states';
import { asFormData, versionOf } from '@/core/forms/form';

const VALUE_KEYS = ['disclosedOn', 'channels', 'audience', 'summary', 'plannedOn', 'procurementAmount', 'procurementMethod'] as const;

export async function saveDisclosureAction(_prev: DisclosureFormState, fd: FormData): Promise<DisclosureFormState> {
  fd = asFormData(fd);
  const f = formFields(fd, ['channels']);
  const str = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');
  const values: Record<string, unknown> = {};
  for (const k of VALUE_KEYS) values[k] = f[k];
  const result = await asCoordinator((scope) =>
    str('mode') === 'new'
      ? createDisclosure(scope, { id: str('id'), itemCode: str('itemCode'), periodKey: str('periodKey'), values })
      : updateDisclosure(scope, { id: str('id'), version: versionOf(str('version')), values }),
  );
  if ('status' in result) return result;
  if (!result.ok) return result.kind === 'invalid' ? { status: 'invalid', fieldErrors: result.fieldErrors } : { status: 'stale', current: result.current, currentVersion: result.currentVersion };
  revalidatePath('/school', 'layout');
  return { status: 'saved', id: result.id, version: result.version, warnings: result.warnings };
}

export type DeleteState = { status: 'idle' } | { status: 'stale' } | Refusal;

export async function deleteDisclosureAction(_prev: DeleteState, fd: FormData): Promise<DeleteState> {
  fd = asFormData(fd);
  const id = String(fd.get('id') ?? '');
  const version = versionOf(fd.get('version'));
  const result = await asCoordinator((scope) => deleteDisclosure(scope, { id, version }));
  if ('status' in result) return result;
  if (!result.ok) return { status: 'stale' };
  revalidatePath('/school', 'layout');
  redirect(`/school?q=${quarterParam(result.q)}&deleted=1`);
}

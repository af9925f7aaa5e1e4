'use server';
// Zones (片区, DESIGN §1). Who may run these: districtAdmin only (enforced in lib/data).
import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/core/auth/action';
import { createZone, deactivateZone, reactivateZone, updateZone } from '@/modules/org/data/zones-admin';
import { adminFieldErrors } from '@/core/forms/saved';
import { deactivateZoneSchema, zoneSchema } from '@/modules/org/validation/org';
import { formDataObject, type ActionState, asFormData } from '@/core/forms/form';
import { savedAction } from '@/core/forms/saved-action';

export async function saveZoneAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = zoneSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: adminFieldErrors(parsed.error), values };
  const zoneId = values.zoneId;
  return savedAction(
    values,
    (scope) => (zoneId ? updateZone(scope, zoneId, parsed.data) : createZone(scope, parsed.data)),
    () => {
      revalidatePath('/admin/zones');
    },
  );
}

export async function deactivateZoneAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = deactivateZoneSchema.safeParse(values);
  if (!parsed.success) return { status: 'notFound' };
  const { zoneId, moveTo } = parsed.data;
  // '' = the admin has not chosen yet; 'none' = the schools keep no zone.
  if (moveTo === '') return { status: 'invalid', fieldErrors: { moveTo: { key: 'validation.required' } }, values };
  return guardedAction(async (scope) => {
    const out = await deactivateZone(scope, zoneId, moveTo === 'none' ? '' : moveTo);
    revalidatePath('/admin/zones');
    revalidatePath(`/admin/zones/${zoneId}`);
    if (out.status === 'needsTarget') return { status: 'invalid', fieldErrors: { moveTo: { key: 'adminZones.needsTarget', values: { count: out.schools } } }, values };
    return { status: 'saved' };
  }, values);
}

export async function reactivateZoneAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const zoneId = String(formData.get('zoneId') ?? '');
  return guardedAction(async (scope) => {
    await reactivateZone(scope, zoneId);
    revalidatePath('/admin/zones');
    revalidatePath(`/admin/zones/${zoneId}`);
    return { status: 'saved' };
  });
}

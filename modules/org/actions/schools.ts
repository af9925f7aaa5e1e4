'use server';
// Schools (DESIGN §1). Who may run these: districtAdmin only (enforced in lib/data).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { guardedAction } from '@/core/auth/action';
import { createSchool, setSchoolActive, updateSchool } from '@/modules/org/data/schools-admin';
import { adminFieldErrors } from '@/core/forms/saved';
import { schoolSchema } from '@/modules/org/validation/org';
import { formDataObject, type ActionState, asFormData } from '@/core/forms/form';
import { savedAction } from '@/core/forms/saved-action';

export async function saveSchoolAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = schoolSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: adminFieldErrors(parsed.error), values };
  const schoolId = values.schoolId;
  const box: { created?: string } = {};
  const state = await savedAction(
    values,
    (scope) => (schoolId ? updateSchool(scope, schoolId, parsed.data) : createSchool(scope, parsed.data)),
    (id) => {
      revalidatePath('/admin/schools');
      if (!schoolId) box.created = id;
    },
  );
  // A new school opens on its own page (redirect must run outside the guarded call).
  if (box.created) redirect(`/admin/schools/${box.created}?created=1`);
  return state;
}

export async function setSchoolActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const schoolId = String(formData.get('schoolId') ?? '');
  const active = formData.get('active') === 'true';
  return guardedAction(async (scope) => {
    await setSchoolActive(scope, schoolId, active);
    revalidatePath('/admin/schools');
    revalidatePath(`/admin/schools/${schoolId}`);
    return { status: 'saved' };
  });
}

'use server';
// Platform admin: districts. Who may run these: platformAdmin only (enforced in lib/data).
import { revalidatePath } from 'next/cache';
import { createDistrict } from '@/modules/org/data/platform';
import { adminFieldErrors, type AdminState } from '@/core/forms/saved';
import { createDistrictSchema } from '@/modules/org/validation/platform';
import { formDataObject, asFormData } from '@/core/forms/form';
import { issuingAction } from '@/core/forms/saved-action';

export async function createDistrictAction(_prev: AdminState, formData: FormData): Promise<AdminState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = createDistrictSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: adminFieldErrors(parsed.error), values };
  return issuingAction(
    values,
    (scope) => createDistrict(scope, parsed.data),
    () => revalidatePath('/platform'),
  );
}

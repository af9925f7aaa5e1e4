'use server';
// Platform admin: districts. Who may run these: platformAdmin only (enforced in lib/data).
import { revalidatePath } from 'next/cache';
import { createDistrict } from '@/lib/data/platform';
import { adminFieldErrors, type AdminState } from '@/lib/validation/admin-form';
import { createDistrictSchema } from '@/lib/validation/admin-platform';
import { formDataObject, asFormData } from '@/lib/validation/form';
import { issuingAction } from '../../(admin)/admin/_ui/action';

export async function createDistrictAction(_prev: AdminState, formData: FormData): Promise<AdminState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const parsed = createDistrictSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: adminFieldErrors(parsed.error), values };
  return issuingAction(values, (scope) => createDistrict(scope, parsed.data), () => revalidatePath('/platform'));
}

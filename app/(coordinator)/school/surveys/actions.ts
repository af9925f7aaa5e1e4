'use server';
// Coordinator: generate code batches for their own school (DESIGN §7). Who may run it:
// coordinators for their school, district admins (enforced in lib/data/surveys-codes).
import type { ActionState } from '@/lib/validation/form';
import { generateCodesAt } from '../../../(admin)/admin/surveys/generate-codes';

export async function generateSchoolCodesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return generateCodesAt('/school/surveys', formData);
}

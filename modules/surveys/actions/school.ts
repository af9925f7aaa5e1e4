'use server';
// Coordinator: generate code batches for their own school (DESIGN §7). Who may run it:
// coordinators for their school, district admins (enforced in modules/surveys/data/codes).
import type { ActionState } from '@/core/forms/form';
import { generateCodesAt } from './generate-codes';

export async function generateSchoolCodesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return generateCodesAt('/school/surveys', formData);
}

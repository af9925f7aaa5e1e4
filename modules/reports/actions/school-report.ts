'use server';
// Submitting the quarterly report (§5). Who may run: coordinators, for their own school's report
// (modules/reports/data/school-report checks the school, the state via checkTransition and the version).
import { revalidatePath } from 'next/cache';
import { submitQuarterReport } from '@/modules/reports/data/school-report';
import { formFields } from '@/core/forms/fields';
import { submitReportSchema } from '@/modules/reports/validation/school-report';
import { asCoordinator } from '@/core/auth/coordinator-guard';
import type { SubmitState } from '@/core/forms/states';
import { asFormData } from '@/core/forms/form';

export async function submitReportAction(_prev: SubmitState, fd: FormData): Promise<SubmitState> {
  fd = asFormData(fd);
  const parsed = submitReportSchema.safeParse(formFields(fd));
  if (!parsed.success) return { status: 'error' };
  const r = await asCoordinator((scope) => submitQuarterReport(scope, parsed.data));
  if ('status' in r) return r;
  if (!r.ok) return r.kind === 'needsConfirm' ? { status: 'needsConfirm', gaps: r.gaps } : r.kind === 'conflict' ? { status: 'stale' } : { status: 'wrongState' };
  revalidatePath('/school', 'layout');
  return { status: 'submitted', onTime: r.onTime, resubmitted: r.resubmitted, gaps: r.gaps };
}

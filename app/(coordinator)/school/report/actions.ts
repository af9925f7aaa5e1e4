'use server';
// Submitting the quarterly report (§5). Who may run: coordinators, for their own school's report
// (lib/data/coordinator-report checks the school, the state via checkTransition and the version).
import { revalidatePath } from 'next/cache';
import { submitQuarterReport } from '@/lib/data/coordinator-report';
import { formFields } from '@/lib/validation/coordinator-errors';
import { submitReportSchema } from '@/lib/validation/coordinator-report';
import { asCoordinator } from '../_lib/guard';
import type { SubmitState } from '../_lib/states';
import { asFormData } from '@/lib/validation/form';

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

'use server';
// Submitting the quarterly report (§5), for the coordinator's own school's report
// (modules/reports/data/school-report checks the school, the state via checkTransition and the version).
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { defineAction } from '@/core/guard';
import { submitQuarterReport } from '@/modules/reports/data/school-report';
import { submitReportSchema } from '@/modules/reports/validation/school-report';
import type { SubmitState } from '@/modules/reports/validation/states';

export const submitReportAction = defineAction<z.output<typeof submitReportSchema>, SubmitState>(
  { roles: ['coordinator'], schema: submitReportSchema, malformed: 'notFound' },
  async ({ scope, input }) => {
    const r = await submitQuarterReport(scope, input);
    if (!r.ok) {
      if (r.kind === 'needsConfirm') return { status: 'needsConfirm', gaps: r.gaps };
      if (r.kind === 'notYet') return { status: 'notYet', opensOn: r.opensOn };
      return r.kind === 'conflict' ? { status: 'stale' } : { status: 'wrongState' };
    }
    revalidatePath('/school', 'layout');
    return { status: 'submitted', onTime: r.onTime, resubmitted: r.resubmitted, gaps: r.gaps };
  },
);

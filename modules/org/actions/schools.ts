'use server';
// Schools (DESIGN §1).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/core/guard';
import { createSchool, setSchoolActive, updateSchool } from '@/modules/org/data/schools-admin';
import { schoolSchema } from '@/modules/org/validation/org';

const saveSchema = schoolSchema.and(z.object({ schoolId: z.string().max(64).optional() }));

export const saveSchoolAction = defineAction({ roles: ['districtAdmin'], schema: saveSchema }, async ({ scope, input: { schoolId, ...input } }) => {
  const r = schoolId ? await updateSchool(scope, schoolId, input) : await createSchool(scope, input);
  if (!r.ok) return { status: 'invalid', fieldErrors: r.errors };
  revalidatePath('/admin/schools');
  // A new school opens on its own page.
  if (!schoolId) redirect(`/admin/schools/${r.value}?created=1`);
});

const activeSchema = z.object({ schoolId: z.string().max(64), active: z.enum(['true', 'false']).catch('false') });

export const setSchoolActiveAction = defineAction({ roles: ['districtAdmin'], schema: activeSchema, malformed: 'notFound' }, async ({ scope, input }) => {
  await setSchoolActive(scope, input.schoolId, input.active === 'true');
  revalidatePath('/admin/schools');
  revalidatePath(`/admin/schools/${input.schoolId}`);
});

'use server';
// Users of the district (DESIGN §1).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/core/guard';
import { createUser, resetUserPassword, updateUser } from '@/modules/org/data/users-admin';
import { createUserSchema, updateUserSchema } from '@/modules/org/validation/org';
import type { IssuedState } from '@/modules/org/validation/states';

export const createUserAction = defineAction<typeof createUserSchema._output, IssuedState>({ roles: ['districtAdmin'], schema: createUserSchema, arrays: ['zoneIds'] }, async ({ scope, input }) => {
  const r = await createUser(scope, input);
  if (!r.ok) return { status: 'invalid', fieldErrors: r.errors };
  revalidatePath('/admin/users');
  return { status: 'issued', issued: r.value };
});

export const updateUserAction = defineAction({ roles: ['districtAdmin'], schema: updateUserSchema, arrays: ['zoneIds'] }, async ({ scope, input }) => {
  const r = await updateUser(scope, input);
  if (!r.ok) return { status: 'invalid', fieldErrors: r.errors };
  revalidatePath('/admin/users');
  revalidatePath(`/admin/users/${input.userId}`);
});

/** A new one-time password; it reaches only this response and is never stored in clear. */
export const resetPasswordAction = defineAction<{ userId: string }, IssuedState>(
  { roles: ['districtAdmin'], schema: z.object({ userId: z.string().max(64) }), malformed: 'notFound' },
  async ({ scope, input }) => {
    const issued = await resetUserPassword(scope, input.userId);
    revalidatePath('/admin/users');
    return { status: 'issued', issued };
  },
);

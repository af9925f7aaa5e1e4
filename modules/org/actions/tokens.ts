'use server';
// API tokens of the signed-in user (evaluators and leaders, core/auth/tokens.ts API_ROLES).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { guardedAction } from '@/core/auth/action';
import { createToken, revokeToken } from '@/core/auth/tokens';
import { fieldErrors, formDataObject, type ActionState, asFormData } from '@/core/forms/form';
import { tokenNameSchema } from '@/core/http/params';

/** On success the plain token travels back once, in `message`, to be shown and copied. */
export async function createTokenAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  fd = asFormData(fd);
  const values = formDataObject(fd);
  const parsed = tokenNameSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrors(parsed.error), values };
  return guardedAction(async (scope) => {
    const { token } = await createToken(scope, parsed.data.name);
    revalidatePath('/account/tokens');
    return { status: 'saved', message: token };
  }, values);
}

const revokeSchema = z.object({ tokenId: z.string().max(64) });

export async function revokeTokenAction(_p: ActionState, fd: FormData): Promise<ActionState> {
  fd = asFormData(fd);
  const parsed = revokeSchema.safeParse(formDataObject(fd));
  if (!parsed.success) return { status: 'notFound' };
  return guardedAction(async (scope) => {
    await revokeToken(scope, parsed.data.tokenId);
    revalidatePath('/account/tokens');
    return { status: 'saved' };
  });
}

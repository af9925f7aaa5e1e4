'use server';
// API tokens of the signed-in user (evaluators and leaders, core/auth/tokens.ts API_ROLES).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { API_ROLES, createToken, revokeToken } from '@/core/auth/tokens';
import { defineAction } from '@/core/guard';
import { tokenNameSchema } from '@/core/http/params';

/** On success the plain token travels back once, in `message`, to be shown and copied. */
export const createTokenAction = defineAction({ roles: API_ROLES, schema: tokenNameSchema }, async ({ scope, input }) => {
  const { token } = await createToken(scope, input.name);
  revalidatePath('/account/tokens');
  return { status: 'saved', message: token };
});

export const revokeTokenAction = defineAction({ roles: API_ROLES, schema: z.object({ tokenId: z.string().max(64) }), malformed: 'notFound' }, async ({ scope, input }) => {
  await revokeToken(scope, input.tokenId);
  revalidatePath('/account/tokens');
});

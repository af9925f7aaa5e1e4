'use server';
// Public (no login): lodge an objection against a 公示 (DESIGN §6). The data layer checks that the
// notice still takes objections and rate-limits per client address.
import { headers } from 'next/headers';
import { z } from 'zod';
import { notFound } from '@/core/errors';
import { definePublicAction } from '@/core/guard';
import { clientAddress } from '@/core/http/client-address';
import { lodgeObjection } from '@/modules/ranking/data/notice-public';
import { objectionSchema, parseYear } from '@/modules/ranking/validation/ranking';

const schema = objectionSchema.and(z.object({ district: z.string().max(40).default(''), year: z.string().max(10).default('') }));

export const lodgeObjectionAction = definePublicAction({ schema }, async ({ input: { district, year, ...objection } }) => {
  const y = parseYear(year);
  if (y === null) notFound();
  const result = await lodgeObjection(district, y, objection, clientAddress(await headers()));
  if (result === 'notFound') notFound();
  if (typeof result === 'string') return { status: 'conflict', message: result };
  // The objector keeps the reference number to ask about their objection.
  return { status: 'saved', message: result.reference };
});

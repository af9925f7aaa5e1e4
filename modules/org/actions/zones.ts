'use server';
// Zones (片区, DESIGN §1).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/core/guard';
import { createZone, deactivateZone, reactivateZone, updateZone } from '@/modules/org/data/zones-admin';
import { deactivateZoneSchema, zoneSchema } from '@/modules/org/validation/org';

const saveSchema = zoneSchema.and(z.object({ zoneId: z.string().max(64).optional() }));

export const saveZoneAction = defineAction({ roles: ['districtAdmin'], schema: saveSchema }, async ({ scope, input: { zoneId, ...input } }) => {
  const r = zoneId ? await updateZone(scope, zoneId, input) : await createZone(scope, input);
  if (!r.ok) return { status: 'invalid', fieldErrors: r.errors };
  revalidatePath('/admin/zones');
});

export const deactivateZoneAction = defineAction({ roles: ['districtAdmin'], schema: deactivateZoneSchema, malformed: 'notFound' }, async ({ scope, input: { zoneId, moveTo } }) => {
  // '' = the admin has not chosen yet; 'none' = the schools keep no zone.
  if (moveTo === '') return { status: 'invalid', fieldErrors: { moveTo: { key: 'validation.required' } } };
  const out = await deactivateZone(scope, zoneId, moveTo === 'none' ? '' : moveTo);
  revalidatePath('/admin/zones');
  revalidatePath(`/admin/zones/${zoneId}`);
  if (out.status === 'needsTarget') return { status: 'invalid', fieldErrors: { moveTo: { key: 'adminZones.needsTarget', values: { count: out.schools } } } };
});

export const reactivateZoneAction = defineAction({ roles: ['districtAdmin'], schema: z.object({ zoneId: z.string().max(64) }), malformed: 'notFound' }, async ({ scope, input }) => {
  await reactivateZone(scope, input.zoneId);
  revalidatePath('/admin/zones');
  revalidatePath(`/admin/zones/${input.zoneId}`);
});

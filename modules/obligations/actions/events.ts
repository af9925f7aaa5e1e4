'use server';
// Declared events and "no such matter" statements (§3), for the coordinator's own school only
// (modules/obligations/data/events checks the school, the item and the entry window).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/core/guard';
import { deleteDraft } from '@/core/forms/drafts';
import { declareEvent, deleteEvent, stateNoMatter, withdrawNoMatter } from '@/modules/obligations/data/events';
import { declareEventSchema, idSchema, noMatterSchema } from '@/modules/obligations/validation/events';
import { EVENT_FORM_KEY, noMatterFormKey, type QuarterFormState, type RowState } from '@/modules/obligations/validation/states';

export const declareEventAction = defineAction<z.output<typeof declareEventSchema>, QuarterFormState>({ roles: ['coordinator'], schema: declareEventSchema }, async ({ scope, input }) => {
  const r = await declareEvent(scope, input);
  if (!r.ok) return { status: 'invalid', fieldErrors: r.fieldErrors };
  await deleteDraft(scope, EVENT_FORM_KEY);
  revalidatePath('/school', 'layout');
  return { status: 'saved', q: r.q };
});

export const noMatterAction = defineAction<z.output<typeof noMatterSchema>, QuarterFormState>({ roles: ['coordinator'], schema: noMatterSchema }, async ({ scope, input }) => {
  const r = await stateNoMatter(scope, input);
  if (!r.ok) return { status: 'invalid', fieldErrors: r.fieldErrors };
  await deleteDraft(scope, noMatterFormKey(input.itemCode, input));
  revalidatePath('/school', 'layout');
  return { status: 'saved', q: r.q };
});

const rowSchema = z.object({ id: idSchema });

export const deleteEventAction = defineAction<z.output<typeof rowSchema>, RowState>({ roles: ['coordinator'], schema: rowSchema, malformed: 'notFound' }, async ({ scope, input }) => {
  const r = await deleteEvent(scope, input.id);
  if (!r.ok) return { status: 'hasDisclosures' };
  revalidatePath('/school', 'layout');
  return { status: 'done' };
});

export const withdrawNoMatterAction = defineAction<z.output<typeof rowSchema>, RowState>({ roles: ['coordinator'], schema: rowSchema, malformed: 'notFound' }, async ({ scope, input }) => {
  await withdrawNoMatter(scope, input.id);
  revalidatePath('/school', 'layout');
  return { status: 'done' };
});

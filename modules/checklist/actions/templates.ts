'use server';
// Platform checklist templates (DESIGN §2).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/core/guard';
import { copyTemplate, removeTemplateItem, renameTemplate, saveTemplateItem } from '@/modules/checklist/data/templates';
import { itemSchema } from '@/modules/checklist/validation/checklist';
import { templateSchema } from '@/modules/checklist/validation/templates';

const copySchema = templateSchema.and(z.object({ fromId: z.string().max(64).default('') }));

export const copyTemplateAction = defineAction({ roles: ['platformAdmin'], schema: copySchema }, async ({ scope, input: { fromId, ...input } }) => {
  const r = await copyTemplate(scope, fromId, input);
  if (!r.ok) return { status: 'invalid', fieldErrors: r.errors };
  revalidatePath('/platform/templates');
  redirect(`/platform/templates/${r.value}`);
});

const renameSchema = templateSchema.and(z.object({ templateId: z.string().max(64).default('') }));

export const renameTemplateAction = defineAction({ roles: ['platformAdmin'], schema: renameSchema }, async ({ scope, input: { templateId, ...input } }) => {
  const r = await renameTemplate(scope, templateId, input);
  if (!r.ok) return { status: 'invalid', fieldErrors: r.errors };
  revalidatePath('/platform/templates');
});

const itemFormSchema = itemSchema.and(z.object({ templateId: z.string().max(64).default(''), originalCode: z.string().max(20).optional() }));

export const saveTemplateItemAction = defineAction({ roles: ['platformAdmin'], schema: itemFormSchema, arrays: ['channels'] }, async ({ scope, input: { templateId, originalCode, ...item } }) => {
  const r = await saveTemplateItem(scope, templateId, originalCode ? originalCode : null, item);
  if (!r.ok) return { status: 'invalid', fieldErrors: r.errors };
  revalidatePath(`/platform/templates/${templateId}`);
  redirect(`/platform/templates/${templateId}?saved=1`);
});

const removeSchema = z.object({ templateId: z.string().max(64), code: z.string().max(20) });

export const removeTemplateItemAction = defineAction({ roles: ['platformAdmin'], schema: removeSchema, malformed: 'notFound' }, async ({ scope, input }) => {
  await removeTemplateItem(scope, input.templateId, input.code);
  revalidatePath(`/platform/templates/${input.templateId}`);
});

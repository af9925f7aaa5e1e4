'use server';
// Public (no login): lodge an objection against a 公示 (DESIGN §6). Validated here, then the data
// layer checks that the notice still takes objections and rate-limits per client address.
import { headers } from 'next/headers';
import { clientAddress } from '@/core/http/client-address';
import { lodgeObjection } from '@/modules/ranking/data/notice-public';
import { fieldErrors, formDataObject, type ActionState, asFormData } from '@/core/forms/form';
import { objectionSchema, parseYear } from '@/modules/ranking/validation/ranking';

export async function lodgeObjectionAction(district: string, year: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  formData = asFormData(formData);
  const values = formDataObject(formData);
  const y = parseYear(year);
  if (y === null) return { status: 'notFound' };
  const parsed = objectionSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', fieldErrors: fieldErrors(parsed.error), values };
  try {
    const result = await lodgeObjection(district, y, parsed.data, clientAddress(await headers()));
    if (result === 'saved') return { status: 'saved' };
    if (result === 'notFound') return { status: 'notFound', values };
    return { status: 'conflict', message: result, values };
  } catch (e) {
    console.error('[notice]', e instanceof Error ? e.message : e);
    return { status: 'error', values };
  }
}

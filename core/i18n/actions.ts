'use server';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { isLocale, LOCALE_COOKIE } from './config';
import { asFormData } from '@/core/forms/form';

export async function setLocale(formData: FormData): Promise<void> {
  formData = asFormData(formData);
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
  revalidatePath('/', 'layout');
}

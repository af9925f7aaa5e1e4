'use server';
// The interface language (a cookie), for anyone, signed in or not.
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { readForm } from '@/core/forms/read';
import { isLocale, LOCALE_COOKIE } from './config';

export async function setLocale(formData: FormData): Promise<void> {
  const locale = readForm(formData).values.locale;
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
  revalidatePath('/', 'layout');
}

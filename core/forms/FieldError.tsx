'use client';
import { useTranslations } from 'next-intl';
import type { FieldMessage } from './fields';

/** One field's message, in the user's language, linked to its input by id. */
export function FieldError({ id, error }: { id: string; error: FieldMessage | undefined }) {
  const t = useTranslations();
  if (!error) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {t(error.key, error.values)}
    </span>
  );
}

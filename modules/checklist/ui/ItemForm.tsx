'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { saveItemAction } from '@/modules/checklist/actions/district';
import { ItemFields } from './ItemFields';
import type { ActionState } from '@/core/forms/state';
import { errorsOf, FormStatus, valuesOf } from '@/core/forms/ui';

/** Add (no `originalCode`) or edit an item of the year's checklist. */
export function ItemForm({ year, originalCode, initial, note, newVersion }: { year: number; originalCode?: string; initial: Record<string, string>; note: string; newVersion: boolean }) {
  const t = useTranslations('adminChecklist');
  const [state, action, pending] = useActionState<ActionState, FormData>(saveItemAction, { status: 'idle' });
  const values = valuesOf(state, initial);
  return (
    <form action={action} className="form card" noValidate key={JSON.stringify(values)}>
      <input type="hidden" name="year" value={year} />
      {originalCode && <input type="hidden" name="originalCode" value={originalCode} />}
      {/* Said before editing: whether saving changes this version or makes the next one. */}
      <p className={newVersion ? 'notice-warn' : 'muted'}>{note}</p>
      <ItemFields values={values} errors={errorsOf(state)} codeLocked={!!originalCode} />
      <FormStatus state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {t('saveItem')}
      </button>
    </form>
  );
}

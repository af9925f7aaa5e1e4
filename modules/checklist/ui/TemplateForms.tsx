'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { ItemFields } from './ItemFields';
import { copyTemplateAction, removeTemplateItemAction, renameTemplateAction, saveTemplateItemAction } from '@/modules/checklist/actions/templates';
import type { ActionState } from '@/core/forms/state';
import { errorsOf, FieldError, FormStatus, invalidProps, valuesOf } from '@/core/forms/ui';

/** Copy a template (`fromId`) into a new one, or rename one (`templateId`). */
export function TemplateForm({ fromId, templateId, initial }: { fromId?: string; templateId?: string; initial: { code: string; name: string } }) {
  const t = useTranslations('platformTemplates');
  const [state, action, pending] = useActionState<ActionState, FormData>(fromId ? copyTemplateAction : renameTemplateAction, { status: 'idle' });
  const errors = errorsOf(state);
  const values = valuesOf(state, initial);
  return (
    <form action={action} className="filters" noValidate>
      {fromId && <input type="hidden" name="fromId" value={fromId} />}
      {templateId && <input type="hidden" name="templateId" value={templateId} />}
      <label>
        {t('code')}
        <input name="code" defaultValue={values.code} autoComplete="off" {...invalidProps('code', errors)} />
        <FieldError name="code" errors={errors} />
      </label>
      <label>
        {t('name')}
        <input name="name" defaultValue={values.name} {...invalidProps('name', errors)} />
        <FieldError name="name" errors={errors} />
      </label>
      <button type="submit" disabled={pending}>
        {fromId ? t('copy') : t('rename')}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function TemplateItemForm({ templateId, originalCode, initial }: { templateId: string; originalCode?: string; initial: Record<string, string> }) {
  const t = useTranslations('platformTemplates');
  const [state, action, pending] = useActionState<ActionState, FormData>(saveTemplateItemAction, { status: 'idle' });
  const values = valuesOf(state, initial);
  return (
    <form action={action} className="form card" noValidate key={JSON.stringify(values)}>
      <input type="hidden" name="templateId" value={templateId} />
      {originalCode && <input type="hidden" name="originalCode" value={originalCode} />}
      <ItemFields values={values} errors={errorsOf(state)} codeLocked={!!originalCode} />
      <p className="muted">{t('itemNote')}</p>
      <FormStatus state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {t('saveItem')}
      </button>
    </form>
  );
}

export function RemoveTemplateItem({ templateId, code }: { templateId: string; code: string }) {
  const t = useTranslations('platformTemplates');
  const [state, action, pending] = useActionState<ActionState, FormData>(removeTemplateItemAction, { status: 'idle' });
  return (
    <form action={action}>
      <input type="hidden" name="templateId" value={templateId} />
      <input type="hidden" name="code" value={code} />
      <button type="submit" disabled={pending} aria-label={t('removeItem', { code })}>
        {t('remove')}
      </button>
      {state.status !== 'idle' && state.status !== 'saved' && <FormStatus state={state} />}
    </form>
  );
}

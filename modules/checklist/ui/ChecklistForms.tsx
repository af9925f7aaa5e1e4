'use client';
// Client forms of the checklist page: start a year, retire/restore an item, import a file.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { importChecklistAction, retireItemAction, startChecklistAction, type ImportChecklistState } from '@/modules/checklist/actions/district';
import type { ActionState } from '@/core/forms/state';
import { errorsOf, FieldError, FormStatus } from '@/core/forms/ui';

export function StartChecklist({ year, templates, previousYear }: { year: number; templates: { id: string; name: string }[]; previousYear: number | null }) {
  const t = useTranslations('adminChecklist');
  const [state, action, pending] = useActionState<ActionState, FormData>(startChecklistAction, { status: 'idle' });
  return (
    <div className="grid-2">
      <form action={action} className="form card">
        <input type="hidden" name="year" value={year} />
        <input type="hidden" name="source" value="template" />
        <h3>{t('start.fromTemplate')}</h3>
        <label>
          {t('start.template')}
          <select name="templateId" defaultValue={templates[0]?.id}>
            {templates.map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={pending || templates.length === 0}>
          {t('start.create', { year })}
        </button>
        <FormStatus state={state} />
      </form>
      {previousYear !== null && (
        <form action={action} className="form card">
          <input type="hidden" name="year" value={year} />
          <input type="hidden" name="source" value="previousYear" />
          <h3>{t('start.fromPrevious', { year: previousYear })}</h3>
          <p className="muted small">{t('start.fromPreviousHint')}</p>
          <button type="submit" disabled={pending}>
            {t('start.copy', { from: previousYear, year })}
          </button>
        </form>
      )}
    </div>
  );
}

export function RetireItem({ year, code, retired }: { year: number; code: string; retired: boolean }) {
  const t = useTranslations('adminChecklist');
  const [state, action, pending] = useActionState<ActionState, FormData>(retireItemAction, { status: 'idle' });
  return (
    <form action={action}>
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="retired" value={retired ? 'false' : 'true'} />
      <button type="submit" disabled={pending}>
        {retired ? t('restore') : t('retire')}
      </button>
      {state.status !== 'idle' && <FormStatus state={state} />}
    </form>
  );
}

export function ImportChecklist({ year }: { year: number }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<ImportChecklistState, FormData>(importChecklistAction, { status: 'idle' });
  const errors = state.status === 'fileInvalid' ? {} : errorsOf(state);
  return (
    <form action={action} className="form">
      <input type="hidden" name="year" value={year} />
      <p className="muted small">{t('adminChecklist.importHint')}</p>
      <label>
        {t('adminChecklist.importFile')}
        <input type="file" name="file" accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml" />
        <FieldError name="file" errors={errors} />
      </label>
      {state.status === 'fileInvalid' ? (
        <div role="alert">
          <p className="error">{t('adminChecklist.file.invalid', { count: state.issues.length })}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th className="num">{t('adminChecklist.file.row')}</th>
                  <th>{t('adminChecklist.file.code')}</th>
                  <th>{t('adminChecklist.file.field')}</th>
                  <th>{t('adminChecklist.file.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {state.issues.map((i, n) => (
                  <tr key={n}>
                    <td className="num">{i.row ?? '—'}</td>
                    <td>{i.code ?? ''}</td>
                    <td>{t.has(`checklistLabels.field.${i.field}`) ? t(`checklistLabels.field.${i.field}`) : i.field}</td>
                    <td>{t(i.reason.key, i.reason.values)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : (
        <FormStatus state={state} />
      )}
      <button type="submit" disabled={pending}>
        {t('adminChecklist.import')}
      </button>
    </form>
  );
}

'use client';
// District admin: create the year's survey of a group, and change its title and dates (§7).
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { SurveyGroup } from '@/core/domain/types';
import { FieldError, FormStatus, errorsOf, fieldProps } from '@/core/forms/ui';
import { createSurveyAction, updateSurveyAction } from '@/modules/surveys/actions/admin';
import type { ActionState } from '@/core/forms/state';

interface Dates {
  title: string;
  opensOn: string;
  closesOn: string;
}

function Fields({ state, initial, opensFixed, idPrefix }: { state: ActionState; initial: Dates; opensFixed?: boolean; idPrefix: string }) {
  const t = useTranslations('surveyAdmin');
  const title = fieldProps(state, 'title', initial.title, idPrefix);
  const opens = fieldProps(state, 'opensOn', initial.opensOn, idPrefix);
  const closes = fieldProps(state, 'closesOn', initial.closesOn, idPrefix);
  return (
    <>
      <label>
        {t('surveyTitle')}
        <input name="title" defaultValue={title.defaultValue} key={title.key} maxLength={100} aria-invalid={title['aria-invalid']} aria-describedby={title['aria-describedby']} />
        <FieldError name={title.name} errors={errorsOf(state)} id={title.errorId} />
      </label>
      <div className="grid-2">
        <label>
          {t('opensOn')}
          <input
            name="opensOn"
            type="date"
            defaultValue={opens.defaultValue}
            key={opens.key}
            readOnly={opensFixed}
            aria-invalid={opens['aria-invalid']}
            aria-describedby={opens['aria-describedby'] ?? (opensFixed ? `${idPrefix}opensOn-fixed` : undefined)}
          />
          {opensFixed && (
            <span id={`${idPrefix}opensOn-fixed`} className="small muted">
              {t('opensFixedHint')}
            </span>
          )}
          <FieldError name={opens.name} errors={errorsOf(state)} id={opens.errorId} />
        </label>
        <label>
          {t('closesOn')}
          <input name="closesOn" type="date" defaultValue={closes.defaultValue} key={closes.key} aria-invalid={closes['aria-invalid']} aria-describedby={closes['aria-describedby']} />
          <FieldError name={closes.name} errors={errorsOf(state)} id={closes.errorId} />
        </label>
      </div>
    </>
  );
}

export function CreateSurveyForm({ year, group, initial }: { year: number; group: SurveyGroup; initial: Dates }) {
  const t = useTranslations('surveyAdmin');
  const [state, action, pending] = useActionState<ActionState, FormData>(createSurveyAction, { status: 'idle' });
  return (
    <form action={action} className="form" noValidate data-testid={`create-${group}`}>
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="group" value={group} />
      <Fields state={state} initial={initial} idPrefix={`create-${group}-`} />
      <p className="small muted">{t('createHint')}</p>
      <FormStatus state={state} conflictKey="surveyErrors.conflict" />
      <button type="submit" className="primary" disabled={pending}>
        {t('create')}
      </button>
    </form>
  );
}

export function SurveySettingsForm({ surveyId, initial, opensFixed }: { surveyId: string; initial: Dates; opensFixed: boolean }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<ActionState, FormData>(updateSurveyAction, { status: 'idle' });
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="surveyId" value={surveyId} />
      <Fields state={state} initial={initial} opensFixed={opensFixed} idPrefix={`${surveyId}-`} />
      <FormStatus state={state} conflictKey="surveyErrors.conflict" />
      <button type="submit" disabled={pending}>
        {t('surveyAdmin.saveSettings')}
      </button>
    </form>
  );
}

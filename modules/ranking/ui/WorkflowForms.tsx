'use client';
// The 公示 workflow's forms (DESIGN §6): publish, approve, reopen with a reason, answer an
// objection. Each keeps what was typed when the server refuses, and says why.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { answerAction, approveAction, publishAction, reopenAction } from '@/modules/ranking/actions/workflow';
import type { ActionState } from '@/core/forms/state';
import { errorsOf, FieldError, FormStatus } from '@/core/forms/ui';
import { ConfirmSubmit } from '@/core/ui/ConfirmSubmit';

const IDLE: ActionState = { status: 'idle' };

/** What happened, in words: the step done, the rule that blocked it (rankingWorkflow.block.*), or why not. */
function Status({ state, saved }: { state: ActionState; saved: string }) {
  const t = useTranslations('rankingWorkflow.done');
  return <FormStatus state={state} savedText={t(saved)} conflictNs="rankingWorkflow.block" />;
}

function typed(state: ActionState, name: string): string | undefined {
  return 'values' in state && state.values ? state.values[name] : undefined;
}

export function PublishForm({ year }: { year: number }) {
  const t = useTranslations('rankingWorkflow');
  const [state, action, pending] = useActionState(publishAction, IDLE);
  return (
    <form action={action}>
      <input type="hidden" name="year" value={year} />
      <p className="small muted">{t('publishHint')}</p>
      <ConfirmSubmit
        label={t('publish', { year })}
        className="primary"
        disabled={pending}
        testId="publish"
        ask={{ title: t('publishConfirm.title', { year }), body: t('publishConfirm.body'), confirm: t('publishConfirm.confirm') }}
      />
      <Status state={state} saved="published" />
    </form>
  );
}

export function ApproveForm({ snapshotId }: { snapshotId: string }) {
  const t = useTranslations('rankingWorkflow');
  const [state, action, pending] = useActionState(approveAction, IDLE);
  return (
    <form action={action}>
      <input type="hidden" name="snapshotId" value={snapshotId} />
      <p className="small muted">{t('approveHint')}</p>
      <button type="submit" className="primary" disabled={pending}>
        {t('approve')}
      </button>
      <Status state={state} saved="approved" />
    </form>
  );
}

export function ReopenForm({ snapshotId }: { snapshotId: string }) {
  const t = useTranslations('rankingWorkflow');
  const [state, action, pending] = useActionState(reopenAction, IDLE);
  const err = state.status === 'invalid' && state.fieldErrors.reason;
  return (
    <form action={action}>
      <input type="hidden" name="snapshotId" value={snapshotId} />
      <label>
        {t('reopenReason')}
        <textarea
          name="reason"
          rows={2}
          maxLength={500}
          required
          defaultValue={typed(state, 'reason')}
          key={`reason:${state.status}`}
          aria-invalid={err ? true : undefined}
          aria-describedby={err ? `reason-error-${snapshotId}` : undefined}
        />
        <FieldError name="reason" errors={errorsOf(state)} id={`reason-error-${snapshotId}`} />
      </label>
      <p className="small muted">{t('reopenHint')}</p>
      <button type="submit" disabled={pending}>
        {t('reopen')}
      </button>
      <Status state={state} saved="reopened" />
    </form>
  );
}

export function AnswerForm({ objectionId }: { objectionId: string }) {
  const t = useTranslations('rankingWorkflow');
  const [state, action, pending] = useActionState(answerAction, IDLE);
  const id = `answer-${objectionId}`;
  const err = state.status === 'invalid' && state.fieldErrors.answer;
  return (
    <form action={action}>
      <input type="hidden" name="objectionId" value={objectionId} />
      <label htmlFor={id}>{t('answerLabel')}</label>
      <textarea
        id={id}
        name="answer"
        rows={3}
        maxLength={2000}
        required
        defaultValue={typed(state, 'answer')}
        key={`answer:${state.status}`}
        aria-invalid={err ? true : undefined}
        aria-describedby={err ? `${id}-error` : undefined}
      />
      <FieldError name="answer" errors={errorsOf(state)} id={`${id}-error`} />
      <button type="submit" disabled={pending}>
        {t('answer')}
      </button>
      <Status state={state} saved="answered" />
    </form>
  );
}

'use client';
// A submit button that asks first (issue 14: 审核通过, 发布公示, 重置密码 cannot be undone by a
// click). The question is a native modal <dialog>: focus moves into it and is kept there, Escape
// and 取消 close it and give focus back to the button, and only 确认 submits the form the button
// belongs to. Without JavaScript the button simply submits (the server still checks everything).
import { useId, useRef } from 'react';
import { useTranslations } from 'next-intl';

export interface ConfirmText {
  title: string;
  body: string;
  confirm: string;
}

export function ConfirmSubmit({ label, ask, className, disabled, testId }: { label: string; ask: ConfirmText; className?: string; disabled?: boolean; testId?: string }) {
  const t = useTranslations('common');
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const close = () => {
    dialog.current?.close();
    button.current?.focus();
  };
  return (
    <>
      <button
        ref={button}
        type="submit"
        className={className}
        disabled={disabled}
        aria-haspopup="dialog"
        data-testid={testId}
        onClick={(e) => {
          if (!dialog.current) return;
          e.preventDefault();
          dialog.current.showModal();
        }}
      >
        {label}
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onCancel={() => button.current?.focus()} data-testid="confirm-dialog">
        <h2 id={`${id}-title`}>{ask.title}</h2>
        <p id={`${id}-body`}>{ask.body}</p>
        <div className="confirm-buttons">
          {/* The safe answer has the focus first: Enter on an unexpected dialog does nothing harmful. */}
          <button type="button" autoFocus onClick={close}>
            {t('cancel')}
          </button>
          <button
            type="button"
            className={className?.includes('danger') ? 'danger' : 'primary'}
            onClick={() => {
              dialog.current?.close();
              button.current?.form?.requestSubmit();
            }}
          >
            {ask.confirm}
          </button>
        </div>
      </dialog>
    </>
  );
}

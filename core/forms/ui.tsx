'use client';
// The form pieces every screen uses: the message beside a field, the outcome line under a form,
// and the helpers that wire them to what the action answered. Message keys arrive fully qualified.
import { useTranslations } from 'next-intl';
import { refusalKey, type ActionState, type FieldErrors, type Refusal } from './state';

/** The field errors of a state (none unless it is `invalid`). */
export function errorsOf(state: { status: string; fieldErrors?: FieldErrors }): FieldErrors {
  return state.status === 'invalid' && state.fieldErrors ? state.fieldErrors : {};
}

/** What a form shows after a refused submit: what was typed, else the initial values. */
export function valuesOf(state: { status: string; values?: Record<string, string> }, initial: Record<string, string>): Record<string, string> {
  return state.values ? { ...initial, ...state.values } : initial;
}

/** aria wiring of an input to its error message (`id` defaults to `<name>-error`). */
export function invalidProps(name: string, errors: FieldErrors, id = `${name}-error`) {
  return errors[name] ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
}

/** One field's message, in the user's language, linked to its input by id. */
export function FieldError({ name, errors, id }: { name: string; errors: FieldErrors; id?: string }) {
  const t = useTranslations();
  const e = errors[name];
  if (!e) return null;
  return (
    <span id={id ?? `${name}-error`} className="field-error" role="alert">
      {t(e.key, e.values)}
    </span>
  );
}

/**
 * The outcome of a submit that is not a field error: saved, or why nothing happened.
 * `conflict` reasons are looked up under `conflictNs` (e.g. `reviewConflict`) when given.
 */
export function FormStatus({ state, savedText, conflictNs, conflictKey }: { state: ActionState | { status: string }; savedText?: string; conflictNs?: string; conflictKey?: string }) {
  const t = useTranslations();
  const s = state as ActionState;
  if (s.status === 'idle') return null;
  if (s.status === 'saved') {
    return (
      <p role="status" className="notice-ok">
        {savedText ?? s.message ?? t('common.saved')}
      </p>
    );
  }
  if (s.status === 'invalid') {
    const form = s.fieldErrors._form;
    return (
      <p role="alert" className="error">
        {form ? t(form.key, form.values) : t('validation.form')}
      </p>
    );
  }
  if (!['forbidden', 'notFound', 'error', 'unavailable', 'rateLimited', 'conflict', 'locked'].includes(s.status)) return null;
  const own = s.status === 'conflict' && conflictNs && s.message && t.has(`${conflictNs}.${s.message}`) ? `${conflictNs}.${s.message}` : null;
  const key = own ?? (s.status === 'conflict' && conflictKey ? conflictKey : refusalKey(s as Refusal));
  return (
    <p role="alert" className="error">
      {t(key)}
    </p>
  );
}

/** A field's props: the value to show (what was typed survives a refusal) and its aria wiring. */
export function fieldProps(state: { status: string; values?: Record<string, string>; fieldErrors?: FieldErrors }, name: string, initial: string, idPrefix = '') {
  const value = state.values && name in state.values ? state.values[name]! : initial;
  const errorId = `${idPrefix}${name}-error`;
  const err = errorsOf(state)[name];
  return { name, defaultValue: value, key: `${name}:${value}`, 'aria-invalid': err ? true : undefined, 'aria-describedby': err ? errorId : undefined, errorId };
}

'use client';
// Recording or editing a disclosure (issue 3). The same zod rules run here (instant messages
// beside each field, in the user's language) and in the server action (authoritative). Every
// keystroke is kept as a draft; a save from another tab is never silently overwritten.
import { useActionState, useEffect, useMemo, useRef, useState, startTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { StoredDraft } from '@/core/forms/drafts';
import type { Channel } from '@/core/domain/types';
import { disclosureSchema, disclosureWarnings, type DisclosureRules, type DisclosureValues } from '@/modules/disclosures/validation/disclosures';
import { DraftNotice } from '@/core/forms/DraftNotice';
import { useFormDraft } from '@/core/forms/useFormDraft';
import styles from '@/core/ui/school.module.css';
import { saveDisclosureAction } from '@/modules/disclosures/actions/disclosures';
import { discardPendingEvidenceAction } from '@/modules/disclosures/actions/evidence';
import { ConflictPanel } from './ConflictPanel';
import { DisclosureFields } from './DisclosureFields';
import { fieldErrors } from '@/core/forms/field-errors';
import { type FieldErrors, refusalKey, isRefusal } from '@/core/forms/state';
import type { DisclosureFormState } from '@/modules/disclosures/validation/states';
import { Icon } from '@/core/ui/Icon';

export interface DisclosureFormProps {
  mode: 'new' | 'edit';
  id: string;
  version: number;
  formKey: string;
  userKey: string;
  itemCode: string;
  periodKey: string;
  rules: DisclosureRules;
  initial: DisclosureValues;
  draft: StoredDraft | null;
  suggested: Channel[];
  backHref: string;
}

export function DisclosureForm(p: DisclosureFormProps) {
  const t = useTranslations();
  const router = useRouter();
  const [values, setValues] = useState<DisclosureValues>(p.initial);
  const [version, setVersion] = useState(p.version);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [state, dispatch, pending] = useActionState<DisclosureFormState, FormData>(saveDisclosureAction, { status: 'idle' });
  const [conflictOpen, setConflictOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useFormDraft({
    formKey: p.formKey,
    userKey: p.userKey,
    initial: p.initial,
    serverDraft: p.draft,
    values,
    setValues,
    extra: p.mode === 'new' ? { id: p.id } : { version: String(version) },
    enabled: true,
    onDiscard: p.mode === 'new' ? () => void discardPendingEvidenceAction('disclosure', p.id).catch(() => undefined) : undefined,
    // A draft typed against an older version is saved against that version, so the server's
    // optimistic check shows the newer one instead of the draft silently replacing it.
    onRestore: (stored) => {
      const v = Number(stored.version);
      if (p.mode === 'edit' && Number.isInteger(v) && v > 0) setVersion(v);
    },
  });
  const schema = useMemo(() => disclosureSchema(p.rules), [p.rules]);
  const warnings = disclosureWarnings(p.rules, values);
  const serverErrors = state.status === 'invalid' ? state.fieldErrors : {};
  const errors = { ...serverErrors, ...clientErrors };

  useEffect(() => {
    if (state.status === 'saved') {
      draft.clear();
      if (p.mode === 'new') router.push(`/school/disclosures/${state.id}?saved=1`);
      else {
        setVersion(state.version);
        router.refresh();
      }
    }
    if (state.status === 'stale') setConflictOpen(true);
    // Only when a new result arrives.
  }, [state]);

  function set<K extends keyof DisclosureValues>(k: K, v: DisclosureValues[K]) {
    setValues((cur) => ({ ...cur, [k]: v }));
    if (clientErrors[k]) setClientErrors(({ [k]: _, ...rest }) => rest);
  }

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const found = fieldErrors(parsed.error);
      setClientErrors(found);
      const first = Object.keys(found)[0];
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setClientErrors({});
    setConflictOpen(false);
    const fd = new FormData();
    fd.set('mode', p.mode);
    fd.set('id', (formRef.current?.elements.namedItem('id') as HTMLInputElement | null)?.value ?? p.id);
    fd.set('version', String(version));
    fd.set('itemCode', p.itemCode);
    fd.set('periodKey', p.periodKey);
    for (const [k, v] of Object.entries(values)) {
      if (Array.isArray(v)) for (const x of v) fd.append(k, x);
      else fd.set(k, v);
    }
    startTransition(() => dispatch(fd));
  }

  return (
    <form ref={formRef} onSubmit={submit} className={`card ${styles.form}`} noValidate data-testid="disclosure-form" data-draft-ready={draft.ready ? 'true' : undefined}>
      <DraftNotice restoredAt={draft.restoredAt} onDiscard={draft.discard} />
      {/* The record this form saves; the server checks that it belongs to the caller's school. */}
      <input type="hidden" name="id" defaultValue={p.id} />
      <input type="hidden" name="version" value={version} readOnly />
      <DisclosureFields values={values} set={set} errors={errors} rules={p.rules} suggested={p.suggested} disabled={pending} />
      {warnings.length > 0 && (
        <ul className={styles.list} aria-live="polite">
          {warnings.map((w) => (
            <li key={w} className={styles.warning} data-testid={`warning-${w}`}>
              <Icon name="warning" /> {t(`coordDisclosure.warning.${w}`, { deadline: p.rules.deadline, planned: values.plannedOn || p.rules.eventDate || '' })}
            </li>
          ))}
        </ul>
      )}
      {conflictOpen && state.status === 'stale' && (
        <ConflictPanel
          current={state.current}
          onTakeTheirs={() => {
            setValues(state.current);
            setVersion(state.currentVersion);
            setConflictOpen(false);
          }}
          onKeepMine={() => {
            setVersion(state.currentVersion);
            setConflictOpen(false);
          }}
        />
      )}
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="error">
          {t('validation.form')}
        </p>
      )}
      {isRefusal(state) && (
        <p role="alert" className="error" data-testid="form-refused">
          {t(refusalKey(state), { date: '' })}
        </p>
      )}
      {state.status === 'saved' && p.mode === 'edit' && (
        <p role="status" className="notice-ok">
          {t('coordDisclosure.saved')}
        </p>
      )}
      <div className={styles.buttons}>
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t('coordDisclosure.saving') : p.mode === 'new' ? t('coordDisclosure.create') : t('coordDisclosure.update')}
        </button>
        <Link href={p.backHref}>{t('common.back')}</Link>
      </div>
    </form>
  );
}

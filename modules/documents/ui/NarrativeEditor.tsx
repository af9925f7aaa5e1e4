'use client';
// The editor of a document's narrative texts (issue 17): one field per text the kind allows; the
// figures are generated and cannot be edited here. Saves with the version the texts were loaded at;
// when someone saved first, their texts are shown beside what this user typed and nothing is
// overwritten until the user chooses (like disclosures). Bad input keeps everything typed.
import { startTransition, useActionState, useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { FieldError } from '@/core/forms/ui';
import { NARRATIVE_FIELDS, type DocumentKind, type NarrativeTexts } from '@/modules/documents/domain/narrative';
import { saveDistrictTextsAction, saveSchoolSummaryAction } from '@/modules/documents/actions/texts';
import type { TextsState } from '@/modules/documents/validation/states';
import styles from './documents.module.css';

interface Props {
  kind: DocumentKind;
  year: number;
  quarter?: number | null;
  texts: NarrativeTexts;
  version: number;
}

export function NarrativeEditor({ kind, year, quarter = null, texts, version: loadedVersion }: Props) {
  const t = useTranslations('documents');
  const tAll = useTranslations();
  const fields = NARRATIVE_FIELDS[kind];
  const action = kind === 'schoolSummary' ? saveSchoolSummaryAction : saveDistrictTextsAction;
  const [state, dispatch, pending] = useActionState<TextsState, FormData>(action, { status: 'idle' });
  const [values, setValues] = useState<NarrativeTexts>(texts);
  const [saved, setSaved] = useState<NarrativeTexts>(texts);
  const [version, setVersion] = useState(loadedVersion);
  const [conflict, setConflict] = useState<{ current: NarrativeTexts; currentVersion: number } | null>(null);

  useEffect(() => {
    if (state.status === 'saved') {
      setVersion(state.version);
      setSaved(values);
      setConflict(null);
    } else if (state.status === 'stale') {
      setConflict({ current: state.current, currentVersion: state.currentVersion });
    }
    // Only the arrival of a new state matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  const dirty = fields.some((f) => (values[f.name] ?? '') !== (saved[f.name] ?? ''));
  const submit = () => {
    const fd = new FormData();
    fd.set('year', String(year));
    if (quarter) fd.set('quarter', String(quarter));
    if (kind !== 'schoolSummary') fd.set('kind', kind === 'districtAnnual' ? 'annual' : 'quarterly');
    fd.set('version', String(version));
    for (const f of fields) fd.set(f.name, values[f.name] ?? '');
    startTransition(() => dispatch(fd));
  };

  return (
    <section className={`card ${styles.editor}`} aria-labelledby="editor-title" data-testid="narrative-editor">
      <h2 id="editor-title">{t('editor.title')}</h2>
      <p className={styles.hint}>{t('editor.hint')}</p>
      {conflict && (
        <div className={styles.conflict} role="alert" data-testid="texts-conflict">
          <h3>{t('editor.conflictTitle')}</h3>
          <p>{t('editor.conflictBody')}</p>
          <dl>
            {fields.map((f) => (
              <div key={f.name}>
                <dt>{t(`fields.${kind}.${f.name}`)}</dt>
                <dd>{conflict.current[f.name] || t('editor.empty')}</dd>
              </div>
            ))}
          </dl>
          <div className={styles.buttons}>
            <button
              type="button"
              onClick={() => {
                setValues(conflict.current);
                setSaved(conflict.current);
                setVersion(conflict.currentVersion);
                setConflict(null);
              }}
            >
              {t('editor.takeTheirs')}
            </button>
            <button
              type="button"
              onClick={() => {
                setVersion(conflict.currentVersion);
                setConflict(null);
              }}
            >
              {t('editor.keepMine')}
            </button>
          </div>
        </div>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {fields.map((f) => {
          const id = `field-${f.name}`;
          const err = errors[f.name];
          const common = {
            id,
            name: f.name,
            value: values[f.name] ?? '',
            maxLength: f.max + 100,
            'aria-invalid': err ? true : undefined,
            'aria-describedby': `${id}-hint${err ? ` ${id}-error` : ''}`,
            onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues((v) => ({ ...v, [f.name]: e.target.value })),
          };
          return (
            <div className={styles.field} key={f.name}>
              <label htmlFor={id}>{t(`fields.${kind}.${f.name}`)}</label>
              {f.multiline ? <textarea rows={5} {...common} /> : <input type={f.name === 'issuedOn' ? 'date' : 'text'} {...common} />}
              <span id={`${id}-hint`} className={styles.hint}>
                {t(`hints.${kind}.${f.name}`, { max: f.max })}
              </span>
              <FieldError name={f.name} errors={errors} id={`${id}-error`} />
            </div>
          );
        })}
        <div className={styles.buttons}>
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t('editor.saving') : t('editor.save')}
          </button>
        </div>
        <p role="status" className={styles.hint} data-testid="editor-status">
          {state.status === 'saved' && !dirty ? t('editor.saved', { version }) : dirty ? t('editor.unsaved') : version > 0 ? t('editor.version', { version }) : t('editor.none')}
        </p>
        {(state.status === 'forbidden' || state.status === 'notFound' || state.status === 'error') && (
          <p role="alert" className="field-error">
            {state.status === 'error' ? tAll('common.errorBody') : tAll(`errors.${state.status}`)}
          </p>
        )}
      </form>
    </section>
  );
}

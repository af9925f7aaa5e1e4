// Type a code from a slip (works without JavaScript: a GET form to /s).
import { getTranslations } from 'next-intl/server';
import styles from './survey.module.css';

export async function CodeEntry({ value, invalid, heading }: { value?: string; invalid?: boolean; heading?: boolean }) {
  const t = await getTranslations('surveyPublic');
  return (
    <form action="/s" method="get" className={`${styles.message} ${styles.codeForm}`} noValidate>
      {heading && <h1>{t('enterTitle')}</h1>}
      <label htmlFor="code">{t('codeLabel')}</label>
      <input
        id="code"
        name="code"
        className={styles.codeInput}
        defaultValue={value}
        autoComplete="off"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        maxLength={24}
        placeholder="ABCD-EFGH-JKMN"
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? 'code-error' : 'code-hint'}
      />
      {invalid ? (
        <span id="code-error" className="field-error" role="alert">
          {t('codeFormat')}
        </span>
      ) : (
        <span id="code-hint" className="small muted">
          {t('codeHint')}
        </span>
      )}
      <button type="submit" className={`primary ${styles.submit}`}>
        {t('start')}
      </button>
    </form>
  );
}

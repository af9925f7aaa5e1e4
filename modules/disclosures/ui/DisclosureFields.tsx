'use client';
// The fields of the disclosure form (§2: channels, audience, summary; B02 procurement; 事前 items'
// planned date). Controlled inputs: the parent keeps every value, so nothing typed is ever reset.
import { useTranslations } from 'next-intl';
import { AUDIENCES, CHANNELS, type Channel } from '@/core/domain/types';
import { PROCUREMENT_METHODS, SUMMARY_MAX, type DisclosureRules, type DisclosureValues } from '@/modules/disclosures/validation/disclosures';
import styles from '@/core/ui/school.module.css';
import type { FieldErrors } from '@/core/forms/state';
import { FieldError } from '@/core/forms/ui';

interface Props {
  values: DisclosureValues;
  set: <K extends keyof DisclosureValues>(k: K, v: DisclosureValues[K]) => void;
  errors: FieldErrors;
  rules: DisclosureRules;
  suggested: Channel[];
  disabled: boolean;
}

const invalid = (errors: FieldErrors, k: string) => (errors[k] ? { 'aria-invalid': true as const, 'aria-describedby': `${k}-error` } : {});

export function DisclosureFields({ values, set, errors, rules, suggested, disabled }: Props) {
  const t = useTranslations();
  const toggle = (c: string) => set('channels', values.channels.includes(c) ? values.channels.filter((x) => x !== c) : [...values.channels, c]);
  return (
    <>
      <div className={styles.field}>
        <label htmlFor="disclosedOn">{t('coordDisclosure.disclosedOn')}</label>
        <input
          id="disclosedOn"
          name="disclosedOn"
          type="date"
          value={values.disclosedOn}
          max={rules.today}
          onChange={(e) => set('disclosedOn', e.target.value)}
          disabled={disabled}
          {...invalid(errors, 'disclosedOn')}
        />
        <span className={styles.hint}>
          {rules.windowStart
            ? t('coordDisclosure.dateHint', { from: rules.windowStart, deadline: rules.deadline })
            : t('coordDisclosure.dateHintBefore', { event: rules.eventDate ?? '', deadline: rules.deadline })}
        </span>
        <FieldError name="disclosedOn" errors={errors} id="disclosedOn-error" />
      </div>
      {rules.timingBefore && (
        <div className={styles.field}>
          <label htmlFor="plannedOn">{t('coordDisclosure.plannedOn')}</label>
          <input id="plannedOn" name="plannedOn" type="date" value={values.plannedOn} onChange={(e) => set('plannedOn', e.target.value)} disabled={disabled} {...invalid(errors, 'plannedOn')} />
          <span className={styles.hint}>{t('coordDisclosure.plannedHint')}</span>
          <FieldError name="plannedOn" errors={errors} id="plannedOn-error" />
        </div>
      )}
      <fieldset className={styles.field} aria-describedby={errors.channels ? 'channels-error' : undefined}>
        <legend className={styles.fieldLabel}>{t('coordDisclosure.channels')}</legend>
        <div className={styles.checks}>
          {CHANNELS.map((c) => (
            <label key={c}>
              <input type="checkbox" name="channels" value={c} checked={values.channels.includes(c)} onChange={() => toggle(c)} disabled={disabled} />
              <span>
                {t(`coordTerms.channels.${c}`)}
                {suggested.includes(c) && <span className={styles.suggested}> · {t('coordDisclosure.suggested')}</span>}
              </span>
            </label>
          ))}
        </div>
        <FieldError name="channels" errors={errors} id="channels-error" />
      </fieldset>
      <fieldset className={styles.field} aria-describedby={errors.audience ? 'audience-error' : undefined}>
        <legend className={styles.fieldLabel}>{t('coordDisclosure.audience')}</legend>
        <div className={styles.radios}>
          {AUDIENCES.map((a) => (
            <label key={a}>
              <input type="radio" name="audience" value={a} checked={values.audience === a} onChange={() => set('audience', a)} disabled={disabled} />
              <span>
                {t(`coordTerms.audience.${a}`)} <span className={styles.hint}>— {t(`coordTerms.audienceHint.${a}`)}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError name="audience" errors={errors} id="audience-error" />
      </fieldset>
      <div className={styles.field}>
        <label htmlFor="summary">{t('coordDisclosure.summary')}</label>
        <textarea
          id="summary"
          name="summary"
          rows={5}
          maxLength={SUMMARY_MAX + 50}
          value={values.summary}
          placeholder={t('coordDisclosure.summaryPlaceholder')}
          onChange={(e) => set('summary', e.target.value)}
          disabled={disabled}
          {...invalid(errors, 'summary')}
        />
        <span className={styles.counter}>
          {values.summary.trim().length} / {SUMMARY_MAX}
        </span>
        <FieldError name="summary" errors={errors} id="summary-error" />
      </div>
      {rules.procurement && (
        <>
          <div className={styles.field}>
            <label htmlFor="procurementAmount">{t('coordDisclosure.amount')}</label>
            <input
              id="procurementAmount"
              name="procurementAmount"
              inputMode="decimal"
              value={values.procurementAmount}
              onChange={(e) => set('procurementAmount', e.target.value)}
              disabled={disabled}
              {...invalid(errors, 'procurementAmount')}
            />
            <FieldError name="procurementAmount" errors={errors} id="procurementAmount-error" />
          </div>
          <div className={styles.field}>
            <label htmlFor="procurementMethod">{t('coordDisclosure.method')}</label>
            <select
              id="procurementMethod"
              name="procurementMethod"
              value={values.procurementMethod}
              onChange={(e) => set('procurementMethod', e.target.value)}
              disabled={disabled}
              {...invalid(errors, 'procurementMethod')}
            >
              <option value="">{t('coordDisclosure.choose')}</option>
              {PROCUREMENT_METHODS.map((m) => (
                <option key={m.value} value={m.value}>
                  {t(`coordTerms.procurementMethod.${m.key}`)}
                </option>
              ))}
            </select>
            <span className={styles.hint}>{t('coordDisclosure.methodHint')}</span>
            <FieldError name="procurementMethod" errors={errors} id="procurementMethod-error" />
          </div>
        </>
      )}
    </>
  );
}

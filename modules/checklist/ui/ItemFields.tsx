'use client';
// The fields of one checklist item (DESIGN §2: the seven elements, audience, frequency, deadline
// rule, weight, mandatory, tags, timing), shared by the district checklist and platform templates.
import { useTranslations } from 'next-intl';
import { AUDIENCES, CHANNELS, FREQUENCIES } from '@/core/domain/types';
import type { FieldErrors } from '@/core/forms/state';
import { FieldError, invalidProps } from '@/core/forms/ui';

export function ItemFields({ values, errors, codeLocked }: { values: Record<string, string>; errors: FieldErrors; codeLocked: boolean }) {
  const t = useTranslations('checklistLabels');
  const channels = new Set((values.channels ?? '').split(',').filter(Boolean));
  const text = (name: string, opts: { long?: boolean; hint?: boolean; type?: string; step?: string } = {}) => (
    <label key={name}>
      {t(`field.${name}`)}
      {opts.long ? (
        <textarea name={name} rows={3} defaultValue={values[name] ?? ''} {...invalidProps(name, errors)} />
      ) : (
        <input name={name} type={opts.type ?? 'text'} step={opts.step} defaultValue={values[name] ?? ''} readOnly={name === 'code' && codeLocked} {...invalidProps(name, errors)} />
      )}
      {opts.hint && <span className="muted small">{t(`hint.${name}`)}</span>}
      <FieldError name={name} errors={errors} />
    </label>
  );
  const select = (name: string, options: readonly string[], labels: string, empty?: string) => (
    <label key={name}>
      {t(`field.${name}`)}
      <select name={name} defaultValue={values[name] ?? ''} {...invalidProps(name, errors)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`${labels}.${o}`)}
          </option>
        ))}
      </select>
      <FieldError name={name} errors={errors} />
    </label>
  );
  return (
    <>
      {text('code', { hint: true })}
      {text('name')}
      {text('domain')}
      {text('basis', { long: true })}
      {text('content', { long: true })}
      {text('responsibleParty')}
      <fieldset {...invalidProps('channels', errors)}>
        <legend>{t('field.channels')}</legend>
        {CHANNELS.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" name="channels" value={c} defaultChecked={channels.has(c)} /> {t(`channel.${c}`)}
          </label>
        ))}
        <FieldError name="channels" errors={errors} />
      </fieldset>
      {text('timeLimit')}
      {select('audience', AUDIENCES, 'audience', t('choose'))}
      {select('frequency', FREQUENCIES, 'frequency', t('choose'))}
      {text('deadlineDays', { type: 'number', step: '1', hint: true })}
      <label className="check">
        <input type="hidden" name="workingDays" value="false" />
        <input type="checkbox" name="workingDays" value="true" defaultChecked={values.workingDays === 'true'} {...invalidProps('workingDays', errors)} /> {t('field.workingDays')}
        <span className="muted small">{t('hint.workingDays')}</span>
        <FieldError name="workingDays" errors={errors} />
      </label>
      {text('annualDueDate', { hint: true })}
      {text('weight', { type: 'number', step: '0.5' })}
      <label className="check">
        {/* Unchecked boxes send nothing: the hidden field makes "not mandatory" explicit. */}
        <input type="hidden" name="mandatory" value="false" />
        <input type="checkbox" name="mandatory" value="true" defaultChecked={values.mandatory !== 'false'} /> {t('field.mandatory')}
      </label>
      {text('tags', { hint: true })}
      {select('timing', ['before'], 'timing', t('timing.none'))}
      {text('sortOrder', { type: 'number', step: '1' })}
    </>
  );
}

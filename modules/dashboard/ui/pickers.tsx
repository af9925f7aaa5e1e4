// Period and school filters shared by the review pages: a plain GET form, so every view has a
// URL that can be bookmarked and shared, and works without JavaScript.
import { getTranslations } from 'next-intl/server';
import type { SchoolType } from '@/core/domain/types';
import { SCHOOL_TYPES } from '@/core/domain/types';

export interface PickerValues {
  year: number;
  quarter: number | null;
  zone?: string | null;
  type?: SchoolType | null;
  state?: string | null;
}

export async function PeriodFilters({
  values,
  years,
  zones,
  allowYear,
  states,
  extra,
}: {
  values: PickerValues;
  years: number[];
  zones: { id: string; name: string }[];
  allowYear?: boolean;
  states?: string[];
  extra?: React.ReactNode;
}) {
  const t = await getTranslations();
  return (
    <form method="get" className="filters no-print" aria-label={t('evaluatorQueue.filters')}>
      <label>
        {t('evaluatorQueue.year')}
        <select name="year" defaultValue={String(values.year)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('evaluatorQueue.quarter')}
        <select name="quarter" defaultValue={values.quarter ? String(values.quarter) : ''}>
          {allowYear && <option value="">{t('evaluatorQueue.wholeYear')}</option>}
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {t('evaluatorQueue.quarterN', { quarter: q })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('common.zone')}
        <select name="zone" defaultValue={values.zone ?? ''}>
          <option value="">{t('evaluatorQueue.allZones')}</option>
          {zones.map((z) => (
            <option key={z.id} value={z.id}>
              {z.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('common.type')}
        <select name="type" defaultValue={values.type ?? ''}>
          <option value="">{t('evaluatorQueue.allTypes')}</option>
          {SCHOOL_TYPES.map((ty) => (
            <option key={ty} value={ty}>
              {t(`schoolTypes.${ty}`)}
            </option>
          ))}
        </select>
      </label>
      {states && (
        <label>
          {t('common.state')}
          <select name="state" defaultValue={values.state ?? ''}>
            <option value="">{t('evaluatorQueue.allStates')}</option>
            {states.map((st) => (
              <option key={st} value={st}>
                {st === 'overdue' ? t('evaluatorQueue.overdue') : t(`reportState.${st}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {extra}
      <button type="submit">{t('evaluatorQueue.apply')}</button>
    </form>
  );
}

export function Kpi({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="kpi">
      <div className="label">{label}</div>
      <div className="value" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

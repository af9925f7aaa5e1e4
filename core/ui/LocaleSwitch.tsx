import { getLocale, getTranslations } from 'next-intl/server';
import { setLocale } from '@/core/i18n/actions';
import { LOCALES } from '@/core/i18n/config';

export async function LocaleSwitch() {
  const locale = await getLocale();
  const t = await getTranslations('locale');
  return (
    <form action={setLocale} className="locale-switch" aria-label={t('label')}>
      {LOCALES.map((l) => (
        <button key={l} type="submit" name="locale" value={l} aria-pressed={l === locale} className="linkish">
          {t(l)}
        </button>
      ))}
    </form>
  );
}

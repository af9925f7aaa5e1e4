// Public survey pages (no login): a light shell for phones.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LocaleSwitch } from '@/core/ui/LocaleSwitch';
import styles from '@/modules/surveys/ui/survey.module.css';
import { Icon } from '@/core/ui/Icon';
import { ClientMessages } from '@/core/i18n/ClientMessages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('surveyPublic');
  // The code is in the URL: keep it out of search engines and out of Referer headers.
  return { title: t('metaTitle'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

export default async function SurveyLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations('surveyPublic');
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <span>
          <Icon name="sun" className="logo" /> {t('brand')}
        </span>
        <LocaleSwitch />
      </header>
      <main className={styles.main}>
        <ClientMessages area="publicSurvey">{children}</ClientMessages>
      </main>
    </div>
  );
}

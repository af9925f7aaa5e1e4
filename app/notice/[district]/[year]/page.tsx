// /notice/[district]/[year] — the public 公示 of the year's 先进单位 (DESIGN §6; no login): the
// notice as published, and an objection form while the period runs.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { LocaleSwitch } from '@/core/ui/LocaleSwitch';
import { longDate } from '@/core/ui/figures';
import { NoticeDocument } from '@/modules/ranking/ui/NoticeDocument';
import { ObjectionForm } from '@/modules/ranking/ui/ObjectionForm';
import { loadNotice, publicUrl } from '@/modules/ranking/ui/load-notice';
import styles from '@/modules/ranking/ui/notice.module.css';
import { Icon } from '@/core/ui/Icon';

export const dynamic = 'force-dynamic';

type Params = Promise<{ district: string; year: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const notice = await loadNotice(params);
  const t = await getTranslations('notice');
  return { title: t('title', { year: notice.year }) };
}

export default async function NoticePage({ params }: { params: Params }) {
  const notice = await loadNotice(params);
  const [t, app, locale] = await Promise.all([getTranslations('notice'), getTranslations('app'), getLocale()]);
  const path = `/notice/${notice.districtCode}/${notice.year}`;
  return (
    <main className={styles.page}>
      <div className={`${styles.bar} no-print`}>
        <span className={styles.brand}>
          <Icon name="sun" /> {app('name')}
        </span>
        <LocaleSwitch />
      </div>
      <NoticeDocument notice={notice} url={await publicUrl(path)} />
      {notice.state === 'final' && <p className={styles.banner}>{t('finalBanner')}</p>}
      {notice.state === 'notice' && !notice.open && <p className={styles.banner}>{t('closedBanner', { end: longDate(notice.noticeEndsOn, locale) })}</p>}
      {notice.open && (
        <section className={`card ${styles.objection} no-print`} aria-labelledby="objection-title">
          <h2 id="objection-title">{t('form.title')}</h2>
          <p className="small muted">{t('form.intro', { end: longDate(notice.noticeEndsOn, locale) })}</p>
          <ObjectionForm district={notice.districtCode} year={notice.year} />
        </section>
      )}
      <p className="no-print">
        <Link href={`${path}/print`}>{t('printLink')}</Link>
      </p>
    </main>
  );
}

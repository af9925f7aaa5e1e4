// The 公示 notice as an official document (DESIGN §6): title, body, the proposed schools by
// school-type group, the notice period, how to object, the issuing body and the date. Shared by
// the public page and its A4 print version.
import { getLocale, getTranslations } from 'next-intl/server';
import type { PublicNotice } from '@/modules/ranking/data/notice-public';
import { longDate } from '@/core/ui/figures';
import styles from './notice.module.css';

export async function NoticeDocument({ notice, url }: { notice: PublicNotice; url: string }) {
  const [t, locale] = await Promise.all([getTranslations('notice'), getLocale()]);
  const total = notice.groups.reduce((n, g) => n + g.schools.length, 0);
  const sep = t('nameSeparator');
  return (
    <article className={styles.doc} aria-labelledby="notice-title">
      <h1 id="notice-title" className={styles.title}>
        {t('title', { year: notice.year })}
      </h1>
      <p className={styles.indent}>{t('intro', { year: notice.year, count: total, district: notice.districtName })}</p>
      {notice.groups.map((g, i) => (
        <section key={g.type} className={styles.group} data-group={g.type}>
          <h2>{t('groupHeading', { index: i + 1, group: t(`group.${g.type}`), count: g.schools.length })}</h2>
          <p data-testid={`notice-group-${g.type}`}>{g.schools.length ? g.schools.map((s) => s.name).join(sep) : t('noneInGroup')}</p>
        </section>
      ))}
      <p className={styles.indent}>{t('period', { start: longDate(notice.noticeStartsOn, locale), end: longDate(notice.noticeEndsOn, locale), days: notice.workingDays })}</p>
      <p className={styles.indent}>{t('howToObject', { body: notice.issuingBody })}</p>
      {notice.contact && (
        <p className={styles.indent} data-testid="notice-contact">
          {t('contact', { contact: notice.contact })}
        </p>
      )}
      {/* A long address must wrap inside the page on a phone, not run past it. */}
      <p className={`${styles.indent} ${styles.url}`}>{t('onlineAt', { url })}</p>
      <div className={styles.signature}>
        {notice.issuingBody
          .split(/[\s　]+/)
          .filter(Boolean)
          .map((line) => (
            <p key={line}>{line}</p>
          ))}
        <p>{longDate(notice.publishedOn, locale)}</p>
      </div>
    </article>
  );
}

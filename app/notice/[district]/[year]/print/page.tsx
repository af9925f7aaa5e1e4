// /notice/[district]/[year]/print — the 公示 notice on A4 for the notice board (DESIGN §6, §8).
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { NoticeDocument } from '@/modules/ranking/ui/NoticeDocument';
import { loadNotice, publicUrl } from '@/modules/ranking/ui/load-notice';
import { PrintButton } from '@/core/ui/PrintButton';
import styles from '@/modules/ranking/ui/notice.module.css';

export const dynamic = 'force-dynamic';

type Params = Promise<{ district: string; year: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const notice = await loadNotice(params);
  const t = await getTranslations('notice');
  return { title: t('title', { year: notice.year }) };
}

export default async function NoticePrintPage({ params }: { params: Params }) {
  const notice = await loadNotice(params);
  const t = await getTranslations('notice');
  const path = `/notice/${notice.districtCode}/${notice.year}`;
  return (
    <main className={styles.print}>
      <p className="no-print">
        <PrintButton label={t('print')} /> <Link href={path}>{t('backToNotice')}</Link>
      </p>
      <NoticeDocument notice={notice} url={await publicUrl(path)} />
    </main>
  );
}

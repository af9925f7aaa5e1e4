import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LocaleSwitch } from '@/core/ui/LocaleSwitch';
import { publicSchoolPage } from '@/modules/disclosures/data/public';
import { EvidenceThumbs } from '@/modules/disclosures/ui/EvidenceThumbs';
import styles from '@/modules/disclosures/ui/public.module.css';
import { Icon } from '@/core/ui/Icon';

export const dynamic = 'force-dynamic';

type Params = { district: string; school: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { district, school } = await params;
  const data = await publicSchoolPage(district, school, 1);
  const t = await getTranslations('coordPublic');
  return { title: data ? t('title', { school: data.school.name }) : t('notFound') };
}

/** /p/[district]/[school] — a school's disclosures for parents and the public (audience external/both). */
export default async function PublicSchoolPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { district, school } = await params;
  const sp = await searchParams;
  const page = Number(typeof sp.page === 'string' ? sp.page : '1') || 1;
  const data = await publicSchoolPage(district, school, page);
  if (!data) notFound();
  const t = await getTranslations();
  const base = `/p/${encodeURIComponent(data.district.code)}/${encodeURIComponent(data.school.code)}`;
  return (
    <>
      <header className={styles.top}>
        <span className={styles.brand}>
          <Icon name="sun" /> {t('app.name')}
        </span>
        <LocaleSwitch />
      </header>
      <main className={styles.page}>
        <p className="no-print">
          <Link href={`/p/${encodeURIComponent(data.district.code)}`}>← {t('coordPublic.index.back', { district: data.district.name })}</Link>
        </p>
        <h1>{t('coordPublic.title', { school: data.school.name })}</h1>
        <p className={styles.lead}>
          {data.district.name} · {t(`schoolTypes.${data.school.type}`)} · {t('coordPublic.lead', { count: data.total })}
        </p>
        {data.disclosures.length === 0 ? (
          <p className="card">{t('coordPublic.empty')}</p>
        ) : (
          <ol className={styles.list}>
            {data.disclosures.map((d) => (
              <li key={d.id} className={styles.item} data-testid="public-disclosure" data-item={d.itemCode}>
                <h2>{d.itemName}</h2>
                <p className={styles.meta}>
                  {t('coordPublic.disclosedOn', { date: d.disclosedOn })} · {d.channels.map((c) => t(`coordTerms.channels.${c}`)).join(t('coordTerms.sep'))}
                </p>
                <p className={styles.summary}>{d.summary}</p>
                <EvidenceThumbs items={d.evidence} fileBase={`${base}/files/`} />
              </li>
            ))}
          </ol>
        )}
        {data.pages > 1 && (
          <nav className={styles.pager} aria-label={t('coordPublic.pages')}>
            {data.page > 1 && <Link href={`${base}?page=${data.page - 1}`}>← {t('coordPublic.newer')}</Link>}
            <span>{t('coordPublic.pageOf', { page: data.page, pages: data.pages })}</span>
            {data.page < data.pages && <Link href={`${base}?page=${data.page + 1}`}>{t('coordPublic.older')} →</Link>}
          </nav>
        )}
      </main>
    </>
  );
}

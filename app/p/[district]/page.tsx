import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LocaleSwitch } from '@/core/ui/LocaleSwitch';
import { Icon } from '@/core/ui/Icon';
import { publicDistrict, publicDistrictIndex } from '@/modules/disclosures/data/public';
import styles from '@/modules/disclosures/ui/public.module.css';

export const dynamic = 'force-dynamic';

type Params = { district: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const d = await publicDistrict((await params).district);
  const t = await getTranslations('coordPublic');
  return { title: d ? t('index.title', { district: d.name }) : t('index.notFound') };
}

/** /p/[district] — the district's schools for parents and the public, with a search (issue 14). */
export default async function PublicDistrictPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { district } = await params;
  const sp = await searchParams;
  const data = await publicDistrictIndex(district, typeof sp.q === 'string' ? sp.q : '');
  if (!data) notFound();
  const t = await getTranslations();
  const base = `/p/${encodeURIComponent(data.district.code)}`;
  return (
    <>
      <header className={styles.top}>
        <span className={styles.brand}>
          <Icon name="sun" /> {t('app.name')}
        </span>
        <LocaleSwitch />
      </header>
      <main className={styles.page}>
        <h1>{t('coordPublic.index.title', { district: data.district.name })}</h1>
        <p className={styles.lead}>{t('coordPublic.index.lead', { count: data.total })}</p>
        <form method="get" action={base} role="search" className={styles.search}>
          <label htmlFor="school-search">{t('coordPublic.index.searchLabel')}</label>
          <input id="school-search" name="q" type="search" defaultValue={data.query} maxLength={40} placeholder={t('coordPublic.index.placeholder')} />
          <button type="submit">{t('coordPublic.index.search')}</button>
        </form>
        {data.query && (
          <p role="status" data-testid="search-result">
            {t('coordPublic.index.found', { count: data.schools.length, query: data.query })} <Link href={base}>{t('coordPublic.index.clear')}</Link>
          </p>
        )}
        {data.schools.length > 0 && (
          <ul className={styles.schools} data-testid="public-schools">
            {data.schools.map((s) => (
              <li key={s.code} className={styles.item} data-school={s.code}>
                <h2>
                  <Link href={`${base}/${encodeURIComponent(s.code)}`}>{s.name}</Link>
                </h2>
                <p className={styles.meta}>
                  {[t(`schoolTypes.${s.type}`), s.zone, t('coordPublic.index.count', { count: s.disclosures }), s.latest ? t('coordPublic.index.latest', { date: s.latest }) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}

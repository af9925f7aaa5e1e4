import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Previous / next links for a paginated list; `href(page)` keeps the current filters. */
export async function Pager({ page, pageSize, total, href }: { page: number; pageSize: number; total: number; href: (page: number) => string }) {
  const t = await getTranslations('admin');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return <p className="muted small">{t('total', { total })}</p>;
  return (
    <nav className="filters" aria-label={t('pagination')}>
      {page > 1 ? <Link href={href(page - 1)}>{t('previous')}</Link> : <span className="muted">{t('previous')}</span>}
      <span>{t('pageOf', { page, pages, total })}</span>
      {page < pages ? <Link href={href(page + 1)}>{t('next')}</Link> : <span className="muted">{t('next')}</span>}
    </nav>
  );
}

// Paging through a district's schools (issue 15, "light pages": the matrix and the review queue of
// a few hundred schools are shown a page at a time). The links keep the filters; totals and
// figures elsewhere on the page count every school of the filter.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Paged } from '@/modules/dashboard/domain/paging';

export async function Pager({ paged, href, testId }: { paged: Paged & { schools: number }; href: (page: number) => string; testId: string }) {
  if (paged.pages <= 1) return null;
  const t = await getTranslations('pager');
  const pages = Array.from({ length: paged.pages }, (_, i) => i + 1);
  return (
    <nav className="pager no-print" aria-label={t('label')} data-testid={testId}>
      <span className="small muted">{t('info', { from: paged.from + 1, to: paged.to, schools: paged.schools })}</span>
      {paged.page > 1 && (
        <Link href={href(paged.page - 1)} rel="prev" prefetch={false}>
          {t('prev')}
        </Link>
      )}
      {pages.map((p) =>
        p === paged.page ? (
          <strong key={p} aria-current="page">
            {t('page', { page: p })}
          </strong>
        ) : (
          <Link key={p} href={href(p)} prefetch={false}>
            {t('page', { page: p })}
          </Link>
        ),
      )}
      {paged.page < paged.pages && (
        <Link href={href(paged.page + 1)} rel="next" prefetch={false}>
          {t('next')}
        </Link>
      )}
    </nav>
  );
}

import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AppShell } from '@/app/_shell/AppShell';
import { dateTime } from '@/core/ui/format';
import { requirePageScope } from '@/core/auth/session';
import { listTemplates } from '@/modules/checklist/data/templates';
import { TemplateForm } from '@/modules/checklist/ui/TemplateForms';

export const dynamic = 'force-dynamic';

export default async function TemplatesPage() {
  const scope = await requirePageScope(['platformAdmin']);
  const [t, locale, list] = await Promise.all([getTranslations('platformTemplates'), getLocale(), listTemplates(scope)]);
  return (
    <AppShell scope={scope}>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('code')}</th>
              <th>{t('name')}</th>
              <th className="num">{t('items')}</th>
              <th className="num">{t('usedBy')}</th>
              <th>{t('updatedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((tp, i) => (
              <tr key={tp.id} data-template={tp.code}>
                <td>
                  <Link href={`/platform/templates/${tp.id}`}>{tp.code}</Link>
                  {i === 0 && <span className="badge s-approved"> {t('default')}</span>}
                </td>
                <td>{tp.name}</td>
                <td className="num">{tp.items}</td>
                <td className="num">{tp.versions}</td>
                <td>{dateTime(tp.updatedAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.map((tp) => (
        <details key={tp.id} className="card">
          <summary>{t('copyOf', { name: tp.name })}</summary>
          <TemplateForm fromId={tp.id} initial={{ code: `${tp.code}-copy`, name: t('copyName', { name: tp.name }) }} />
        </details>
      ))}
    </AppShell>
  );
}

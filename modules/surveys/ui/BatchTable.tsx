// Code batches with how many codes were used — never anything about the answers (§7).
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { dateTime } from '@/core/ui/format';
import type { BatchRow } from '@/modules/surveys/data/codes';

export async function BatchTable({ batches, printBase, showSchool }: { batches: BatchRow[]; printBase: string; showSchool: boolean }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  if (batches.length === 0) return <p className="muted">{t('surveyCodes.noBatches')}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="batches">
        <thead>
          <tr>
            {showSchool && <th>{t('common.school')}</th>}
            <th>{t('surveyCodes.survey')}</th>
            <th className="num">{t('surveyCodes.codes')}</th>
            <th className="num">{t('surveyCodes.used')}</th>
            <th>{t('surveyCodes.createdAt')}</th>
            <th>{t('surveyCodes.createdBy')}</th>
            <th>{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.id} data-batch={b.id}>
              {showSchool && (
                <td>
                  {b.schoolCode} {b.schoolName}
                </td>
              )}
              <td>{t(`surveyCommon.group.${b.group}`)}</td>
              <td className="num">{b.count}</td>
              <td className="num">{b.used}</td>
              <td>{dateTime(b.createdAt, locale)}</td>
              <td>{b.createdBy ?? '—'}</td>
              <td>
                <Link href={`${printBase}/${b.id}`}>{t('surveyCodes.print')}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

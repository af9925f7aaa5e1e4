'use client';
// The coverage matrix grid (issue 15, "light pages"), drawn in the browser from the compact matrix
// (modules/dashboard/domain/compact-matrix.ts): names once, one short code per cell. The server's
// HTML holds the lean grid (a short state class `m-<letter>`, the symbol and the fraction per
// cell); once hydrated each cell becomes the link to its disclosures, named for screen readers
// ("dc01 M01 按时公开 3/3"). A table with row and column headers, so it reads cell by cell.
import { useSyncExternalStore } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { pct } from '@/core/ui/format';
import { CELL_LETTER, decodeRow, type CompactMatrix, type ShownCell } from '@/modules/dashboard/domain/compact-matrix';

const noSubscribe = () => () => {};
/** False on the server and while hydrating, true after: the cells' links are drawn only then. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}

export function MatrixGrid({ data, caption, cellHref, urgeForm }: { data: CompactMatrix; caption: string; cellHref: string; urgeForm: string | null }) {
  const t = useTranslations();
  const live = useHydrated();
  const join = cellHref.includes('?') ? '&' : '?';
  const fracText = (c: ShownCell) => (c.frac ? ` ${c.frac.met}/${c.frac.obligations}` : '');
  return (
    <table className="matrix" data-testid="matrix" data-live={live ? 'yes' : 'no'}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {urgeForm && (
            <th scope="col" className="urge-col no-print">
              <span className="sr-only">{t('reminders.urge.column')}</span>
            </th>
          )}
          <th scope="col">{t('common.school')}</th>
          {data.items.map((i) => (
            <th key={i.code} scope="col" title={i.name}>
              <abbr title={i.name}>{i.code}</abbr>
            </th>
          ))}
          <th scope="col" className="num">
            {t('evaluatorMatrix.metOf')}
          </th>
          <th scope="col" className="num">
            {t('common.coverage')}
          </th>
          <th scope="col" className="num">
            {t('common.timeliness')}
          </th>
        </tr>
      </thead>
      <tbody>
        {data.rows.map((r) => (
          <tr key={r.id} data-school={r.code}>
            {urgeForm && (
              <td className="urge-col no-print">
                {/* The 催办 form's checkbox (modules/reminders/ui/UrgeForm.tsx UrgeCheckbox), tied to it by id. */}
                <input type="checkbox" name="schoolId" value={r.id} form={urgeForm} aria-label={t('reminders.urge.select', { school: `${r.code} ${r.name}` })} />
              </td>
            )}
            <th scope="row">
              <Link href={`/review/schools/${r.id}`} prefetch={false}>{`${r.code} ${r.name}`}</Link>
            </th>
            {decodeRow(r.cells).map((c, i) => {
              const item = data.items[i]!.code;
              const symbol = t(`evaluatorMatrix.symbol.${c.state}`);
              const frac = fracText(c);
              const cls = `m-${CELL_LETTER[c.state]}`;
              if (!live)
                return (
                  <td key={item} className={cls}>
                    {symbol}
                    {frac && <small>{frac}</small>}
                  </td>
                );
              const text = t(`evaluatorMatrix.state.${c.state}`);
              return (
                <td key={item} className={cls} data-item={item} data-state={c.state}>
                  {c.state === 'notApplicable' ? (
                    <span aria-label={`${item} ${text}`}>{symbol}</span>
                  ) : (
                    <Link href={`${cellHref}${join}school=${r.id}&item=${encodeURIComponent(item)}#cell`} prefetch={false} aria-label={`${r.code} ${item} ${text}${frac}`}>
                      {symbol}
                      {frac && <small>{frac}</small>}
                    </Link>
                  )}
                </td>
              );
            })}
            <td className="num" data-col="met">
              {`${r.met}/${r.obligations}`}
            </td>
            <td className="num" data-col="coverage">
              {pct(r.coverage)}
            </td>
            <td className="num" data-col="timeliness">
              {pct(r.timeliness)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="total-row">
          {urgeForm && <td className="no-print" />}
          <th scope="row">{t('evaluatorMatrix.columnCoverage')}</th>
          {data.columns.map((c, i) => (
            <td key={data.items[i]!.code} className="num small" data-item={data.items[i]!.code}>
              {c.coverage === null ? '—' : `${Math.round(c.coverage)}%`}
            </td>
          ))}
          <td className="num" data-testid="total-met">
            {`${data.total.met}/${data.total.obligations}`}
          </td>
          <td className="num" data-testid="total-coverage">
            {pct(data.total.coverage)}
          </td>
          <td className="num" data-testid="total-timeliness">
            {pct(data.total.timeliness)}
          </td>
        </tr>
        <tr className="total-row">
          {urgeForm && <td className="no-print" />}
          <th scope="row">{t('evaluatorMatrix.columnMet')}</th>
          {data.columns.map((c, i) => (
            <td key={data.items[i]!.code} className="num small">
              {c.obligations ? `${c.met}/${c.obligations}` : '—'}
            </td>
          ))}
          <td colSpan={3} />
        </tr>
      </tfoot>
    </table>
  );
}

// Display pieces for survey figures: a group's validity badge and number cells (§4, §7).
import { getTranslations } from 'next-intl/server';
import { DATA_DIGITS, shownText } from '@/core/domain/rounding';
import { pct } from '@/core/ui/format';
import type { GroupFigures } from '@/modules/surveys/domain/results';

/** A mean score (1–5) with two decimals, rounded once from the exact value. */
export function num(v: number | null | undefined, digits = DATA_DIGITS): string {
  return shownText(v, digits) ?? '—';
}

/** 满意率 on screen: like every percentage, one decimal (§4: one number per figure). */
export function rate(v: number | null | undefined): string {
  return pct(v);
}

export async function Validity({ g }: { g: GroupFigures | null }) {
  const t = await getTranslations('surveyResults.validity');
  if (!g) return <span className="badge s-none">{t('none')}</span>;
  if (!g.visible) return <span className="badge s-none">{t('hidden')}</span>;
  return g.valid ? <span className="badge s-approved">{t('valid')}</span> : <span className="badge s-returned">{t('invalid')}</span>;
}

/** Codes answered of those issued, and the share (one decimal, from the exact value). */
function responseRate(c: { issued: number; used: number }): number | null {
  return c.issued === 0 ? null : (c.used / c.issued) * 100;
}

/** Responses, 满意率, mean and validity of one group as table cells; for a school also its response rate (codes answered / issued). */
export async function GroupCells({ g, codes }: { g: GroupFigures | null; codes?: { issued: number; used: number } | null }) {
  const t = await getTranslations('surveyResults');
  return (
    <>
      <td className="num">
        {g?.responses ?? '—'}
        {/* Under the anonymity floor not even the number of codes answered is shown, only those issued. */}
        {codes && (
          <div className="small muted" data-testid="response-rate">
            {g && !g.visible ? (
              t('codesIssued', { issued: codes.issued })
            ) : (
              <abbr title={t('responseRateFull', { used: codes.used, issued: codes.issued, rate: pct(responseRate(codes)) })}>
                {t('responseRate', { used: codes.used, issued: codes.issued, rate: pct(responseRate(codes)) })}
              </abbr>
            )}
          </div>
        )}
      </td>
      <td className="num">{rate(g?.satisfactionRate)}</td>
      <td className="num">{num(g?.meanScore)}</td>
      <td>
        <Validity g={g} />
      </td>
    </>
  );
}

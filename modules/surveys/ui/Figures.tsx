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

/** Responses, 满意率, mean and validity of one group as table cells. */
export async function GroupCells({ g }: { g: GroupFigures | null }) {
  return (
    <>
      <td className="num">{g?.responses ?? '—'}</td>
      <td className="num">{rate(g?.satisfactionRate)}</td>
      <td className="num">{num(g?.meanScore)}</td>
      <td>
        <Validity g={g} />
      </td>
    </>
  );
}

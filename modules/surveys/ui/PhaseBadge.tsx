import { getTranslations } from 'next-intl/server';
import type { SurveyPhase } from '@/modules/surveys/domain/phase';

const CLASS: Record<SurveyPhase, string> = { notOpen: 's-draft', open: 's-approved', closed: 's-submitted' };

export async function PhaseBadge({ phase }: { phase: SurveyPhase }) {
  const t = await getTranslations('surveyCommon.phase');
  return <span className={`badge ${CLASS[phase]}`}>{t(phase)}</span>;
}

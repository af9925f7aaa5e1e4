import { headers } from 'next/headers';
import { lookupCode } from '@/modules/surveys/data/public';
import { clientAddress } from '@/core/http/client-address';
import { countSurveyHit, surveyBlocked } from '@/modules/surveys/data/throttle';
import { CodeEntry } from '@/modules/surveys/ui/CodeEntry';
import { Refusal } from '@/modules/surveys/ui/Refusal';
import { SurveyForm } from '@/modules/surveys/ui/SurveyForm';

export const dynamic = 'force-dynamic';

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** /s/<code>: the survey for a code, or a clear message why it cannot be answered (§7). */
export default async function SurveyByCodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const address = clientAddress(await headers());
  if (await surveyBlocked(address)) return <Refusal reason="rateLimited" />;
  const found = await lookupCode(safeDecode(code));
  // Unknown codes are what guessing produces: they count against the address.
  if (found.state === 'unknown' && (await countSurveyHit(address))) return <Refusal reason="rateLimited" />;
  if (found.state !== 'open') {
    return (
      <>
        <Refusal reason={found.state} date={found.date} />
        {found.state === 'unknown' && <CodeEntry />}
      </>
    );
  }
  return <SurveyForm code={found.code} title={found.title} school={found.school} questions={found.questions} />;
}

import { headers } from 'next/headers';
import { lookupCode } from '@/lib/data/surveys-public';
import { clientAddress } from '@/lib/http/client-address';
import { countSurveyHit, surveyBlocked } from '@/lib/surveys/throttle';
import { CodeEntry } from '../CodeEntry';
import { Refusal } from './Refusal';
import { SurveyForm } from './SurveyForm';

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

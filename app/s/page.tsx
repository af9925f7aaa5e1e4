import { redirect } from 'next/navigation';
import { normalizeCode } from '@/modules/surveys/domain/codes';
import { CodeEntry } from '@/modules/surveys/ui/CodeEntry';

export const dynamic = 'force-dynamic';

/** /s: type the code printed on a slip; /s?code=… goes on to /s/<code>. */
export default async function EnterCodePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).code;
  const typed = typeof raw === 'string' ? raw.trim() : '';
  if (typed) {
    const code = normalizeCode(typed);
    if (code) redirect(`/s/${code}`);
  }
  return <CodeEntry heading value={typed || undefined} invalid={typed !== ''} />;
}

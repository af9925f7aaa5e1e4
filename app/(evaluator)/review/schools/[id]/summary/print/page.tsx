// /review/schools/[id]/summary/print?year=Y — a school's annual summary on A4 (issue 17).
import type { Metadata } from 'next';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { found } from '@/core/found';
import { readerSchoolSummary } from '@/modules/documents/data/school-documents';
import { summaryYear } from '@/modules/documents/ui/params';
import { PrintPage } from '@/modules/documents/ui/PrintPage';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load({ params, searchParams }: Props) {
  const scope = await requirePageScope(['evaluator', 'leader']);
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const year = summaryYear(sp.year, thisQuarter(), []);
  return { year, d: await found(readerSchoolSummary(scope, id, year)) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await load(props)).d.doc.title };
}

export default async function ReaderSummaryPrint(props: Props) {
  const { year, d } = await load(props);
  return <PrintPage doc={d.doc} back={`/review/schools/${d.school.id}/summary?year=${year}`} backLabel="backRead" />;
}

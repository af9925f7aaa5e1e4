// /school/summary/print?year=Y — the school's annual summary on A4 (issue 17).
import type { Metadata } from 'next';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { found } from '@/core/found';
import { coordinatorSummary } from '@/modules/documents/data/school-documents';
import { summaryYear } from '@/modules/documents/ui/params';
import { PrintPage } from '@/modules/documents/ui/PrintPage';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load({ searchParams }: Props) {
  const scope = await requirePageScope(['coordinator']);
  const year = summaryYear((await searchParams).year, thisQuarter(), []);
  return { year, d: await found(coordinatorSummary(scope, year)) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await load(props)).d.doc.title };
}

export default async function SchoolSummaryPrint(props: Props) {
  const { year, d } = await load(props);
  return <PrintPage doc={d.doc} back={`/school/summary?year=${year}`} backLabel="back" />;
}

// /review/documents/annual/print?year=Y — the district's annual report on A4 (issue 17).
import type { Metadata } from 'next';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { annualDocument } from '@/modules/documents/data/district-documents';
import { found } from '@/core/found';
import { reportYear } from '@/modules/documents/ui/params';
import { PrintPage } from '@/modules/documents/ui/PrintPage';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load({ searchParams }: Props) {
  const scope = await requirePageScope(['evaluator', 'leader']);
  return found(annualDocument(scope, reportYear((await searchParams).year, thisQuarter())));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await load(props)).doc.title };
}

export default async function AnnualPrint(props: Props) {
  const d = await load(props);
  return <PrintPage doc={d.doc} back={`/review/documents?doc=annual&year=${d.year}`} backLabel="backRead" />;
}

// /review/documents/quarterly/print?year=Y&quarter=Q — the quarterly 通报 on A4 (issue 17).
import type { Metadata } from 'next';
import { requirePageScope } from '@/core/auth/session';
import { thisQuarter } from '@/core/context';
import { quarterlyDocument } from '@/modules/documents/data/district-documents';
import { found } from '@/core/found';
import { bulletinQuarter } from '@/modules/documents/ui/params';
import { PrintPage } from '@/modules/documents/ui/PrintPage';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load({ searchParams }: Props) {
  const scope = await requirePageScope(['evaluator', 'leader']);
  const sp = await searchParams;
  const q = bulletinQuarter(sp.year, sp.quarter, thisQuarter());
  return found(quarterlyDocument(scope, q.year, q.quarter));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: (await load(props)).doc.title };
}

export default async function QuarterlyPrint(props: Props) {
  const d = await load(props);
  return <PrintPage doc={d.doc} back={`/review/documents?doc=quarterly&q=${d.year}-${d.quarter}`} backLabel="backRead" />;
}

// The A4 print page of a document (issue 17): the sheet alone, with a print button and a way back
// that are not printed.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PrintButton } from '@/core/ui/PrintButton';
import type { DocumentModel } from '@/modules/documents/domain/model';
import { DocumentView } from './DocumentView';
import styles from './documents.module.css';

export async function PrintPage({ doc, back, backLabel }: { doc: DocumentModel; back: string; backLabel: 'back' | 'backRead' }) {
  const t = await getTranslations('documents');
  return (
    <main className={styles.print}>
      <p className={`${styles.printBar} no-print`}>
        <PrintButton label={t('actions.printNow')} /> <Link href={back}>{t(`actions.${backLabel}`)}</Link>
      </p>
      <DocumentView doc={doc} />
    </main>
  );
}

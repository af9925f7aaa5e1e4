// Evidence of a disclosure: photos inline, PDFs and other files opened in the browser through
// /files/[id] (served safely by that route), links only when they are http(s).
import { getTranslations } from 'next-intl/server';
import type { EvidenceView } from '@/modules/reports/data/review-report';
import { Icon } from '@/core/ui/Icon';

function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

export async function Evidence({ files }: { files: EvidenceView[] }) {
  if (files.length === 0) return null;
  const t = await getTranslations('evaluatorReport');
  return (
    <div className="evidence" aria-label={t('evidence')}>
      {files.map((f) => {
        if (f.kind === 'link') {
          const href = safeUrl(f.url);
          return href ? (
            <a key={f.id} href={href} target="_blank" rel="noopener noreferrer nofollow">
              <Icon name="link" /> {f.fileName ?? href}
            </a>
          ) : (
            <span key={f.id}>{f.url}</span>
          );
        }
        if (f.mimeType?.startsWith('image/')) {
          return (
            <a key={f.id} href={`/files/${f.id}`} target="_blank" rel="noopener">
              {/* eslint-disable-next-line @next/next/no-img-element -- evidence is served by /files, not the image optimiser */}
              <img src={`/files/${f.id}`} alt={f.fileName ?? t('photo')} loading="lazy" className="evidence-img" />
            </a>
          );
        }
        return (
          <a key={f.id} href={`/files/${f.id}`} target="_blank" rel="noopener">
            <Icon name="file" /> {f.fileName ?? t('file')}
            {f.mimeType === 'application/pdf' ? ' (PDF)' : ''}
          </a>
        );
      })}
    </div>
  );
}

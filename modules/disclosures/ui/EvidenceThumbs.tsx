'use client';
// Evidence as thumbnails (images), file tiles (PDF) and links. Used inside the editor and on
// read-only pages; `fileBase` is where files are served from (`/files/` signed in, or a public
// school's `/p/…/files/`).
import { useTranslations } from 'next-intl';
import type { EvidenceView } from '@/modules/disclosures/data/evidence';
import styles from '@/core/ui/school.module.css';
import { Icon } from '@/core/ui/Icon';

function size(n: number | null): string {
  if (n === null) return '';
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

export function EvidenceThumbs({ items, fileBase, onRemove, removeLabel }: { items: EvidenceView[]; fileBase: string; onRemove?: (id: string) => void; removeLabel?: string }) {
  const t = useTranslations('coordEvidence');
  const hrefOf = (id: string) => `${fileBase}${id}`;
  if (items.length === 0) return null;
  return (
    <ul className={styles.thumbs}>
      {items.map((e) => (
        <li key={e.id} className={styles.thumb} data-kind={e.kind} data-testid="evidence-item">
          {e.kind === 'link' ? (
            <a href={e.url ?? '#'} target="_blank" rel="noopener noreferrer nofollow">
              <span className={`${styles.fileIcon} ${styles.linkIcon}`}>
                <Icon name="link" />
              </span>
              {e.url}
            </a>
          ) : e.mimeType?.startsWith('image/') ? (
            <a href={hrefOf(e.id)} target="_blank" rel="noopener">
              <img src={hrefOf(e.id)} alt={e.fileName ?? t('image')} loading="lazy" />
              {e.fileName}
            </a>
          ) : (
            // Served sandboxed, a PDF cannot open in the browser's own viewer: download it instead.
            <a href={`${hrefOf(e.id)}?download=1`} download>
              <span className={styles.fileIcon} aria-hidden>
                PDF
              </span>
              {e.fileName} {size(e.size)}
            </a>
          )}
          {onRemove && (
            <button type="button" className="linkish" onClick={() => onRemove(e.id)}>
              {removeLabel}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

'use client';
// Evidence of one disclosure or rectification: photos and PDFs (checked in the browser for an
// instant message, and again by the server from the file's bytes), and http(s) links (issue 3).
// Files are uploaded as soon as they are chosen, so a closed browser loses nothing.
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { EvidenceView } from '@/modules/disclosures/data/evidence';
import { detectEvidenceType, MAX_EVIDENCE_BYTES, SNIFF_BYTES } from '@/modules/disclosures/evidence/detect';
import { ensureDraftAction } from '@/core/forms/draft-actions';
import { addEvidenceLinkAction, removeEvidenceAction } from '@/modules/disclosures/actions/evidence';
import styles from '@/core/ui/school.module.css';
import { EvidenceThumbs } from './EvidenceThumbs';

interface Props {
  ownerType: 'disclosure' | 'rectification';
  ownerId: string;
  initial: EvidenceView[];
  editable: boolean;
  /** A record not saved yet: remember its id in the form's draft once evidence exists. */
  pendingDraft?: { formKey: string; values: Record<string, string> };
}

interface Problem {
  name: string;
  key: string;
  /** The school's quota for uploads not saved yet, as the server states it. */
  quota?: string;
}

/** The message of a refused upload or link: the quarter's entry block, or the reason. */
function problemKey(r: { status: string; block?: string }): string {
  if (r.status === 'locked') return `coordTerms.entryBlock.${r.block}`;
  const error = r.status;
  return `coordEvidence.refused.${['empty', 'tooLarge', 'html', 'svg', 'script', 'unverifiable', 'unsupported', 'tooMany', 'quota', 'urlInvalid', 'incomplete', 'notFound', 'forbidden'].includes(error) ? error : 'error'}`;
}

export function EvidenceManager({ ownerType, ownerId, initial, editable, pendingDraft }: Props) {
  const t = useTranslations();
  const [items, setItems] = useState<EvidenceView[]>(initial);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [isPending, startTransition] = useTransition();

  async function remember() {
    if (pendingDraft) await ensureDraftAction(pendingDraft.formKey, pendingDraft.values).catch(() => undefined);
  }

  async function upload(files: FileList | null) {
    if (!files || files.length === 0) return;
    const found: Problem[] = [];
    for (const file of Array.from(files)) {
      // The browser's check gives an instant, precise message; the server decides again.
      const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
      const local = file.size > MAX_EVIDENCE_BYTES ? ({ ok: false, reason: 'tooLarge' } as const) : detectEvidenceType(head, file.size);
      if (!local.ok) {
        found.push({ name: file.name, key: problemKey({ status: local.reason }) });
        continue;
      }
      setBusy(file.name);
      try {
        const q = new URLSearchParams({ ownerType, ownerId, name: file.name });
        const res = await fetch(`/school/evidence?${q}`, { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } });
        const body = (await res.json().catch(() => ({}))) as { evidence?: EvidenceView; error?: string; block?: string; quota?: string };
        if (res.ok && body.evidence) {
          setItems((cur) => [...cur, body.evidence!]);
          await remember();
        } else found.push({ name: file.name, key: problemKey({ status: body.error ?? (res.status === 413 ? 'tooLarge' : 'error'), block: body.block }), quota: body.quota });
      } catch {
        found.push({ name: file.name, key: problemKey({ status: 'error' }) });
      } finally {
        setBusy(null);
      }
    }
    setProblems(found);
  }

  function addLink() {
    const value = url.trim();
    startTransition(async () => {
      const r = await addEvidenceLinkAction(ownerType, ownerId, value);
      if ('status' in r) setProblems([{ name: value, key: problemKey(r) }]);
      else if (r.ok) {
        setItems((cur) => [...cur, r.evidence]);
        setUrl('');
        setProblems([]);
        await remember();
      } else setProblems([{ name: value, key: problemKey({ status: r.reason }) }]);
    });
  }

  function remove(id: string) {
    startTransition(async () => {
      const r = await removeEvidenceAction(id);
      if ('status' in r) setProblems([{ name: '', key: problemKey(r) }]);
      else setItems((cur) => cur.filter((e) => e.id !== id));
    });
  }

  return (
    <section className={styles.uploader} aria-labelledby={`evidence-${ownerId}`} data-testid="evidence">
      <h3 id={`evidence-${ownerId}`}>{t('coordEvidence.title')}</h3>
      <EvidenceThumbs items={items} fileBase="/files/" onRemove={editable ? remove : undefined} removeLabel={t('coordEvidence.remove')} />
      {items.length === 0 && <p className="muted small">{t('coordEvidence.none')}</p>}
      {editable && (
        <>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t('coordEvidence.upload')}</span>
            <input
              type="file"
              multiple
              accept="image/jpeg,image/png,image/webp,application/pdf"
              disabled={busy !== null}
              data-testid="evidence-file"
              onChange={(e) => {
                const input = e.currentTarget;
                void upload(input.files).finally(() => (input.value = ''));
              }}
            />
            <span className={styles.hint}>{t('coordEvidence.uploadHint')}</span>
          </label>
          {busy && (
            <p role="status" className="small">
              {t('coordEvidence.uploading', { name: busy })}
            </p>
          )}
          <div className={styles.inline}>
            <input type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" aria-label={t('coordEvidence.link')} data-testid="evidence-url" />
            <button type="button" onClick={addLink} disabled={isPending || url.trim() === ''}>
              {t('coordEvidence.addLink')}
            </button>
          </div>
        </>
      )}
      {problems.length > 0 && (
        // The alert is a wrapper: a <ul> given role="alert" is no longer a list, and its items lose their list (axe: listitem).
        <div role="alert" data-testid="evidence-errors">
          <ul className={styles.errors}>
            {problems.map((p, i) => (
              <li key={i}>{t(p.key, { name: p.name, max: '10 MB', quota: p.quota ?? '' })}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

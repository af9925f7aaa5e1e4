'use client';
// Bulk import (issue 7): choose a file → check it (every bad row listed, nothing written) →
// import all rows in one go, with a progress bar for the upload and for the writing.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ImportKind, ImportProgress } from '@/modules/org/data/imports';
import type { ImportIssue } from '@/modules/org/import/issues';
import type { IssuedPassword } from '@/modules/org/validation/states';

type Message =
  | { type: 'preview'; total: number; valid: number; issues: ImportIssue[] }
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'result'; status: 'invalid'; total: number; issues: ImportIssue[] }
  | { type: 'result'; status: 'imported'; created: number; updated: number; issued: IssuedPassword[] }
  | { type: 'error'; code: string };

type View =
  | { step: 'idle' }
  | { step: 'busy'; label: string; fraction: number | null }
  | { step: 'checked'; total: number; valid: number; issues: ImportIssue[] }
  | { step: 'done'; created: number; updated: number; issued: IssuedPassword[] }
  | { step: 'failed'; code: string };

/** XHR rather than fetch: only XHR reports upload progress. Each complete NDJSON line is handed on as it arrives. */
function post(url: string, file: File, onUpload: (f: number) => void, onMessage: (m: Message) => void): Promise<void> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    const drain = () => {
      const text = xhr.responseText;
      let nl: number;
      while ((nl = text.indexOf('\n', read)) >= 0) {
        const raw = text.slice(read, nl);
        read = nl + 1;
        try {
          onMessage(JSON.parse(raw) as Message);
        } catch {
          onMessage({ type: 'error', code: 'error' });
        }
      }
    };
    xhr.open('POST', url);
    xhr.setRequestHeader('x-sunlight-import', '1');
    xhr.upload.onprogress = (e) => e.lengthComputable && onUpload(e.loaded / e.total);
    xhr.onprogress = drain;
    xhr.onload = () => {
      drain();
      if (read === 0) onMessage({ type: 'error', code: xhr.status === 413 ? 'tooLarge' : 'error' });
      resolve();
    };
    xhr.onerror = () => {
      onMessage({ type: 'error', code: 'network' });
      resolve();
    };
    const body = new FormData();
    body.append('file', file);
    xhr.send(body);
  });
}

function passwordsCsv(issued: IssuedPassword[], header: [string, string]): string {
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `\uFEFF${[header, ...issued.map((i) => [i.username, i.password])].map((r) => r.map(esc).join(',')).join('\r\n')}\r\n`;
}

export function ImportPanel({ kind }: { kind: ImportKind }) {
  const t = useTranslations('adminImport');
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [view, setView] = useState<View>({ step: 'idle' });
  const busy = view.step === 'busy';

  async function run(step: 'preview' | 'commit') {
    if (!file) return;
    setView({ step: 'busy', label: t('uploading'), fraction: 0 });
    await post(
      `/admin/import/${kind}?step=${step}`,
      file,
      // Once the file is up, the server reads and checks it: an indeterminate bar until it answers.
      (f) => setView(f >= 1 ? { step: 'busy', label: t('checking'), fraction: null } : { step: 'busy', label: t('uploading'), fraction: f }),
      (m) => {
        if (m.type === 'progress') setView({ step: 'busy', label: t(`phase.${m.phase}`, { done: m.done, total: m.total }), fraction: m.total ? m.done / m.total : 1 });
        else if (m.type === 'preview') setView({ step: 'checked', total: m.total, valid: m.valid, issues: m.issues });
        else if (m.type === 'error') setView({ step: 'failed', code: m.code });
        else if (m.status === 'invalid') setView({ step: 'checked', total: m.total, valid: m.total - new Set(m.issues.map((i) => i.line)).size, issues: m.issues });
        else {
          setView({ step: 'done', created: m.created, updated: m.updated, issued: m.issued });
          router.refresh();
        }
      },
    );
  }

  return (
    <div className="import-panel" data-import={kind}>
      <p className="small">
        {t('templates')} <a href={`/admin/import/${kind}/template?format=xlsx`}>{t('templateXlsx')}</a> · <a href={`/admin/import/${kind}/template?format=csv`}>{t('templateCsv')}</a>
      </p>
      <p className="muted small">{t(`hint.${kind}`)}</p>
      <div className="filters">
        <label>
          {t('fileLabel')}{' '}
          <input
            type="file"
            name="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setView({ step: 'idle' });
            }}
          />
        </label>
        <button type="button" onClick={() => void run('preview')} disabled={!file || busy}>
          {t('check')}
        </button>
      </div>

      {view.step === 'busy' && (
        <div role="status" aria-live="polite">
          <label className="small">
            {view.label} <progress max={1} value={view.fraction ?? undefined} aria-label={view.label} />
          </label>
        </div>
      )}
      {view.step === 'failed' && (
        <p role="alert" className="error">
          {t.has(`file.${view.code}`) ? t(`file.${view.code}`) : t('file.error')}
        </p>
      )}
      {view.step === 'checked' && (
        <div className="card" data-testid="import-preview">
          <p role="status">{view.issues.length ? t('summaryBad', { total: view.total, bad: new Set(view.issues.map((i) => i.line)).size }) : t('summaryGood', { total: view.total })}</p>
          {view.issues.length > 0 ? (
            <div className="table-wrap">
              <table>
                <caption className="muted small">{t('issuesCaption')}</caption>
                <thead>
                  <tr>
                    <th className="num">{t('row')}</th>
                    <th>{t('column')}</th>
                    <th>{t('reason')}</th>
                    <th>{t('value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.issues.map((i) => (
                    <tr key={`${i.line}:${i.field}`} data-line={i.line}>
                      <td className="num">{i.line}</td>
                      <td>{t(`fields.${kind}.${i.field}`)}</td>
                      <td>{t(`reasons.${i.reason}`)}</td>
                      <td>{i.value ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <button type="button" className="primary" onClick={() => void run('commit')}>
              {t('commit', { total: view.valid })}
            </button>
          )}
        </div>
      )}
      {view.step === 'done' && (
        <div className="card" role="status">
          <p className="notice-ok">{t('done', { created: view.created, updated: view.updated })}</p>
          {view.issued.length > 0 && <IssuedList issued={view.issued} />}
        </div>
      )}
    </div>
  );
}

function IssuedList({ issued }: { issued: IssuedPassword[] }) {
  const t = useTranslations('adminImport');
  const download = () => {
    const blob = new Blob([passwordsCsv(issued, [t('username'), t('password')])], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'sunlight-temporary-passwords.csv';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <>
      <p className="error">{t('passwordsOnce')}</p>
      <button type="button" onClick={download}>
        {t('downloadPasswords')}
      </button>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('username')}</th>
              <th>{t('password')}</th>
            </tr>
          </thead>
          <tbody>
            {issued.map((i) => (
              <tr key={i.username}>
                <td>{i.username}</td>
                <td>
                  <code>{i.password}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

// A generated document (issue 17) as an A4 sheet: the screen preview beside the editor and the print
// page render this one component from the same DocumentModel the DOCX is written from. Paragraphs a
// person wrote are marked; a reminder to write one links to its field in the editor.
import type { Block, DocumentModel, Paragraph } from '@/modules/documents/domain/model';
import { BarChart } from './BarChart';
import styles from './documents.module.css';

function Para({ p, editorLinks }: { p: Paragraph; editorLinks: boolean }) {
  const lines = p.text.split(/\n+/).filter((l) => l.trim());
  if (p.source === 'placeholder')
    return (
      <p className={`${styles.p} ${styles.placeholder}`} data-source="placeholder" data-field={p.field}>
        {editorLinks && p.field ? <a href={`#field-${p.field}`}>{p.text}</a> : p.text}
      </p>
    );
  return (
    <>
      {lines.map((l, i) => (
        <p key={i} className={`${styles.p} ${p.source === 'narrative' ? styles.narrative : ''}`} data-source={p.source} data-field={p.field}>
          {l.trim()}
        </p>
      ))}
    </>
  );
}

function BlockView({ b, id, editorLinks }: { b: Block; id: string; editorLinks: boolean }) {
  switch (b.kind) {
    case 'paragraph':
      return <Para p={b} editorLinks={editorLinks} />;
    case 'subheading':
      return <p className={styles.sub}>{b.text}</p>;
    case 'chart':
      return <BarChart chart={b} id={id} />;
    case 'table': {
      const total = b.columns.reduce((s, c) => s + (c.width ?? 1), 0);
      return (
        <div className={styles.tableBlock}>
          <p className={styles.caption} id={`${id}-cap`}>
            {b.caption}
          </p>
          <table className={styles.table} aria-labelledby={`${id}-cap`} data-testid="doc-table">
            <colgroup>
              {b.columns.map((c, i) => (
                <col key={i} style={{ width: `${(((c.width ?? 1) / total) * 100).toFixed(2)}%` }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                {b.columns.map((c) => (
                  <th key={c.label} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, ri) => (
                <tr key={ri}>
                  {r.map((v, ci) => (
                    <td key={ci} className={b.columns[ci]?.numeric ? styles.num : undefined}>
                      {v}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
  }
}

export function DocumentView({ doc, editorLinks = false }: { doc: DocumentModel; editorLinks?: boolean }) {
  return (
    <div className={styles.sheet}>
      <article className={styles.doc} lang="zh-CN" aria-labelledby="doc-title" data-testid="document" data-kind={doc.kind}>
        {doc.docNumber && (
          <p className={styles.docNumber} data-testid="doc-number">
            {doc.docNumber}
          </p>
        )}
        <h1 id="doc-title" className={styles.title}>
          {doc.title}
        </h1>
        {doc.note && <p className={styles.note}>{doc.note}</p>}
        {doc.addressees && <p className={styles.addressees}>{doc.addressees}</p>}
        {doc.opening.map((p, i) => (
          <Para key={i} p={p} editorLinks={editorLinks} />
        ))}
        {doc.sections.map((s) => (
          <section key={s.id} className={styles.section} data-section={s.id} aria-labelledby={`sec-${s.id}`}>
            <h2 id={`sec-${s.id}`}>{s.heading}</h2>
            {s.blocks.map((b, i) => (
              <BlockView key={i} b={b} id={`${s.id}-${i}`} editorLinks={editorLinks} />
            ))}
          </section>
        ))}
        <div className={styles.signature}>
          {doc.signature.lines.map((l) => (
            <p key={l}>{l}</p>
          ))}
          <p>{doc.signature.date}</p>
        </div>
      </article>
    </div>
  );
}

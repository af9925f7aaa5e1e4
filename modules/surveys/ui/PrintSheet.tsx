// The printable A4 sheet of a code batch (DESIGN §7): ten slips a page, each with a QR code, the
// short URL, the code, the school and the survey title. Slips are always in Chinese (they go to
// parents and teachers); the toolbar follows the UI language.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { PrintBatch } from '@/modules/surveys/data/codes';
import { formatCode } from '@/modules/surveys/domain/codes';
import { surveyUrl } from './origin';
import { qrDataUrl } from './qr';
import { PrintButton } from '@/core/ui/PrintButton';

const PER_PAGE = 10;

// Plain CSS in a <style> element: @page cannot live in a CSS module.
const CSS = `
@page { size: A4; margin: 10mm; }
.print-toolbar { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: center; margin-bottom: 1rem; }
.sheet { width: 190mm; max-width: 100%; display: grid; grid-template-columns: 1fr 1fr; background: #fff; margin-bottom: 1rem; }
.slip { box-sizing: border-box; height: 55.4mm; border: 1px dashed #9aa3af; padding: 3mm 4mm; display: flex; gap: 4mm; align-items: center; overflow: hidden; break-inside: avoid; }
.slip img { width: 36mm; height: 36mm; flex: none; image-rendering: pixelated; }
.slip-text { display: grid; gap: 1mm; font-size: 9pt; line-height: 1.3; min-width: 0; }
.slip-school { font-weight: 700; font-size: 10.5pt; }
.slip-title { font-size: 9pt; }
.slip-url { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 8.5pt; word-break: break-all; }
.slip-code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12pt; font-weight: 700; letter-spacing: 0.05em; }
.slip-note { color: #4b5563; font-size: 7.5pt; }
.slip.used { position: relative; border-style: solid; border-color: #b91c1c; }
.slip.used img { opacity: 0.3; }
.slip.used .slip-code { text-decoration: line-through; color: #4b5563; }
.slip-used { color: #b91c1c; font-weight: 700; font-size: 9pt; }
@media print {
  .page { padding: 0 !important; max-width: none !important; }
  .sheet { margin: 0; break-after: page; }
  .sheet:last-child { break-after: auto; }
}
`;

export async function PrintSheet({ data, origin, backHref }: { data: PrintBatch; origin: string; backHref: string }) {
  const [t, slip] = await Promise.all([getTranslations('surveyCodes'), getTranslations({ locale: 'zh-CN', namespace: 'surveySlip' })]);
  const slips = await Promise.all(
    data.codes.map(async (code) => {
      const url = surveyUrl(origin, code);
      return { code, url, qr: await qrDataUrl(url), usedOn: data.usedOn[code] ?? null };
    }),
  );
  const usedCount = slips.filter((s) => s.usedOn).length;
  const pages: (typeof slips)[] = [];
  for (let i = 0; i < slips.length; i += PER_PAGE) pages.push(slips.slice(i, i + PER_PAGE));
  return (
    <>
      <style>{CSS}</style>
      <div className="print-toolbar no-print">
        <h1>{t('printTitle', { school: data.school.name })}</h1>
        <p className="muted">
          {data.survey.title} · {t('printCount', { count: data.codes.length, pages: pages.length })}
        </p>
        {usedCount > 0 && (
          <p className="error" data-testid="used-count">
            {t('printUsed', { count: usedCount })}
          </p>
        )}
        <PrintButton label={t('printNow')} />
        <Link href={backHref}>{t('back')}</Link>
      </div>
      {pages.map((page, i) => (
        <div className="sheet" key={i}>
          {page.map((s) => (
            <article className={s.usedOn ? 'slip used' : 'slip'} key={s.code} data-code={s.code} data-used={s.usedOn ? 'true' : undefined}>
              <img src={s.qr} alt={slip('qrAlt', { url: s.url })} data-url={s.url} />
              <div className="slip-text">
                <div className="slip-school">{data.school.name}</div>
                <div className="slip-title">{data.survey.title}</div>
                <div>{slip('how')}</div>
                <div className="slip-url">{s.url}</div>
                {/* A reprinted sheet marks the codes already answered so they are not handed out again. */}
                {s.usedOn && <div className="slip-used">{slip('used', { date: s.usedOn })}</div>}
                <div className="slip-code">{formatCode(s.code)}</div>
                <div className="slip-note">{slip('note', { closesOn: data.survey.closesOn })}</div>
              </div>
            </article>
          ))}
        </div>
      ))}
    </>
  );
}

// A stored message in words (issue 16): the same text for the inbox, e-mail, robots and the
// webhook, in the recipient's language (Simplified Chinese unless they chose English). Lines are
// kept as message keys and values, so nothing is translated twice or stored in one language only.
import { createTranslator } from 'next-intl';
import { loadMessages } from '@/core/i18n/messages';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/core/i18n/config';
import { periodText } from '@/core/ui/period-text';

export interface StoredMessage {
  titleKey: string;
  titleValues: Record<string, string | number>;
  lines: { key: string; values: Record<string, string | number>; href: string | null }[];
  href: string | null;
}

export interface RenderedLine {
  text: string;
  href: string | null;
}

export interface Rendered {
  title: string;
  lines: RenderedLine[];
  href: string | null;
}

type T = (key: string, values?: Record<string, string | number>) => string;

function translator(locale: Locale): T {
  const t = createTranslator({ locale, messages: loadMessages(locale) as never });
  return (key, values) => (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
}

function withPeriod(t: T, values: Record<string, string | number>): Record<string, string | number> {
  if (typeof values.periodKey !== 'string') return values;
  const event = typeof values.eventTitle === 'string' && typeof values.eventDate === 'string' ? { title: values.eventTitle, eventDate: values.eventDate } : null;
  return { ...values, period: periodText(t, values.periodKey, event) };
}

/** Renders `m` in `locale` (any unknown value falls back to Simplified Chinese). */
export function renderMessage(m: StoredMessage, locale: string | null | undefined = DEFAULT_LOCALE): Rendered {
  const t = translator(isLocale(locale) ? locale : DEFAULT_LOCALE);
  const safe = (key: string, values: Record<string, string | number>) => {
    try {
      return t(key, withPeriod(t, values));
    } catch {
      return key;
    }
  };
  return {
    title: safe(`reminderText.titles.${m.titleKey}`, m.titleValues),
    lines: m.lines.map((l) => ({ text: safe(`reminderText.lines.${l.key}`, l.values), href: l.href })),
    href: m.href,
  };
}

function footerText(locale: string | null | undefined): { open: string; footer: string } {
  const t = translator(isLocale(locale) ? locale : DEFAULT_LOCALE);
  return { open: t('reminderText.open'), footer: t('reminderText.footer') };
}

/** An app path as an absolute link (NEXTAUTH_URL is the app's public address). */
function absoluteUrl(href: string | null, origin: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, origin).toString();
  } catch {
    return null;
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
// Markdown metacharacters in user-typed text (titles, reasons) must not become links or markup.
const escapeMd = (s: string) => s.replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1');

/** Plain text, HTML and markdown forms of a rendered message, with absolute links. */
export function formats(r: Rendered, origin: string, locale: string | null | undefined) {
  const f = footerText(locale);
  const link = absoluteUrl(r.href, origin);
  const lines = r.lines.map((l) => ({ text: l.text, url: absoluteUrl(l.href, origin) }));
  const text = [r.title, '', ...lines.map((l) => `• ${l.text}${l.url ? `\n  ${l.url}` : ''}`), '', link ? `${f.open}: ${link}` : '', f.footer]
    .filter((x, i, a) => x !== '' || a[i - 1] !== '')
    .join('\n');
  const html = `<h2 style="font-size:16px">${escapeHtml(r.title)}</h2><ul>${lines
    .map((l) => `<li>${l.url ? `<a href="${escapeHtml(l.url)}">${escapeHtml(l.text)}</a>` : escapeHtml(l.text)}</li>`)
    .join('')}</ul>${link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(f.open)}</a></p>` : ''}<p style="color:#666;font-size:12px">${escapeHtml(f.footer)}</p>`;
  const markdown = [
    `### ${escapeMd(r.title)}`,
    ...lines.map((l) => (l.url ? `- [${escapeMd(l.text)}](${l.url})` : `- ${escapeMd(l.text)}`)),
    link ? `\n[${escapeMd(f.open)}](${link})` : '',
    `\n${escapeMd(f.footer)}`,
  ]
    .filter(Boolean)
    .join('\n');
  return { subject: r.title, text, html, markdown };
}

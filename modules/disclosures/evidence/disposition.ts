// A safe Content-Disposition for a served evidence file (issue 3): the stored name is untrusted
// user input, so it is reduced to a plain file name with the extension of the detected type, and
// sent both as an ASCII fallback and as RFC 5987 `filename*` for Chinese names.

const MAX_NAME_CHARS = 100;

/**
 * The user's file name without any path, control or quoting characters, at most 100 characters,
 * ending in `.ext` (the detected type's extension replaces whatever the name claimed).
 */
export function safeFileName(name: string | null | undefined, ext: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f"';:*?<>|%\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const stem = cleaned
    .replace(/\.[^.]*$/, '')
    .replace(/\.+$/, '')
    .trim();
  const chars = [...(stem || 'evidence')];
  const cut = chars.slice(0, MAX_NAME_CHARS - ext.length - 1).join('');
  return `${cut}.${ext}`;
}

/** RFC 5987 ext-value: UTF-8, percent-encoded outside attr-char. */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `inline` (images, PDF) or `attachment`; `filename` is an ASCII-only fallback. */
export function contentDisposition(name: string | null | undefined, ext: string, inline: boolean): string {
  const safe = safeFileName(name, ext);
  let fallback = safe.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  if (/^[_ ]*\./.test(fallback)) fallback = `evidence.${ext}`;
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${rfc5987(safe)}`;
}

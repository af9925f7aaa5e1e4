// Small inline SVG icons. Emoji (🔒, 📎 …) render as empty boxes on machines without an emoji font
// (many office PCs), so every pictogram of the interface is drawn here instead. Decorative: the
// text beside an icon says what it means, so icons are hidden from assistive technology.
const PATHS = {
  // 24×24 strokes, in the spirit of common open icon sets.
  lock: 'M7 11V8a5 5 0 0 1 10 0v3 M5 11h14v10H5z M12 15v2',
  paperclip: 'M21 11.5l-8.6 8.6a5 5 0 0 1-7.1-7.1l8.6-8.6a3.3 3.3 0 0 1 4.7 4.7l-8.6 8.6a1.7 1.7 0 0 1-2.4-2.4l7.9-7.9',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1 M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  file: 'M14 3H6v18h12V7z M14 3v4h4 M9 13h6 M9 17h6',
  comment: 'M4 5h16v11H9l-5 4z',
  warning: 'M12 3l10 18H2z M12 10v5 M12 18v.5',
  flag: 'M5 21V4 M5 4h12l-2 4 2 4H5',
  check: 'M4 12l5 5L20 6',
  cross: 'M6 6l12 12 M18 6L6 18',
  star: 'M12 3l2.8 5.9 6.2.8-4.6 4.3 1.2 6.2L12 17.2 6.4 20.2l1.2-6.2L3 9.7l6.2-.8z',
  external: 'M14 4h6v6 M20 4l-9 9 M18 14v6H4V6h6',
  clock: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M12 7v5l3 2',
} as const;

export type IconName = keyof typeof PATHS | 'sun';

export function Icon({ name, className, size = '1em' }: { name: IconName; className?: string; size?: string }) {
  return (
    <svg
      className={`icon${className ? ` ${className}` : ''}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      data-icon={name}
    >
      {name === 'sun' ? (
        <>
          <circle cx="12" cy="12" r="4.5" fill="currentColor" />
          <path d="M12 1.5v3 M12 19.5v3 M1.5 12h3 M19.5 12h3 M4.6 4.6l2.1 2.1 M17.3 17.3l2.1 2.1 M4.6 19.4l2.1-2.1 M17.3 6.7l2.1-2.1" />
        </>
      ) : (
        <path d={PATHS[name]} fill={name === 'star' ? 'currentColor' : 'none'} />
      )}
    </svg>
  );
}

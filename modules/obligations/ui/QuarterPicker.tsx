'use client';
import { useRouter } from 'next/navigation';
import styles from '@/core/ui/school.module.css';

/** Switches the page to another quarter (`?q=`); works as a plain GET form without JavaScript. */
export function QuarterPicker({ options, value, basePath, label, go }: { options: { value: string; label: string }[]; value: string; basePath: string; label: string; go: string }) {
  const router = useRouter();
  return (
    <form method="get" action={basePath} className={styles.picker}>
      <label htmlFor="quarter-picker" className="muted small">
        {label}
      </label>
      <select key={value} id="quarter-picker" name="q" defaultValue={value} onChange={(e) => router.push(`${basePath}?q=${encodeURIComponent(e.target.value)}`)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">{go}</button>
      </noscript>
    </form>
  );
}

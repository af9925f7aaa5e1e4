import { getTranslations } from 'next-intl/server';
import type { EntryBlock } from '@/modules/obligations/domain/entry-window';
import styles from '@/core/ui/school.module.css';
import { Icon } from '@/core/ui/Icon';

/** Why this quarter's records cannot be changed (§3 close date, §5 report states). */
export async function EntryNotice({ block, closesOn }: { block: EntryBlock | null; closesOn: string }) {
  if (!block) return null;
  const t = await getTranslations('coordTerms.entryBlock');
  return (
    <p className={`${styles.banner} ${styles.bannerLock}`} role="status" data-testid="entry-locked">
      <Icon name="lock" /> {t(block, { date: closesOn })}
    </p>
  );
}

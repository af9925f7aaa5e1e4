import { getTranslations } from 'next-intl/server';
import type { EntryBlock } from '@/modules/obligations/domain/entry-window';
import styles from '@/core/ui/school.module.css';
import { Icon } from '@/core/ui/Icon';

/**
 * Why this quarter's records cannot be changed (§3 close date, §5 report states) — or, for one
 * disclosure of an approved quarter whose deadline has not passed (`afterLock`, §3), that it can
 * still be recorded and the evaluator will see it flagged.
 */
export async function EntryNotice({ block, closesOn, afterLock = null }: { block: EntryBlock | null; closesOn: string; afterLock?: 'submitted' | 'approved' | null }) {
  if (!block && afterLock) {
    const ta = await getTranslations('coordTerms.afterLock');
    return (
      <p className={styles.banner} role="status" data-testid="entry-after-lock">
        {ta(afterLock)}
      </p>
    );
  }
  if (!block) return null;
  const t = await getTranslations('coordTerms.entryBlock');
  return (
    <p className={`${styles.banner} ${styles.bannerLock}`} role="status" data-testid="entry-locked">
      <Icon name="lock" /> {t(block, { date: closesOn })}
    </p>
  );
}

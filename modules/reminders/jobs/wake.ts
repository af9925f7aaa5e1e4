// Lets a request hand the deliveries it created to this process's worker at once (after its
// transaction committed), instead of waiting for the next tick. Without a worker in this process
// nothing happens here: the next tick of any process finds them.
import type { ReminderWorker } from './worker';

const KEY = Symbol.for('sunlight.reminders.worker');

export async function wakeWorker(districtId: string, deliveryIds: readonly string[]): Promise<void> {
  const w = (globalThis as { [KEY]?: ReminderWorker })[KEY];
  if (!w || deliveryIds.length === 0) return;
  try {
    await w.enqueue(districtId, deliveryIds);
  } catch (e) {
    console.error('[reminders] could not queue deliveries:', e instanceof Error ? e.message : e);
  }
}

// A reminders worker in a process of its own (issue 16): `npm run worker`. Useful where the web
// processes run with SUNLIGHT_WORKER=off, and used by the two-process test. On PostgreSQL any
// number of these (and of app processes with their own worker) share the pg-boss queue; each
// delivery is still sent once. `--until-idle`: stop when nothing is left to send (tests).
import { closeDb } from '@/db/client';
import { ReminderWorker } from '@/modules/reminders/jobs/worker';
import { dueDeliveries } from '@/modules/reminders/data/runs';
import { now } from '@/core/env';

const untilIdle = process.argv.includes('--until-idle');
const worker = new ReminderWorker();
await worker.start();
console.log(`[reminders] worker started (${worker.queue.kind})`);

const stop = async (code: number) => {
  await worker.stop().catch(() => {});
  await closeDb().catch(() => {});
  process.exit(code);
};
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

if (untilIdle) {
  await worker.tick();
  const deadline = Date.now() + 120_000;
  let quiet = 0;
  // Idle = nothing due for a few consecutive looks (another worker may still be sending).
  while (Date.now() < deadline && quiet < 5) {
    await new Promise((r) => setTimeout(r, 300));
    const due = await dueDeliveries(now());
    quiet = due.length === 0 ? quiet + 1 : 0;
  }
  await stop(quiet >= 5 ? 0 : 1);
}

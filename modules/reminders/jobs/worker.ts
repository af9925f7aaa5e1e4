// The reminders worker (issue 16): started once per app process from instrumentation.ts (never
// in tests unless a test starts one itself). Each tick: every active district's daily schedule
// when due, messages for recent events, and a sweep that queues every delivery that is due
// (new ones, retries whose backoff is over, and attempts abandoned by a stopped process).
// The same runner recomputes the fact store's district-years after a change of many facts
// (issue 15, modules/facts/data/jobs.ts): sent at once by the request that made the change, and
// swept by the tick when a job was lost.
import { env, now as appNow } from '@/core/env';
import { activeDistricts, dueDeliveries, processEvents, runDailyIfDue } from '../data/runs';
import { deliverOne, type Sender } from './deliver';
import { InProcessQueue, PgBossQueue, type DeliveryJob, type JobQueue } from './queue';
import { onRecomputeRequested, pendingRecomputes, recomputeDistrictYear, type RecomputeJob } from '@/modules/facts/data/jobs';

export interface WorkerOptions {
  queue?: JobQueue;
  now?: () => Date;
  /** Replaces the real channels (integration tests). */
  sender?: Sender;
}

export class ReminderWorker {
  readonly queue: JobQueue;
  private readonly now: () => Date;
  private readonly sender?: Sender;

  constructor(opts: WorkerOptions = {}) {
    const url = env().DATABASE_URL;
    this.queue = opts.queue ?? (url ? new PgBossQueue(url) : new InProcessQueue());
    this.now = opts.now ?? appNow;
    this.sender = opts.sender;
  }

  async start(): Promise<void> {
    await this.queue.start({ tick: () => this.tick(), deliver: (job) => this.deliver(job), recompute: (job) => this.recompute(job) });
    // A tick at once: a process that was down at the district's hour catches up now.
    if (this.queue.kind === 'pg-boss') await this.tick();
  }

  async tick(): Promise<void> {
    const now = this.now();
    for (const d of await activeDistricts()) {
      try {
        const daily = await runDailyIfDue(d.id, now);
        const events = await processEvents(d.id, now);
        for (const id of [...daily.deliveryIds, ...events.deliveryIds]) await this.queue.sendDelivery({ districtId: d.id, deliveryId: id });
      } catch (e) {
        console.error(`[reminders] district ${d.code}:`, e instanceof Error ? e.message : e);
      }
    }
    for (const d of await dueDeliveries(now)) await this.queue.sendDelivery({ districtId: d.districtId, deliveryId: d.id });
    for (const job of await pendingRecomputes()) await this.queue.sendRecompute(job);
  }

  async recompute(job: RecomputeJob): Promise<void> {
    await recomputeDistrictYear(job);
  }

  /** District-years marked for recomputation by a request in this process. */
  async requestRecompute(jobs: readonly RecomputeJob[]): Promise<void> {
    for (const job of jobs) await this.queue.sendRecompute(job);
  }

  async deliver(job: DeliveryJob): Promise<void> {
    const r = await deliverOne(job.districtId, job.deliveryId, this.now, this.sender);
    if (r.status === 'retry') await this.queue.sendDelivery(job, new Date(Date.now() + Math.max(0, r.nextAttemptAt.getTime() - this.now().getTime())));
  }

  /** Deliveries created by a request in this process go out without waiting for the next tick. */
  async enqueue(districtId: string, deliveryIds: readonly string[]): Promise<void> {
    for (const id of deliveryIds) await this.queue.sendDelivery({ districtId, deliveryId: id });
  }

  async stop(): Promise<void> {
    await this.queue.stop();
  }
}

const KEY = Symbol.for('sunlight.reminders.worker');
type G = typeof globalThis & { [KEY]?: ReminderWorker };

/** Starts this process's worker once (instrumentation.ts). SUNLIGHT_WORKER=off leaves it off. */
export async function startReminderWorker(): Promise<ReminderWorker | null> {
  const g = globalThis as G;
  if (g[KEY]) return g[KEY]!;
  if (env().SUNLIGHT_WORKER === 'off') return null;
  const w = new ReminderWorker();
  g[KEY] = w;
  try {
    await w.start();
  } catch (e) {
    delete g[KEY];
    console.error('[reminders] worker did not start:', e instanceof Error ? e.message : e);
    return null;
  }
  onRecomputeRequested((jobs) => w.requestRecompute(jobs));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void w.stop());
  return w;
}

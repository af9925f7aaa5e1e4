// Next.js calls register() once when a server process starts: the one place where background
// work begins. The reminders worker (issue 16) runs in the Node.js runtime only (never in the
// edge runtime, never in tests); SUNLIGHT_WORKER=off keeps it off in this process.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startReminderWorker } = await import('./modules/reminders/jobs/worker');
  await startReminderWorker();
}

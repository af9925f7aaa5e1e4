// The suite runs the unit tests in two process time zones (vitest.config.ts: project `unit` in UTC,
// `unit-shanghai` in Asia/Shanghai), so that no date rule depends on the server's zone. This proves
// each project really runs in its zone.
import { expect, it } from 'vitest';

const ZONES: Record<string, { tz: string; offsetMinutes: number }> = {
  unit: { tz: 'UTC', offsetMinutes: 0 },
  'unit-shanghai': { tz: 'Asia/Shanghai', offsetMinutes: -480 },
};

it('runs in the time zone its project names', ({ task }) => {
  const want = ZONES[task.file.projectName ?? ''];
  expect(want, `project ${task.file.projectName}`).toBeDefined();
  expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(want!.tz);
  expect(new Date('2026-11-23T10:00:00Z').getTimezoneOffset()).toBe(want!.offsetMinutes);
  expect(new Date(2026, 10, 23).toISOString()).toBe(want!.tz === 'UTC' ? '2026-11-23T00:00:00.000Z' : '2026-11-22T16:00:00.000Z');
});

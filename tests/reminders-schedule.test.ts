/** The in-process daily schedule (REMINDERS_AT), on a fake clock. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startReminderSchedule, stopReminderSchedule, RETRY_TICK_MS } from '~/reminders-schedule.server';

const HOUR = 3_600_000;

describe('startReminderSchedule', () => {
  let runs: number[];
  let retries: number[];
  const options = (at: string | undefined) => ({
    at,
    now: () => Date.now(),
    run: async () => void runs.push(Date.now()),
    retry: async () => void retries.push(Date.now()),
    log: () => {},
  });

  beforeEach(() => {
    vi.useFakeTimers();
    runs = [];
    retries = [];
  });
  afterEach(() => {
    stopReminderSchedule();
    vi.useRealTimers();
  });

  it('does nothing without a time', () => {
    expect(startReminderSchedule(options(undefined))).toBeNull();
  });

  it('runs every day at the Sofia time, retries every 10 minutes in between, and not at once before the time', async () => {
    vi.setSystemTime(new Date('2024-01-10T04:30:00Z')); // 06:30 in Sofia
    const schedule = startReminderSchedule(options('07:00'))!;
    expect(startReminderSchedule(options('08:00'))).toBe(schedule); // once per process
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([]);
    expect(schedule.nextRunAt()).toBe(Date.parse('2024-01-10T05:00:00Z'));
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(runs).toEqual([Date.parse('2024-01-10T05:00:00Z')]);
    expect(retries.length).toBe(2); // 06:40 and 06:50
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(runs).toEqual([Date.parse('2024-01-10T05:00:00Z'), Date.parse('2024-01-11T05:00:00Z')]);
    expect(retries.length).toBeGreaterThanOrEqual(2 + (24 * HOUR) / RETRY_TICK_MS - 2);
    schedule.stop();
    await vi.advanceTimersByTimeAsync(48 * HOUR);
    expect(runs).toHaveLength(2);
  });

  it('runs at once when started after the day\'s time (a restart), then the next day', async () => {
    vi.setSystemTime(new Date('2024-07-10T09:00:00Z')); // 12:00 in Sofia (summer)
    startReminderSchedule(options('07:00'));
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([Date.parse('2024-07-10T09:00:00Z')]);
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(runs).toEqual([Date.parse('2024-07-10T09:00:00Z'), Date.parse('2024-07-11T04:00:00Z')]);
  });

  it('keeps going when a run throws', async () => {
    vi.setSystemTime(new Date('2024-01-10T04:59:00Z'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    startReminderSchedule({ ...options('07:00'), run: async () => { calls += 1; throw new Error('database locked'); } });
    await vi.advanceTimersByTimeAsync(25 * HOUR);
    expect(calls).toBe(2);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});

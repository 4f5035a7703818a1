/**
 * The optional in-process daily schedule: with REMINDERS_AT=07:00 the server runs the
 * reminders every day at 07:00 Europe/Sofia (summer time included), and every 10 minutes
 * retries the e-mails whose retry time has come. Without REMINDERS_AT it does nothing: use
 * `npm run reminders` from cron instead (running both is safe: messages are keyed and
 * claimed, so nothing is sent twice).
 *
 * On start, if today's time has already passed, it runs once at once: a restart after 07:00
 * still sends today's reminders (and the keys keep an earlier run's from going out again).
 * Started once per process (kept on globalThis, so dev-server reloads do not stack timers).
 */
import { env } from './env.server';
import { startOfDayInSofia, todayInSofia } from './domain/dates';
import { nextRunAt } from './domain/reminders';
import { mailerFromEnv } from './mail.server';
import { runReminders } from './models/notification.server';
import { deliverPending } from './models/notification-delivery.server';

export const RETRY_TICK_MS = 10 * 60 * 1000;

export type ReminderSchedule = { stop(): void; nextRunAt(): number | null };

type Options = {
  at?: string | undefined;
  now?: () => number;
  run?: () => Promise<unknown>;
  retry?: () => Promise<unknown>;
  log?: (line: string) => void;
};

const holder = globalThis as typeof globalThis & { __planTrackerReminderSchedule?: ReminderSchedule };

/**
 * Starts the daily schedule when REMINDERS_AT (or options.at) is set; returns null otherwise.
 * Safe to call more than once: the first schedule keeps running.
 */
export function startReminderSchedule(options: Options = {}): ReminderSchedule | null {
  const at = 'at' in options ? options.at : env.REMINDERS_AT;
  if (!at) return null;
  if (holder.__planTrackerReminderSchedule) return holder.__planTrackerReminderSchedule;
  const schedule = createSchedule(at, options);
  holder.__planTrackerReminderSchedule = schedule;
  return schedule;
}

export function stopReminderSchedule(): void {
  holder.__planTrackerReminderSchedule?.stop();
  holder.__planTrackerReminderSchedule = undefined;
}

function createSchedule(at: string, options: Options): ReminderSchedule {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));
  const run = options.run ?? (() => runReminders({ log: (line) => console.warn(line) }));
  const retry =
    options.retry ??
    (async () => {
      const mailer = mailerFromEnv();
      if (!mailer) return;
      try {
        await deliverPending({ mailer });
      } finally {
        mailer.close();
      }
    });
  let busy: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let next: number | null = null;

  // One job at a time: a retry tick never overlaps the daily run.
  const serially = (label: string, job: () => Promise<unknown>) => {
    busy = busy.then(job).then(
      (result) => {
        if (label === 'run' && result && typeof result === 'object' && 'messages' in result) {
          const report = result as { asOf: string; messages: unknown[]; delivery: { sent: number; failedAttempts: number } };
          log(`[reminders] run as of ${report.asOf}: ${report.messages.length} new, ${report.delivery.sent} e-mailed, ${report.delivery.failedAttempts} failed attempts`);
        }
      },
      (error) => console.error(`[reminders] ${label} failed:`, error),
    );
    return busy;
  };

  const arm = () => {
    if (stopped) return;
    next = nextRunAt(now() + 1000, at);
    // Wake at least every RETRY_TICK_MS for the retries; setTimeout cannot wait longer than ~24.8 days anyway.
    const wait = Math.max(0, Math.min(next - now(), RETRY_TICK_MS));
    timer = setTimeout(tick, wait);
    timer.unref?.();
  };
  const tick = () => {
    const due = next !== null && now() >= next;
    void serially(due ? 'run' : 'retry', due ? run : retry).then(arm);
  };

  // Today's time already passed (a restart during the day): run now, the keys prevent repeats.
  const todayRun = nextRunAt(startOfDayInSofia(todayInSofia(new Date(now()))), at);
  if (todayRun <= now()) void serially('run', run).then(arm);
  else arm();
  log(`[reminders] daily at ${at} Europe/Sofia`);

  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    nextRunAt: () => next,
  };
}

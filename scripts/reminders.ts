/**
 * Runs the reminders once: records the reminders and digests due as of a day, the daily
 * summaries of the heads' updates of the day before, and e-mails the pending ones (retries included). Meant for the system's cron, e.g. every day at 07:00:
 *   0 7 * * *  cd /srv/plan && npm run -s reminders
 *
 *   npm run reminders                          as of today (Europe/Sofia)
 *   npm run reminders -- --date 2023-03-06     as of that day
 *   npm run reminders -- --dry-run [--verbose] print what would be sent; write and send nothing
 *
 * Exit code 1 when an e-mail could not be sent this time (it stays queued for a retry), 2 on
 * wrong arguments.
 */
import { parseArgs } from 'node:util';
import { closeDb, databasePath } from '../db/client';
import { isIsoDate } from '../app/domain/dates';
import { describeSmtpUrl } from '../app/mail.server';
import { env } from '../app/env.server';
import { runReminders } from '../app/models/notification.server';

function usage(message?: string): never {
  if (message) console.error(message);
  console.error('Usage: npm run reminders -- [--date YYYY-MM-DD] [--dry-run] [--verbose]');
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      date: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  usage((error as Error).message);
}
if (args.help) usage();
if (args.date !== undefined && !isIsoDate(args.date)) usage(`--date must be a day as YYYY-MM-DD, not "${args.date}".`);

const dryRun = args['dry-run'] ?? false;
const report = await runReminders({ asOf: args.date, dryRun, log: (line) => console.error(line) });

const smtp = env.SMTP_URL ? `SMTP ${describeSmtpUrl(env.SMTP_URL)}` : 'SMTP not configured (SMTP_URL): in-app notifications only';
console.log(`Reminders as of ${report.asOf}${dryRun ? ' (dry run: nothing written or sent)' : ''} · ${databasePath()} · ${smtp}`);

const reminders = report.messages.reduce((n, m) => n + m.items.length, 0);
if (report.messages.length === 0) console.log('No new reminders.');
for (const m of report.messages) {
  const kinds = new Map<string, number>();
  for (const item of m.items) kinds.set(item.kind, (kinds.get(item.kind) ?? 0) + 1);
  console.log(`\n${m.userName} <${m.email}> [${m.language}] — 1 message, ${m.items.length} reminder(s): ${[...kinds].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  console.log(`  ${m.kind.padEnd(16)} ${m.subject}`);
  if (args.verbose) console.log(`${m.text.replace(/^/gm, '      ')}\n`);
}
for (const summary of report.summaries) {
  console.log(`\n${summary.userName} — daily summary of the updates of ${summary.day}: ${summary.updates} update(s)`);
  console.log(`  ${'updates_daily'.padEnd(16)} ${summary.subject}`);
  if (args.verbose) console.log(`${summary.text.replace(/^/gm, '      ')}\n`);
}
if (report.summaries.length > 0) console.log(`\n${dryRun ? 'Would record' : 'Recorded'} ${report.summaries.length} daily summary(ies) of the heads' updates.`);
console.log(
  `\n${dryRun ? 'Would record' : 'Recorded'} ${report.messages.length} message(s) for ${report.messages.length} user(s), carrying ${reminders} reminder(s).` +
    (report.smtp && !dryRun
      ? ` E-mails sent: ${report.delivery.sent}; failed attempts: ${report.delivery.failedAttempts} (given up: ${report.delivery.gaveUp})` +
        `${report.delivery.deferred ? `; not tried, server unreachable: ${report.delivery.deferred}` : ''}; still pending: ${report.pending}.`
      : report.smtp
        ? ` Pending e-mails due for sending: ${report.pending}.`
        : ''),
);
closeDb();
if (report.delivery.failedAttempts > 0) process.exitCode = 1;

/**
 * npx tsx bench/lists.ts [--rounds 9]: the lists of activities on the generated organization
 * (bench/lib/bench-db.ts: 200 plans, 50,000 activities, 250,000 status updates), each read
 * cold (the read cache cleared): the plan page of a 250-activity plan (its progress, its first
 * page of 50 and the filter choices), the same with a text search, a head's "my activities",
 * the all-plans list of overdue activities, one plan's CSV rows and the reminders' input.
 * Prints each one's median and `lists: ...` last. No target: it compares a change with before.
 */
import { benchDatabase } from './lib/bench-db';

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 9;
process.env.DATABASE_PATH = benchDatabase();

const { getDb } = await import('../db/client');
const { planPageData } = await import('../app/models/plan-page.server');
const { listActivities } = await import('../app/models/activity-list.server');
const { loadReminderInput } = await import('../app/models/notification.server');
const { clearReadCache } = await import('../app/models/read-cache.server');
const { userOwners } = await import('../db/schema');
const { todayInSofia } = await import('../app/domain/dates');

const db = getDb();
const planId = db.query.plans.findFirst({ columns: { id: true } }).sync()!.id;
const head = db.select({ userId: userOwners.userId }).from(userOwners).limit(1).get()!.userId;
const today = todayInSofia();

const cases: { label: string; run: () => unknown }[] = [
  { label: 'plan page', run: () => planPageData(planId, {}, 1) },
  { label: 'plan page, search', run: () => planPageData(planId, { q: 'а' }, 1) },
  { label: 'my activities', run: () => listActivities({ asOf: today }, undefined, { userId: head, byUrgency: true }) },
  { label: 'all plans, overdue', run: () => listActivities({ asOf: today, state: 'overdue' }) },
  { label: 'one plan, CSV rows', run: () => listActivities({ asOf: today }, planId) },
  { label: 'reminders input', run: () => loadReminderInput(today) },
];

const times = new Map<string, number[]>(cases.map((c) => [c.label, []]));
for (let round = 0; round < rounds; round++) {
  for (const c of cases) {
    clearReadCache();
    const started = performance.now();
    c.run();
    times.get(c.label)!.push(performance.now() - started);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const medians = cases.map((c) => [c.label, median(times.get(c.label)!)] as const);
for (const [label, value] of medians) console.log(`  ${label.padEnd(20)} median ${value.toFixed(1).padStart(8)} ms`);
console.log(`lists: ${medians.map(([label, value]) => `${label} ${value.toFixed(1)} ms`).join('; ')}`);

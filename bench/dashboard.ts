/**
 * Dashboard loader against the same SQL statements run directly, on a generated
 * organization: 200 plans, 50,000 activities, 250,000 status updates (bench/lib/generate-data.ts,
 * seed 1). Run: npx tsx bench/dashboard.ts [--rounds 9] [--regenerate]
 *
 * - loader: the real route loader (app/routes/dashboard.tsx) called with a Request carrying
 *   a signed-in secretary's session cookie, against the generated file via DATABASE_PATH;
 *   all plans (?plan=all) — the largest dashboard there is — with the cache of dashboards
 *   on unchanged data emptied before every call (the cached figure is printed too).
 * - direct (the target): the statements one cold loader call runs (recorded as it runs them:
 *   the session, the cache's checks, the dashboard's, the recent updates'), run again in the
 *   same order straight on better-sqlite3, each prepared once. The loader must take at most
 *   TARGET x this: the cost of everything around the SQL (drizzle, shaping, the route).
 * - For information: the fastest single statement we have that aggregates the same rows
 *   ("raw fast": each activity's latest status update and reschedule as of the day, joined by
 *   id, grouped by status with the overdue, due and late-start counts; the old target was
 *   loader <= 2x this), the same grouping over the shared activityStateCte, and the loader for one plan.
 * Runs are interleaved (loader, raw, loader, raw ...) so that a busy machine slows both
 * alike; medians are compared. The generated file is kept in data/bench/ and reused while
 * the options and the migrations are the same.
 */
import { register } from 'node:module';
import { benchDatabase } from './lib/bench-db';

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 9;
const file = benchDatabase(undefined, args.includes('--regenerate'));

// The route imports its stylesheet as '~/styles/dashboard.css?url' (a Vite feature): outside
// Vite, resolve it to an empty module.
register(
  'data:text/javascript,' +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (/\\.css(\\?url)?$/.test(specifier)) return { url: 'data:text/javascript,export default ""', shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
);

process.env.DATABASE_PATH = file;
process.env.SESSION_SECRET ??= 'bench-session-secret-0123456789';

const { getDb } = await import('../db/client');
const { createUserSession } = await import('../app/auth.server');
const { createUser, getUserByEmail } = await import('../app/models/user.server');
const { activityStateCte, asOfParams } = await import('../app/models/activity-state.server');
const { sql } = await import('drizzle-orm');
const { SQLiteSyncDialect } = await import('drizzle-orm/sqlite-core');
const { todayInSofia } = await import('../app/domain/dates');
const { loader } = await import('../app/routes/dashboard');
const { clearReadCache } = await import('../app/models/read-cache.server');

const sqlite = getDb().$client;

/** The loader may take at most this many times the statements it runs, run directly. */
const TARGET = 1.3;

// Every statement prepared from here on records what it runs while `recording` is set.
type Run = { source: string; args: unknown[] };
let recording: Run[] | null = null;
const prepare = sqlite.prepare.bind(sqlite);
sqlite.prepare = ((source: string) => {
  const statement = prepare(source);
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
    Object.defineProperty(statement, method, { value: (...args: unknown[]) => (recording?.push({ source, args }), original(...args)) });
  }
  return statement;
}) as typeof sqlite.prepare;
const email = 'bench.secretary@bench.bg';
const user = getUserByEmail(email) ?? (await createUser({ email, name: 'Bench', role: 'secretary', password: 'bench-password-123', ownerIds: [] }));
const cookie = (await createUserSession(new Request('http://localhost/login'), user.id, '/')).headers.get('Set-Cookie')!.split(';')[0]!;

const today = todayInSofia();
const rows = (sqlite.prepare('select count(*) as n from activities where archived = 0').get() as { n: number }).n;
const updates = (sqlite.prepare('select count(*) as n from status_updates').get() as { n: number }).n;
const plans = (sqlite.prepare('select count(*) as n from plans').get() as { n: number }).n;

/** The state as of the day grouped by status, as one statement prepared once with its values. */
function rawCte(asOf: string) {
  const query = new SQLiteSyncDialect().sqlToQuery(
    sql`with ${activityStateCte(asOf)}
     select status, count(*) as n, sum(overdue) as overdue, sum(due_this_quarter) as due, sum(late_start) as late, sum(percent) as percent
     from activity_state group by status`,
  );
  const statement = sqlite.prepare(query.sql);
  return () => statement.all(...query.params);
}
/** Each activity's latest status update and reschedule as of the day, joined by id, grouped by status. */
const rawFast = sqlite.prepare(
  `select coalesce(su.status, 'planned') as status, count(*) as n,
     sum(a.ongoing = 0 and coalesce(su.status, 'planned') not in ('done', 'cancelled') and coalesce(sc.new_end, a.baseline_end) < :asOf) as overdue,
     sum(a.ongoing = 0 and coalesce(su.status, 'planned') not in ('done', 'cancelled')
       and coalesce(sc.new_end, a.baseline_end) between :quarterStart and :quarterEnd) as due,
     sum(a.ongoing = 0 and su.status is null and a.start < :asOf) as late,
     sum(coalesce(su.percent, 0)) as percent
   from activities a
   left join status_updates su on su.id = (select u.id from status_updates u where u.activity_id = a.id and u.as_of <= :asOf
     order by u.as_of desc, u.created_at desc, u.id desc limit 1)
   left join schedule_changes sc on sc.id = (select c.id from schedule_changes c where c.activity_id = a.id and c.created_at <= :cutoff
     order by c.created_at desc, c.id desc limit 1)
   where a.archived = 0
   group by 1`,
);

/** The loader, computing the dashboard (cold: the cache of unchanged data emptied first) or not. */
async function callLoader(search: string, cold = true): Promise<number> {
  if (cold) clearReadCache();
  const request = new Request(`http://localhost/dashboard?${search}`, { headers: { Cookie: cookie } });
  const data = await loader({ request, params: {}, context: {} });
  return JSON.stringify(data).length;
}

/** The statements a cold loader call runs, as a function that runs them again directly (each prepared once, on first use). */
async function recordLoader(search: string): Promise<() => void> {
  recording = [];
  await callLoader(search);
  const runs = recording;
  recording = null;
  const statements = new Map<string, ReturnType<typeof prepare>>();
  return () => {
    for (const { source, args } of runs) {
      let statement = statements.get(source);
      if (!statement) statements.set(source, (statement = prepare(source)));
      Reflect.apply(statement.reader ? statement.all : statement.run, statement, args);
    }
  };
}

type Case = { label: string; run: () => unknown };
async function measure(cases: Case[]): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>(cases.map((c) => [c.label, []]));
  for (const c of cases) await c.run(); // warm-up: statement cache, page cache
  for (let round = 0; round < rounds; round += 1) {
    for (const c of cases) {
      const started = performance.now();
      await c.run();
      times.get(c.label)!.push(performance.now() - started);
    }
  }
  return times;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
};
const fmt = (ms: number) => ms.toFixed(1);

console.log(`database: ${plans} plans, ${rows} activities, ${updates} status updates; ${rounds} interleaved rounds; today ${today}`);

const firstPlan = (sqlite.prepare('select min(id) as id from plans').get() as { id: number }).id;
const results: { asOf: string; loader: number; direct: number; cte: number; fast: number; plan: number; cached: number }[] = [];
for (const asOf of [today, '2024-06-30']) {
  const search = asOf === today ? 'plan=all' : `plan=all&asOf=${asOf}`;
  const size = await callLoader(search);
  const direct = await recordLoader(search);
  const times = await measure([
    { label: 'loader', run: () => callLoader(search) },
    { label: 'direct', run: direct },
    { label: 'loader, cached', run: () => callLoader(search, false) }, // right after the loader computed it
    { label: 'raw CTE', run: rawCte(asOf) },
    { label: 'raw fast', run: () => rawFast.all(asOfParams(asOf)) },
    { label: 'loader, one plan', run: () => callLoader(`plan=${firstPlan}${asOf === today ? '' : `&asOf=${asOf}`}`) },
  ]);
  console.log(`\nas of ${asOf} (${asOf === today ? 'today, the default' : 'a past quarter end'}); loader data ${(size / 1024).toFixed(0)} KB as JSON`);
  for (const [label, values] of times) {
    console.log(`  ${label.padEnd(18)} median ${fmt(median(values)).padStart(7)} ms   min ${fmt(Math.min(...values)).padStart(7)}   max ${fmt(Math.max(...values)).padStart(7)}`);
  }
  results.push({
    asOf,
    loader: median(times.get('loader')!),
    direct: median(times.get('direct')!),
    cte: median(times.get('raw CTE')!),
    fast: median(times.get('raw fast')!),
    plan: median(times.get('loader, one plan')!),
    cached: median(times.get('loader, cached')!),
  });
  const r = results.at(-1)!;
  console.log(
    `  ratio loader / direct ${(r.loader / r.direct).toFixed(2)}; loader / raw CTE ${(r.loader / r.cte).toFixed(2)}; loader / raw fast ${(r.loader / r.fast).toFixed(2)}`,
  );
}

// The target: the loader, cold (no cached dashboard), at most TARGET x its own statements run directly.
const headline = results[0]!;
const ratio = headline.loader / headline.direct;
const missed = results.filter((r) => r.loader / r.direct > TARGET);
for (const r of missed) console.error(`dashboard misses its target as of ${r.asOf}: loader / direct ${(r.loader / r.direct).toFixed(2)} > ${TARGET}`);
if (missed.length > 0) process.exitCode = 1;
console.log(
  `\ndashboard: ${plans} plans / ${rows} activities / ${updates} updates: loader ${fmt(headline.loader)} ms, its statements run directly ${fmt(headline.direct)} ms, ` +
    `ratio ${ratio.toFixed(2)} (target <= ${TARGET}); for information: raw SQL ${fmt(headline.fast)} ms, loader / raw SQL ${(headline.loader / headline.fast).toFixed(2)} ` +
    `(loader on unchanged data, cached: ${fmt(headline.cached)} ms; one plan ${fmt(headline.plan)} ms; raw SQL over activityStateCte ${fmt(headline.cte)} ms)`,
);

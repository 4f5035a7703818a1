/**
 * The generated organization the dashboard and HTTP benchmarks share: 200 plans, 50,000
 * activities, 250,000 status updates (generate-data.ts, seed 1), kept in data/bench/ and
 * reused while the options and the migrations are the same (generating takes 5-15 s).
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateData, type GenerateOptions } from './generate-data';

export const BENCH_OPTIONS: GenerateOptions = { plans: 200, activitiesPerPlan: 250, updatesPerActivity: 5, seed: 1 };

/** The path of the generated database file, generating it first when missing or stale. */
export function benchDatabase(options: GenerateOptions = BENCH_OPTIONS, regenerate = false): string {
  const file = path.resolve(`data/bench/dashboard-${options.plans}x${options.activitiesPerPlan}x${options.updatesPerActivity}-seed${options.seed}.db`);
  const stamp = JSON.stringify({ options, migrations: fs.readFileSync('db/migrations/meta/_journal.json', 'utf8') });
  const fresh = fs.existsSync(file) && fs.existsSync(`${file}.stamp`) && fs.readFileSync(`${file}.stamp`, 'utf8') === stamp;
  if (fresh && !regenerate) return file;
  for (const suffix of ['', '-wal', '-shm', '.stamp']) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = performance.now();
  const counts = generateData(file, options);
  fs.writeFileSync(`${file}.stamp`, stamp);
  console.log(
    `generated ${path.relative(process.cwd(), file)} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts.planIds.length} plans, ` +
      `${counts.areas} areas, ${counts.measures} measures, ${counts.activities} activities, ${counts.statusUpdates} status updates, ` +
      `${counts.scheduleChanges} reschedules, ${counts.activityOwners} activity owners, ${counts.users} users`,
  );
  return file;
}

/**
 * npx tsx bench/export.ts: times the quarterly report export (the database query for the
 * report as of a quarter's end plus the .xlsx build) of a generated 10,000-activity plan,
 * and the CSV and calendar builders on the same activities. Target: xlsx <= 3 s.
 * Prints `export: N activities in X s`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 10_000);
const RUNS = 3;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-tracker-bench-export-'));
process.env.DATABASE_PATH = path.join(dir, 'bench.db');

const { generateData } = await import('./lib/generate-data');
const { getDb, closeDb } = await import('../db/client');
const { getReportData } = await import('../app/models/report.server');
const { buildReportXlsx } = await import('../app/exports/report-xlsx.server');
const { listActivities } = await import('../app/models/activity-list.server');
const { activitiesCsv } = await import('../app/exports/csv.server');

try {
  const counts = generateData(getDb(), { plans: 1, activitiesPerPlan: ACTIVITIES, updatesPerActivity: 4, seed: 7, until: '2024-06-30' });
  const planId = counts.planIds[0]!;
  const period = { kind: 'quarter', year: 2024, index: 2 } as const;

  let best = Infinity;
  let size = 0;
  let queryBest = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const data = getReportData(planId, period, { preparedBy: 'Bench', today: '2024-07-15' })!;
    const queried = performance.now();
    const bytes = await buildReportXlsx(data, 'bg');
    const seconds = (performance.now() - started) / 1000;
    queryBest = Math.min(queryBest, (queried - started) / 1000);
    if (seconds < best) best = seconds;
    size = bytes.length;
  }

  const csvStarted = performance.now();
  const rows = listActivities({ asOf: '2024-06-30' }, planId);
  const csv = activitiesCsv(rows, 'bg', '2024-06-30');
  const csvSeconds = (performance.now() - csvStarted) / 1000;
  console.log(`csv: ${rows.length} activities in ${csvSeconds.toFixed(2)} s (${(csv.length / 1024 / 1024).toFixed(1)} MB)`);
  console.log(`export: ${counts.activities} activities in ${best.toFixed(2)} s (xlsx ${(size / 1024 / 1024).toFixed(1)} MB; report query ${queryBest.toFixed(2)} s; csv of the same activities ${csvSeconds.toFixed(2)} s)`);
  if (best > 3) {
    console.error(`export is over the 3 s target`);
    process.exitCode = 1;
  }
} finally {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
}

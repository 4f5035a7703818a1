/**
 * Work for the crash test to kill, and for the concurrency test to run side by side:
 * `import N` writes a plan of N activities in one transaction (printing `started` halfway, then
 * pausing); `updates ACTIVITY [COUNT]`
 * records status updates through the app's model, one transaction each, printing each id once
 * committed (without COUNT, until killed).
 */
import fs from 'node:fs';
import { getDb } from '../../db/client';
import { importPlanIntoDatabase } from '../../app/models/plan-import.server';
import { recordStatusUpdate } from '../../app/models/status-update.server';
import type { ParsedPlan } from '../../importers/types';

const [mode, size, limit] = process.argv.slice(2);
const db = getDb();

if (mode === 'import') {
  const n = Number(size);
  const plan: ParsedPlan = {
    title: 'Голям план',
    period: '2025-2027',
    warnings: [],
    areas: [
      {
        code: '1',
        title: 'Област 1',
        measures: Array.from({ length: n / 10 }, (_, m) => ({
          code: `1.${m + 1}`,
          title: `Мярка ${m + 1}`,
          kind: 'strategic' as const,
          cafRefs: ['2.3'],
          activities: Array.from({ length: 10 }, (_, a) => ({
            code: `1.${m + 1}.${a + 1}`,
            title: `Дейност ${m + 1}.${a + 1}`,
            start: '2025-01-01',
            end: '2025-12-31',
            ongoing: false,
            ongoingText: null,
            indicator: null,
            target: null,
            owners: [`Отговорник ${m % 7}`],
            resources: null,
            note: null,
            status: null,
            source: { sheet: 'План', row: m * 10 + a + 5 },
          })),
        })),
      },
    ],
  };
  // Halfway through writing the measures (inside the import's transaction), say so and hold
  // still, so that the kill lands in the open transaction however fast the machine is.
  const halfway = plan.areas[0]!.measures[n / 20]!;
  const title = halfway.title;
  Object.defineProperty(halfway, 'title', {
    get() {
      fs.writeSync(1, 'started\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
      return title;
    },
  });
  importPlanIntoDatabase(plan, { fileName: 'big.xlsx' });
  console.log('committed');
} else {
  const activityId = Number(size);
  const userId = (db.$client.prepare("select id from users where role = 'secretary'").get() as { id: number }).id;
  console.log('started');
  for (let i = 0; i < (limit ? Number(limit) : Infinity); i++) {
    const result = recordStatusUpdate({ activityId, userId, status: 'in_progress', percent: i % 100, comment: `отчет ${i}`, completedOn: null });
    if (!result.ok) throw new Error('refused');
    console.log(`committed ${result.updateId}`);
  }
}

/**
 * npx tsx bench/dates.ts: what the dates module (app/domain/dates.ts, on date-fns) costs.
 * - µs per call of each function (best of 5 rounds of 100,000 calls on 1,000 days), and of
 *   formatDate and daysBetween on 100,000 different days (date-fns each time: their results are
 *   kept per date);
 * - its share of the CSV of 10,000 activities (app/exports/csv.server.ts, three dates a row):
 *   the CSV of the activities as they are against the same CSV with the dates' text already
 *   written (what the dates cost is the difference);
 * - the dates calls of one plan page (50 rows: start, end, baseline end, last update, slip days).
 * Prints `dates: ...` last.
 */
import { activitiesCsv, type CsvActivity } from '../app/exports/csv.server';
import { addDays, dateOfTimestampInSofia, daysBetween, endOfDayInSofia, formatDate, formatDateTime, isIsoDate, startOfDayInSofia } from '../app/domain/dates';

const CALLS = 100_000;
const days = Array.from({ length: 1000 }, (_, i) => addDays('2022-01-01', i));
const moments = days.map((day) => startOfDayInSofia(day) + 13 * 3_600_000 + 7 * 60_000);

/** Best time of 5 rounds, in ms, of f called n times. */
function best(n: number, f: (i: number) => unknown): number {
  let fastest = Infinity;
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    for (let i = 0; i < n; i++) f(i);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

const manyDays = Array.from({ length: CALLS }, (_, i) => addDays('1800-01-01', i));
// 100,000 days, more than the dates module keeps: each call works the date out anew.
for (const [name, f] of [
  ['formatDate (new days)', (i: number) => formatDate(manyDays[i]!, 'bg')],
  ['daysBetween (new days)', (i: number) => daysBetween(manyDays[i]!, manyDays[CALLS - 1 - i]!)],
] as const) console.log(`${name.padEnd(24)} ${((best(CALLS, f) * 1000) / CALLS).toFixed(2)} µs`);

const perCall: Record<string, number> = {};
for (const [name, f] of [
  ['formatDate', (i: number) => formatDate(days[i % 1000]!, 'bg')],
  ['formatDateTime', (i: number) => formatDateTime(moments[i % 1000]!, 'bg')],
  ['addDays', (i: number) => addDays(days[i % 1000]!, 7)],
  ['daysBetween', (i: number) => daysBetween(days[i % 1000]!, days[(i * 7) % 1000]!)],
  ['dateOfTimestampInSofia', (i: number) => dateOfTimestampInSofia(moments[i % 1000]!)],
  ['endOfDayInSofia', (i: number) => endOfDayInSofia(days[i % 1000]!)],
  ['isIsoDate', (i: number) => isIsoDate(days[i % 1000]!)],
] as const) {
  perCall[name] = (best(CALLS, f) * 1000) / CALLS;
  console.log(`${name.padEnd(24)} ${perCall[name]!.toFixed(2)} µs`);
}

const activity = (i: number): CsvActivity => ({
  areaCode: String(1 + (i % 9)),
  areaTitle: 'Лидерство и управление на организацията',
  measureCode: `${1 + (i % 9)}.${1 + (i % 7)}`,
  measureTitle: 'Подобряване на вътрешните комуникации между звената',
  code: `${1 + (i % 9)}.${1 + (i % 7)}.${1 + (i % 5)}`,
  title: `Дейност ${i}: провеждане на обучения на служителите за работа с новата информационна система`,
  start: days[i % 1000]!,
  baselineEnd: days[(i + 90) % 1000]!,
  end: days[(i + 120) % 1000]!,
  ongoing: false,
  target: 'Обучени 100% от служителите',
  owners: [{ name: 'Директор на дирекция АПОФУС' }, { name: 'Главен секретар' }],
  status: 'in_progress',
  percent: 40,
  overdue: i % 3 === 0,
  dueThisQuarter: i % 4 === 0,
  lateStart: false,
  lastComment: 'Проведени са две от трите планирани обучения.',
  lastUpdateAt: moments[i % 1000]!,
});
const activities = Array.from({ length: 10_000 }, (_, i) => activity(i));
// The same rows with the dates' text written in (the CSV writes a string it is given as it is).
const written = activities.map((a) => ({ ...a, start: null, baselineEnd: null, end: null, ongoing: true }));
const csvMs = best(1, () => activitiesCsv(activities, 'bg', '2024-06-30'));
const withoutDatesMs = best(1, () => activitiesCsv(written, 'bg', '2024-06-30'));
const share = (csvMs - withoutDatesMs) / csvMs;
console.log(`csv of 10,000 activities: ${csvMs.toFixed(0)} ms, ${withoutDatesMs.toFixed(0)} ms without formatting its dates: dates ${(share * 100).toFixed(0)}%`);

const planPageMs = (50 * (3 * perCall.formatDate! + perCall.formatDateTime! + perCall.daysBetween!)) / 1000;
console.log(`plan page (50 rows): ${planPageMs.toFixed(2)} ms of dates calls`);
console.log(
  `dates: formatDate ${perCall.formatDate!.toFixed(1)} µs, formatDateTime ${perCall.formatDateTime!.toFixed(1)} µs; csv of 10,000 activities ${(share * 100).toFixed(0)}% dates; plan page ${planPageMs.toFixed(2)} ms`,
);

/**
 * npx tsx bench/import.ts: times parsePlanFile on a generated 10,000-activity plan against
 * exceljs reading the same file (streaming, and the full loader).
 * Targets: parse <= 1.5 x the streaming read, <= 3 s, peak RSS <= 400 MB.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parsePlanFile } from '../importers';
import { generateWorkbook } from './lib/generate-workbook';

const ACTIVITIES = 10_000;
const RUNS = 3;

interface Timings {
  parseSeconds: number;
  streamingReadSeconds: number;
  fullLoadSeconds: number;
  peakRssMb: number;
  /** The database write, to be added with the importer's write path. */
  writeSeconds?: number;
}

async function seconds(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

async function best(run: () => Promise<unknown>): Promise<number> {
  let fastest = Infinity;
  for (let i = 0; i < RUNS; i++) fastest = Math.min(fastest, await seconds(run));
  return fastest;
}

async function streamingRead(bytes: Buffer): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  let rows = 0;
  for await (const worksheet of reader) for await (const _row of worksheet) rows++;
  return rows;
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function summary(t: Timings): string {
  const parts = [
    `parse ${t.parseSeconds.toFixed(2)} s`,
    `exceljs streaming read ${t.streamingReadSeconds.toFixed(2)} s (ratio ${(t.parseSeconds / t.streamingReadSeconds).toFixed(2)})`,
    `exceljs full load ${t.fullLoadSeconds.toFixed(1)} s (ratio ${(t.parseSeconds / t.fullLoadSeconds).toFixed(2)})`,
    ...(t.writeSeconds === undefined ? [] : [`write ${t.writeSeconds.toFixed(2)} s`]),
    `peak RSS ${Math.round(t.peakRssMb)} MB`,
  ];
  return `import: ${parts.join(', ')}`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
  try {
    const file = path.join(dir, 'plan-10000.xlsx');
    const generated = await generateWorkbook(file, ACTIVITIES);
    const bytes = readFileSync(file);
    console.log(`generated ${generated.activities} activities, ${generated.measures} measures, ${generated.areas} areas: ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);

    const streamingReadSeconds = await best(() => streamingRead(bytes));
    console.log(`exceljs streaming read: ${streamingReadSeconds.toFixed(2)} s (best of ${RUNS})`);
    let plan = await parsePlanFile(bytes, path.basename(file));
    const parseSeconds = await best(async () => (plan = await parsePlanFile(bytes, path.basename(file))));
    const peakRssMbAfterParse = peakRssMb();
    const parsedActivities = plan.areas.flatMap((a) => a.measures.flatMap((m) => m.activities)).length;
    console.log(`parsePlanFile: ${parseSeconds.toFixed(2)} s (best of ${RUNS}), ${parsedActivities} activities, ${plan.warnings.length} warnings`);
    if (parsedActivities !== generated.activities || plan.warnings.length !== 0) throw new Error('the parsed plan does not match the generated one');

    const fullLoadSeconds = await seconds(() => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer));
    console.log(`exceljs full load: ${fullLoadSeconds.toFixed(1)} s`);

    console.log(summary({ parseSeconds, streamingReadSeconds, fullLoadSeconds, peakRssMb: peakRssMbAfterParse }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

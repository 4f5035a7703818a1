/**
 * npx tsx bench/import.ts: times the import of a generated 10,000-activity plan (parsePlanFile,
 * then importPlanIntoDatabase into a fresh, already migrated database file) against exceljs
 * reading the same file (streaming, and the full loader).
 * Targets: import (parse + write) <= 1.5 x the exceljs streaming read, <= 3 s, peak RSS <= 400 MB.
 * The same plan as a Word table (title block in paragraphs, vMerge measures, gridSpan area rows)
 * is parsed too: parsePlanFile of the .docx <= 2 x that of the .xlsx.
 * Prints `import: ...` as its last line; exits 1 when a target is missed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { docxFromSheet } from '../tests/hostile/document-builder';
import { generateWorkbook } from './lib/generate-workbook';

/** BENCH_ACTIVITIES=5000 for another size. */
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES) || 10_000;
const RUNS = 5;

const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
// The app modules read DATABASE_PATH when they first open the database: set it before loading them.
process.env.DATABASE_PATH = path.join(dir, 'import-0.db');
const { parsePlanFile } = await import('../importers');
const { closeDb, getDb } = await import('../db/client');
const { importPlanIntoDatabase } = await import('../app/models/plan-import.server');
const { readXlsx } = await import('../importers/xlsx');

interface Timings {
  /** parse + write, best run. */
  importSeconds: number;
  parseSeconds: number;
  writeSeconds: number;
  streamingReadSeconds: number;
  fullLoadSeconds: number;
  docxParseSeconds: number;
  peakRssMb: number;
}

async function seconds(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
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
    `${ACTIVITIES} activities in ${t.importSeconds.toFixed(2)} s (parse ${t.parseSeconds.toFixed(2)} s + write ${t.writeSeconds.toFixed(2)} s)`,
    `exceljs streaming load ${t.streamingReadSeconds.toFixed(2)} s, ratio ${(t.importSeconds / t.streamingReadSeconds).toFixed(2)}`,
    `exceljs full load ${t.fullLoadSeconds.toFixed(1)} s`,
    `.docx parse ${t.docxParseSeconds.toFixed(2)} s (${(t.docxParseSeconds / t.parseSeconds).toFixed(2)} x the .xlsx)`,
    `peak RSS ${Math.round(t.peakRssMb)} MB`,
  ];
  return `import: ${parts.join(', ')}`;
}

let databases = 0;
/** A fresh database file, migrated before the clock starts. */
function freshDatabase(): void {
  closeDb();
  process.env.DATABASE_PATH = path.join(dir, `import-${++databases}.db`);
  getDb();
}

async function main(): Promise<void> {
  try {
    const file = path.join(dir, 'plan-10000.xlsx');
    const generated = await generateWorkbook(file, ACTIVITIES);
    const bytes = readFileSync(file);
    console.log(`generated ${generated.activities} activities, ${generated.measures} measures, ${generated.areas} areas: ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);

    const fileName = path.basename(file);
    await streamingRead(bytes); // warm-up of both, then interleaved runs so a busy machine slows both alike
    let plan = await parsePlanFile(bytes, fileName);
    let streamingReadSeconds = Infinity;
    let importSeconds = Infinity;
    let parseSeconds = Infinity;
    let writeSeconds = Infinity;
    for (let i = 0; i < RUNS; i++) {
      streamingReadSeconds = Math.min(streamingReadSeconds, await seconds(() => streamingRead(bytes)));
      freshDatabase();
      const started = performance.now();
      plan = await parsePlanFile(bytes, fileName);
      const parsed = performance.now();
      const planId = importPlanIntoDatabase(plan, { fileName });
      const written = performance.now();
      importSeconds = Math.min(importSeconds, (written - started) / 1000);
      parseSeconds = Math.min(parseSeconds, (parsed - started) / 1000);
      writeSeconds = Math.min(writeSeconds, (written - parsed) / 1000);
      const stored = getDb().$client.prepare('select count(*) as n from activities where plan_id = ?').get(planId) as { n: number };
      if (stored.n !== generated.activities) throw new Error(`stored ${stored.n} activities, expected ${generated.activities}`);
    }
    console.log(`exceljs streaming read: ${streamingReadSeconds.toFixed(2)} s (best of ${RUNS})`);
    const peakRssMbAfterImport = peakRssMb();
    const parsedActivities = plan.areas.flatMap((a) => a.measures.flatMap((m) => m.activities)).length;
    console.log(
      `import: ${importSeconds.toFixed(2)} s (best of ${RUNS}; parsePlanFile ${parseSeconds.toFixed(2)} s, importPlanIntoDatabase ${writeSeconds.toFixed(2)} s), ` +
        `${parsedActivities} activities, ${plan.warnings.length} warnings`,
    );
    if (parsedActivities !== generated.activities || plan.warnings.length !== 0) throw new Error('the parsed plan does not match the generated one');

    const docxParseSeconds = await docxParse(bytes, fileName, generated.activities);
    const docxRatio = docxParseSeconds / parseSeconds;

    const fullLoadSeconds = await seconds(() => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer));
    console.log(`exceljs full load: ${fullLoadSeconds.toFixed(1)} s`);

    const timings = { importSeconds, parseSeconds, writeSeconds, streamingReadSeconds, fullLoadSeconds, docxParseSeconds, peakRssMb: peakRssMbAfterImport };
    const ratio = importSeconds / streamingReadSeconds;
    const missed = [
      ...(docxRatio > 2 ? [`.docx parse ${docxRatio.toFixed(2)} x the .xlsx > 2`] : []),
      ...(ratio > 1.5 ? [`ratio ${ratio.toFixed(2)} > 1.5`] : []),
      ...(importSeconds > 3 ? [`${importSeconds.toFixed(2)} s > 3 s`] : []),
      ...(timings.peakRssMb > 400 ? [`peak RSS ${Math.round(timings.peakRssMb)} MB > 400 MB`] : []),
    ];
    if (missed.length) {
      console.error(`import misses its targets: ${missed.join('; ')}`);
      process.exitCode = 1;
    }
    console.log(summary(timings));
  } finally {
    closeDb();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same plan as a Word table: parsePlanFile's best time; its plan must be the .xlsx's. */
async function docxParse(xlsx: Buffer, fileName: string, activities: number): Promise<number> {
  const [sheet] = await readXlsx(new Uint8Array(xlsx), fileName);
  const { bytes } = docxFromSheet(sheet!);
  const docxName = fileName.replace(/\.xlsx$/, '.docx');
  let plan = await parsePlanFile(bytes, docxName);
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) best = Math.min(best, await seconds(async () => (plan = await parsePlanFile(bytes, docxName))));
  const parsed = plan.areas.flatMap((a) => a.measures.flatMap((m) => m.activities)).length;
  console.log(`.docx (${(bytes.length / 1024 / 1024).toFixed(1)} MB): parsePlanFile ${best.toFixed(2)} s (best of ${RUNS}), ${parsed} activities, ${plan.warnings.length} warnings`);
  if (parsed !== activities || plan.warnings.length !== 0) throw new Error('the .docx plan does not match the generated one');
  return best;
}

await main();

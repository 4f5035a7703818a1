/**
 * npx tsx importers/cli.ts FILE [--dry-run] [--json] [--org NAME] [--title TITLE]
 * --dry-run --json prints the parsed plan JSON only; --dry-run prints a summary; otherwise the
 * plan is written to the database. Exit code 2: the file cannot be read.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError, parsePlanFile } from './index';
import type { ImportWarning, ParsedPlan } from './types';

const USAGE = 'usage: tsx importers/cli.ts FILE [--dry-run] [--json] [--org NAME] [--title TITLE]';

async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs({
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        org: { type: 'string' },
        title: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = options;
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 1;
  }
  const filePath = positionals[0];
  const fileName = path.basename(filePath);

  let parsed: ParsedPlan;
  try {
    parsed = await parsePlanFile(await readFile(filePath), fileName);
  } catch (error) {
    if (error instanceof ImportError) console.error(error.message);
    else if ((error as NodeJS.ErrnoException).code) console.error(`${fileName}: cannot open the file (${(error as Error).message})`);
    else throw error;
    return 2;
  }

  if (values['dry-run']) {
    console.log(values.json ? JSON.stringify(parsed, null, 2) : summary(fileName, parsed));
    return 0;
  }
  const { importPlanIntoDatabase } = await import('../app/models/plan-import.server');
  const planId = importPlanIntoDatabase(parsed, { organization: values.org, title: values.title, fileName });
  console.log(values.json ? JSON.stringify({ planId, ...parsed }, null, 2) : `${summary(fileName, parsed)}\nimported as plan ${planId}`);
  return 0;
}

function summary(fileName: string, plan: ParsedPlan): string {
  const measures = plan.areas.flatMap((area) => area.measures);
  const activities = measures.flatMap((measure) => measure.activities);
  const lines = [
    `${fileName}: ${plan.title ?? '(no title)'}${plan.period ? ` (${plan.period})` : ''}`,
    [
      count(plan.areas.length, 'area'),
      count(measures.length, 'measure'),
      count(activities.length, 'activity', 'activities'),
      count(plan.warnings.length, 'warning'),
    ].join(', '),
    ...plan.warnings.map(describeWarning),
  ];
  return lines.join('\n');
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function describeWarning(warning: ImportWarning): string {
  const where = [
    `sheet "${warning.sheet}"`,
    warning.row === null ? null : `row ${warning.row}`,
    warning.column === null ? null : `column "${warning.column}"`,
  ].filter(Boolean);
  return `  ${where.join(', ')}: ${warning.message}`;
}

process.exitCode = await main();

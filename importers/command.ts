/**
 * The importer's command line, pure: reads the file, prints the parsed plan (--json: its JSON, the
 * importer's contract; else a summary with every warning) and hands it to `write` when one is
 * given and --dry-run is not. importers/cli.ts runs it with no writer (it only reads);
 * scripts/import.ts (`npm run import`) with the one that writes the plan to the database.
 * --map reads the tables as the mapping says (README, "Command line") instead of guessing.
 * Messages and warnings in Bulgarian unless --lang en.
 * Exit code 2: the file cannot be read, or nothing in it makes a plan; 1: wrong arguments or mapping.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LANGS, type Lang } from '../app/domain/lang';
import { plural } from '../app/i18n/counts';
import { importFileWords } from '../app/i18n/import-files';
import { fill } from '../app/i18n/words';
import type { ParsedPlan } from './types';
import { describeWarning } from './warning-text';
import { ImportError, parsePlanFile, readMapping, type Mapping } from './index';

/** Writes a parsed plan somewhere (the database) and returns its plan id. */
export type WritePlan = (plan: ParsedPlan, options: { organization?: string; title?: string; fileName: string }) => number;

const READ_USAGE = 'usage: tsx importers/cli.ts FILE [--dry-run] [--json] [--map MAPPING.json] [--lang bg|en]';
const WRITE_USAGE = 'usage: npm run import -- FILE [--dry-run] [--json] [--map MAPPING.json] [--org NAME] [--title TITLE] [--lang bg|en]';

/** Runs the command on its arguments (process.argv.slice(2)); returns the exit code. Without `write`, the plan is only read and printed. */
export async function runImportCommand(args: string[], write?: WritePlan): Promise<number> {
  const usage = write ? WRITE_USAGE : READ_USAGE;
  let options;
  try {
    options = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        map: { type: 'string' },
        lang: { type: 'string', default: 'bg' },
        ...(write ? { org: { type: 'string' }, title: { type: 'string' } } as const : {}),
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 1;
  }
  const { values, positionals } = options;
  const lang = values.lang as Lang;
  if (positionals.length !== 1 || !LANGS.includes(lang)) {
    console.error(usage);
    return 1;
  }
  const filePath = positionals[0];
  const fileName = path.basename(filePath);

  let mapping: Mapping | undefined;
  if (values.map !== undefined) {
    const read = await readMappingFile(values.map, lang);
    if ('error' in read) {
      console.error(read.error);
      return 1;
    }
    mapping = read.mapping;
  }

  let parsed: ParsedPlan;
  try {
    parsed = await parsePlanFile(await readFile(filePath), fileName, lang, { mapping });
  } catch (error) {
    if (error instanceof ImportError) console.error(error.in(lang));
    else if ((error as NodeJS.ErrnoException).code) console.error(fill(importFileWords[lang].cliCannotOpen, { file: fileName, error: (error as Error).message }));
    else throw error;
    return 2;
  }

  if (!write || values['dry-run']) {
    console.log(values.json ? JSON.stringify(parsed, null, 2) : summary(fileName, parsed, lang));
    return 0;
  }
  const planId = write(parsed, { organization: values.org as string | undefined, title: values.title as string | undefined, fileName });
  console.log(values.json ? JSON.stringify({ planId, ...parsed }, null, 2) : `${summary(fileName, parsed, lang)}\n${fill(importFileWords[lang].cliImported, { planId })}`);
  return 0;
}

async function readMappingFile(mappingPath: string, lang: Lang): Promise<{ mapping: Mapping } | { error: string }> {
  const name = path.basename(mappingPath);
  const badMapping = (error: string) => ({ error: fill(importFileWords[lang].cliBadMapping, { file: name, error }) });
  let json: unknown;
  try {
    json = JSON.parse(await readFile(mappingPath, 'utf8'));
  } catch (error) {
    return badMapping((error as Error).message);
  }
  const read = readMapping(json);
  return 'error' in read ? badMapping(read.error) : read;
}

function summary(fileName: string, plan: ParsedPlan, lang: Lang): string {
  const words = importFileWords[lang];
  const measures = plan.areas.flatMap((area) => area.measures);
  const activities = measures.flatMap((measure) => measure.activities);
  const warnings = plan.warnings.length;
  const lines = [
    `${fileName}: ${plan.title ?? words.cliNoTitle}${plan.period ? ` (${plan.period})` : ''}`,
    [
      plural(plan.areas.length, lang, 'area'),
      plural(measures.length, lang, 'measure'),
      plural(activities.length, lang, 'activity'),
      fill(warnings === 1 ? words.cliWarnings_one : words.cliWarnings_other, { n: warnings }),
    ].join(', '),
    ...plan.warnings.map((warning) => describeWarning(warning, lang)),
  ];
  return lines.join('\n');
}


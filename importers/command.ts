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
    else if ((error as NodeJS.ErrnoException).code) console.error(`${fileName}: ${WORDS[lang].cannotOpen} (${(error as Error).message})`);
    else throw error;
    return 2;
  }

  if (!write || values['dry-run']) {
    console.log(values.json ? JSON.stringify(parsed, null, 2) : summary(fileName, parsed, lang));
    return 0;
  }
  const planId = write(parsed, { organization: values.org as string | undefined, title: values.title as string | undefined, fileName });
  console.log(values.json ? JSON.stringify({ planId, ...parsed }, null, 2) : `${summary(fileName, parsed, lang)}\n${WORDS[lang].imported(planId)}`);
  return 0;
}

async function readMappingFile(mappingPath: string, lang: Lang): Promise<{ mapping: Mapping } | { error: string }> {
  const name = path.basename(mappingPath);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(mappingPath, 'utf8'));
  } catch (error) {
    return { error: `${name}: ${WORDS[lang].badMapping} (${(error as Error).message})` };
  }
  const read = readMapping(json);
  return 'error' in read ? { error: `${name}: ${WORDS[lang].badMapping} (${read.error})` } : read;
}

const WORDS = {
  en: {
    noTitle: '(no title)',
    area: ['area', 'areas'],
    measure: ['measure', 'measures'],
    activity: ['activity', 'activities'],
    warning: ['warning', 'warnings'],
    cannotOpen: 'cannot open the file',
    badMapping: 'not a mapping the importer can apply',
    imported: (planId: number) => `imported as plan ${planId}`,
  },
  bg: {
    noTitle: '(без заглавие)',
    area: ['област', 'области'],
    measure: ['мярка', 'мерки'],
    activity: ['дейност', 'дейности'],
    warning: ['предупреждение', 'предупреждения'],
    cannotOpen: 'файлът не може да бъде отворен',
    badMapping: 'това не е съответствие, което приложението може да приложи',
    imported: (planId: number) => `внесен като план ${planId}`,
  },
} as const;

function summary(fileName: string, plan: ParsedPlan, lang: Lang): string {
  const words = WORDS[lang];
  const measures = plan.areas.flatMap((area) => area.measures);
  const activities = measures.flatMap((measure) => measure.activities);
  const count = (n: number, [one, other]: readonly [string, string]) => `${n} ${n === 1 ? one : other}`;
  const lines = [
    `${fileName}: ${plan.title ?? words.noTitle}${plan.period ? ` (${plan.period})` : ''}`,
    [
      count(plan.areas.length, words.area),
      count(measures.length, words.measure),
      count(activities.length, words.activity),
      count(plan.warnings.length, words.warning),
    ].join(', '),
    ...plan.warnings.map((warning) => describeWarning(warning, lang)),
  ];
  return lines.join('\n');
}


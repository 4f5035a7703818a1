/**
 * npm run -s assessment -- import FILE --dry-run [--json] [--lang bg|en]
 * Reads an existing self-assessment from a spreadsheet (importers/assessment): --json prints the
 * parsed assessment, else a summary with every warning (sheet, row, column). Messages in
 * Bulgarian unless --lang en.
 * Exit code 0: read; 2: the file cannot be read or nothing in it is a self-assessment; 1: wrong
 * arguments, or the file cannot be opened.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LANGS, type Lang } from '../app/domain/lang';
import { assessmentImportMessages } from '../app/i18n/assessment-import-messages';
import { fill } from '../app/i18n/words';
import { parseAssessmentFile, type ParsedAssessment } from '../importers/assessment/index';
import { ImportError } from '../importers/import-error';
import { describeWarning } from '../importers/warning-text';

const USAGE = 'usage: npm run -s assessment -- import FILE --dry-run [--json] [--lang bg|en]';

async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs({
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'bg' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = options;
  const lang = values.lang as Lang;
  if (positionals.length !== 2 || positionals[0] !== 'import' || !values['dry-run'] || !LANGS.includes(lang)) {
    console.error(USAGE);
    return 1;
  }
  const filePath = positionals[1]!;
  const fileName = path.basename(filePath);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    console.error(`${fileName}: ${assessmentImportMessages[lang].cannotOpen} (${(error as Error).message})`);
    return 1;
  }
  let parsed: ParsedAssessment;
  try {
    parsed = await parseAssessmentFile(bytes, fileName, lang);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    console.error(error.in(lang));
    return 2;
  }
  console.log(values.json ? JSON.stringify(parsed, null, 2) : summary(fileName, parsed, lang));
  return 0;
}

function summary(fileName: string, assessment: ParsedAssessment, lang: Lang): string {
  const words = assessmentImportMessages[lang];
  const count = (n: number, noun: 'subCriterion' | 'strength' | 'improvement' | 'warning') => fill(words[`count_${noun}_${n === 1 ? 'one' : 'other'}`], { n });
  const items = (key: 'strengths' | 'improvements') => assessment.subCriteria.reduce((sum, s) => sum + s[key].length, 0);
  return [
    `${fileName}: ${assessment.title} (${words[assessment.scoring === 'classical' ? 'scoringClassical' : 'scoringFineTuned']})`,
    [
      count(assessment.subCriteria.length, 'subCriterion'),
      count(items('strengths'), 'strength'),
      count(items('improvements'), 'improvement'),
      count(assessment.warnings.length, 'warning'),
    ].join(', '),
    ...assessment.warnings.map((warning) => describeWarning(warning, lang)),
  ].join('\n');
}

process.exitCode = await main();

/**
 * The held-out-like corpus of issue 14: every layout of tests/import-corpus/cases.ts written as
 * .xlsx, .ods and .csv, read back by the importer and checked field by field (areas, measures
 * with codes, kinds and CAF references, activities with every field, warnings) and in how the
 * preview understands it (header rows, each column's meaning, levels, confidence).
 */
import { describe, expect, it } from 'vitest';
import { ImportError, readPlanFile } from '../importers';
import type { ParsedPlan } from '../importers/types';
import { LAYOUTS } from './import-corpus/cases';
import { fileName, formatsFor, writeFile, type CorpusFormat } from './import-corpus/files';
import { buildCase, type CorpusSheet, type ExpectedPlan } from './import-corpus/layouts';

const CASES = LAYOUTS.flatMap((layout, index) => {
  const corpusCase = buildCase(layout);
  return formatsFor(corpusCase.sheets, index).map((format) => ({ name: `${index + 1} ${format}: ${layout.name}`, corpusCase, format }));
});

function shape(plan: ParsedPlan): ExpectedPlan {
  return {
    title: plan.title,
    period: plan.period,
    areas: plan.areas.map((area) => ({
      code: area.code,
      title: area.title,
      measures: area.measures.map((m) => ({
        code: m.code,
        title: m.title,
        kind: m.kind,
        cafRefs: m.cafRefs,
        activities: m.activities.map((a) => ({
          code: a.code,
          title: a.title,
          start: a.start,
          end: a.end,
          ongoing: a.ongoing,
          indicator: a.indicator,
          target: a.target,
          owners: a.owners,
          resources: a.resources,
          note: a.note,
          status: a.status?.status ?? null,
        })),
      })),
    })),
  };
}

describe('the layouts corpus', () => {
  it('covers every class of the issue', () => {
    const classes = new Set(LAYOUTS.flatMap((l) => l.classes.map((c) => c.split(':')[0])));
    expect([...classes].sort()).toEqual(['headers', 'kind', 'levels', 'mixture', 'noise', 'numbering']);
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(CASES)('$name', async ({ corpusCase, format }) => {
    const bytes = await writeFile(corpusCase.sheets, format);
    const csv = format.startsWith('csv');
    const sheetName = (name: string) => (csv ? 'plan.csv' : name);
    const { plan, understanding } = await readPlanFile(bytes, fileName(format), 'en');
    const expected = structuredClone(corpusCase.expected);
    if (csv) for (const area of expected.areas) if (area.title === corpusCase.sheets[0]!.name) area.title = 'plan.csv';
    expect(shape(plan)).toEqual(expected);

    const unexpected = plan.warnings.filter((w) => !corpusCase.warnings.some((pattern) => pattern.test(w.message)));
    expect(unexpected).toEqual([]);
    for (const pattern of corpusCase.warnings) expect(plan.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(pattern));

    expect(
      understanding.tables.map((t) => ({
        sheet: t.sheet,
        headerRows: t.headerRows,
        columns: Object.fromEntries(t.columns.filter((col) => col.column in (corpusCase.understanding[0]?.columns ?? {})).map((col) => [col.column, col.meaning])),
        levelsFound: t.levelsFound,
      })),
    ).toEqual(corpusCase.understanding.map((u) => ({ ...u, sheet: sheetName(u.sheet) })));
    expect(understanding.confidence).toBe(corpusCase.confidence);
    expect(understanding.needsMapping).toBe(false);
  });
});

describe('ambiguous and unrecognised files', () => {
  const sheet = (rows: CorpusSheet['rows'], name = 'План'): CorpusSheet[] => [{ name, rows, merges: [], hidden: [] }];
  const FORMATS: CorpusFormat[] = ['xlsx', 'ods', 'csv-bom-comma'];

  it.each(FORMATS)('%s: headers it cannot name are an error with a low-confidence understanding, never an empty plan', async (format) => {
    const bytes = await writeFile(sheet([['Какво', 'Кой', 'Кога'], ['Обучение на служителите', 'Главен секретар', '2024'], ['Анкета', 'експерт ИТ', '2025']]), format);
    const error = await readPlanFile(bytes, fileName(format), 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/no header row found/);
    expect((error as ImportError).understanding).toMatchObject({ confidence: 'low', needsMapping: true, tables: [] });
  });

  it.each(FORMATS)('%s: a title block and signatures without a table are an error', async (format) => {
    const bytes = await writeFile(sheet([['УТВЪРЖДАВАМ:'], ['КМЕТ НА ОБЩИНА ПРИМЕР'], [], ['ПЛАН ЗА ПОДОБРЕНИЕ 2024 - 2025 г.'], [], ['Изготвил: ............']]), format);
    await expect(readPlanFile(bytes, fileName(format), 'en')).rejects.toThrow(ImportError);
  });

  it.each(FORMATS)('%s: a header with nothing under it is an error, not an empty plan', async (format) => {
    const bytes = await writeFile(sheet([['Мярка', 'Дейност', 'Срок', 'Отговорник'], ['1.', '2.', '3.', '4.'], [], ['ОБЩО:'], ['* Забележка: няма']]), format);
    const error = await readPlanFile(bytes, fileName(format), 'en').catch((e: unknown) => e);
    expect((error as ImportError).message).toMatch(/nothing could be read as an activity/);
    expect((error as ImportError).understanding).toMatchObject({ confidence: 'low', needsMapping: true });
  });

  it.each(FORMATS)('%s: most dates unreadable gives low confidence and opens the mapping step', async (format) => {
    const rows: CorpusSheet['rows'] = [
      ['Мярка', 'Дейност', 'Срок', 'Отговорник'],
      ['1.1. Стратегия', '1.1.1. Работна група', 'след одобрение на бюджета', 'Главен секретар'],
      [null, '1.1.2. Проект', 'при възможност', 'Главен секретар'],
      ['1.2. Обучение', '1.2.1. Курс', '31.12.2024', 'експерт ИТ'],
    ];
    const { plan, understanding } = await readPlanFile(await writeFile(sheet(rows), format), fileName(format), 'en');
    expect(plan.areas.flatMap((a) => a.measures.flatMap((m) => m.activities.map((x) => x.code)))).toEqual(['1.1.1', '1.1.2', '1.2.1']);
    expect(understanding).toMatchObject({ confidence: 'low', needsMapping: true });
    expect(understanding.tables[0]!.reasons).toContain('most dates could not be read');
  });

  it.each(FORMATS)('%s: a column of activities under an unnamed header row is unsure: the mapping step opens', async (format) => {
    // The only named columns are the deadline and the owner: no title column, so no table.
    const rows: CorpusSheet['rows'] = [['Предложение', 'Срок', 'Отговорник'], ['Обучение на служителите', '31.12.2024', 'Главен секретар']];
    const error = await readPlanFile(await writeFile(sheet(rows), format), fileName(format), 'en').catch((e: unknown) => e);
    expect((error as ImportError).message).toMatch(/required column activity title .* is missing/);
    expect((error as ImportError).understanding).toMatchObject({ needsMapping: true });
  });
});

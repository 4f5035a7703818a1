/** The mapping step's engine side: the guess as a Mapping, a Mapping applied instead of a guess. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from './import-error';
import { readMapping, type Mapping } from './mapping';
import { buildPlan } from './plan-builder';
import { activityRows, expectedActivity as act, sheetOf, utf8 } from './test-support';
import type { Sheet } from './types';
import { understandPlanFile, parsePlanFile } from './index';

const read = (sheets: Sheet[], mapping?: Mapping) => buildPlan(sheets, 'plan.xlsx', 'en', { mapping });

// Headers the importer does not know: the guess finds no table.
const unknownHeaders = sheetOf('Лист1', [
  ['Програма за развитие'],
  ['Поред', 'Предприети стъпки', 'Кой', 'Кога', 'Бележка на кмета'],
  ['1', 'Среща с граждани', 'Кмет', '30.06.2024', 'важно'],
  ['2', 'Нов сайт', 'ИТ; ЧР', 'IV тримесечие 2024', null],
]);
const mapping: Mapping = {
  version: 1,
  sheets: [{ sheet: 'Лист1', headerRows: [2], columns: { A: 'code', B: 'activity', C: 'owners', D: 'period', E: 'ignore' }, levels: { by: 'every-row' } }],
};

describe('a mapping given', () => {
  it('reads a file the guess cannot read', () => {
    expect(() => read([unknownHeaders])).toThrow(ImportError);
    const { plan, understanding } = read([unknownHeaders], mapping);
    expect(plan.areas.map((a) => [a.code, a.title, a.measures.map((m) => [m.code, m.title])])).toEqual([['1', 'Лист1', [['1', 'Среща с граждани'], ['2', 'Нов сайт']]]]);
    expect(activityRows(plan)).toEqual([
      act('1', '1', '1.1', 'Среща с граждани', { end: '2024-06-30', owners: ['Кмет'] }),
      act('1', '2', '2.1', 'Нов сайт', { end: '2024-12-31', owners: ['ИТ', 'ЧР'] }),
    ]);
    // the ignored column is neither read nor reported
    expect(plan.warnings.map((w) => w.message)).toEqual([
      'no area row above this row; area 1 is named after the sheet',
      'one level only: each row is a measure with one activity of the same title (code: the measure\'s followed by ".1")',
    ]);
    expect(understanding.mapped).toBe(true);
    expect(understanding.mapping.sheets[0]).toEqual({ ...mapping.sheets[0] });
    expect(understanding.tables[0].columns.map((c) => [c.column, c.header, c.meaning])).toEqual([
      ['A', 'Поред', 'code'],
      ['B', 'Предприети стъпки', 'activity'],
      ['C', 'Кой', 'owners'],
      ['D', 'Кога', 'period'],
      ['E', 'Бележка на кмета', 'ignore'],
    ]);
  });

  it('sets the levels: by numbering depth instead of every row', () => {
    const sheet = sheetOf('Лист1', [
      ['Дейност', 'Срок'],
      ['1.1 Първа', '2024'],
      ['1.2 Втора', '2024'],
      ['2.1 Трета', '2025'],
    ]);
    expect(read([sheet]).understanding.tables[0].levels).toEqual({ by: 'every-row' });
    const byDepth: Mapping = { version: 1, sheets: [{ sheet: '*', headerRows: [1], columns: { A: 'activity', B: 'period' }, levels: { by: 'numbering', depths: { activity: 2 } } }] };
    const { plan } = read([sheet], byDepth);
    expect(plan.areas[0].measures.map((m) => [m.code, m.activities.map((a) => a.code)])).toEqual([['1', ['1.1', '1.2']], ['2', ['2.1']]]);
  });

  it('reads only the sheets it names ("*": all others), and fails clearly when it fits none', () => {
    const other = sheetOf('Бележки', [['Текст']]);
    const { plan } = read([unknownHeaders, other], mapping);
    expect(plan.warnings.at(-1)).toEqual({ sheet: 'Бележки', row: null, column: null, message: 'sheet ignored: the mapping does not name it' });
    const wrongRow: Mapping = { version: 1, sheets: [{ ...mapping.sheets[0], headerRows: [40] }] };
    expect(() => read([unknownHeaders], wrongRow)).toThrow("plan.xlsx: the mapping fits no sheet (Лист1: sheet ignored: the mapping's header row 40 is not in it)");
  });
});

describe('the guess as a mapping', () => {
  const layouts: Record<string, Sheet[]> = {
    'two-row header': [
      sheetOf('План', [
        ['№', 'Дейност', 'Срок', null, 'Отговорник'],
        [null, null, 'начало', 'край', null],
        ['Област 1: Лидерство'],
        ['1.1', 'Стратегия', null, null, null],
        ['1.1.1', 'Група', '01.02.2024', '31.03.2024', 'Кмет'],
        ['1.1.2', 'Бележка', '01.04.2024', 'скоро', 'Кмет'],
      ]),
    ],
    'one level': [sheetOf('Бързи победи', [['Action', 'Owner', 'Due date', 'Comment'], ['Fix the site', 'IT', '30.06.2024', 'x'], ['Survey', 'HR', '2024', null]])],
  };

  it.each(Object.keys(layouts))('reads the same plan when applied (%s)', (name) => {
    const guessed = read(layouts[name]);
    const { mapping: guess } = guessed.understanding;
    expect(readMapping(JSON.parse(JSON.stringify(guess)))).toEqual({ mapping: guess });
    const mapped = read(layouts[name], guess);
    expect(mapped.plan).toEqual(guessed.plan);
    expect(mapped.understanding.mapping).toEqual(guess);
  });

  it('reads the Lovech plan the same when its guess is applied', async () => {
    const bytes = readFileSync(new URL('../tests/fixtures/lovech-2022-2024.xlsx', import.meta.url));
    const guessed = await understandPlanFile(bytes, 'lovech.xlsx', 'en');
    expect(guessed.understanding.confidence).toBe('high');
    expect(guessed.understanding.mapping.sheets).toEqual([
      {
        sheet: 'План за подобрение',
        headerRows: [10],
        columns: { A: 'measure', B: 'activity', C: 'strategic', D: 'quickWin', E: 'start', F: 'end', G: 'target', H: 'owners', I: 'note' },
        levels: { by: 'columns' },
        kind: null,
      },
    ]);
    expect(await parsePlanFile(bytes, 'lovech.xlsx', 'en', { mapping: guessed.understanding.mapping })).toEqual(guessed.plan);
  });
});

describe('readMapping', () => {
  it('names what is wrong with a mapping', () => {
    expect(readMapping({ version: 1, sheets: [{ sheet: 'A', headerRows: [1], columns: { B: 'title' }, levels: { by: 'columns' } }] })).toEqual({
      error: expect.stringMatching(/^sheets\.0\.columns\.B: Invalid enum value/),
    });
    expect(readMapping({ version: 2, sheets: [] })).toEqual({ error: expect.stringMatching(/^version: /) });
    expect(readMapping({ version: 1, sheets: [{ sheet: 'A', headerRows: [1, 2, 3], columns: {}, levels: { by: 'every-row' } }] })).toEqual({
      error: expect.stringMatching(/^sheets\.0\.headerRows: /),
    });
  });
});

describe('a CSV through understandPlanFile', () => {
  it('gives the plan and its understanding', async () => {
    const csv = 'Дейност;Срок;Отговорник\n1.1.1 Първа;31.12.2024;Кмет\n';
    const { plan, understanding } = await understandPlanFile(utf8(csv), 'plan.csv', 'en');
    expect(activityRows(plan)).toEqual([act('1', '1.1', '1.1.1', 'Първа', { end: '2024-12-31', owners: ['Кмет'] })]);
    expect(understanding.tables[0]).toMatchObject({ sheet: 'plan.csv', headerRows: [1], levels: { by: 'numbering', depths: { activity: 3 } } });
  });
});

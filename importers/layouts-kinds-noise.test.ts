/** Kinds, area rows, merged cells and the noise around real plan tables, field by field. */
import { describe, expect, it } from 'vitest';
import { ImportError } from './import-error';
import { buildPlan } from './plan-builder';
import { activityRows, expectedActivity as act, measures, sheetOf } from './test-support';
import type { Sheet } from './types';

const read = (sheets: Sheet[]) => buildPlan(sheets, 'plan.xlsx', 'en');
const kinds = (sheets: Sheet[]) => measures(read(sheets).plan).map((m) => [m.code, m.kind, m.cafRefs]);

describe('kinds', () => {
  it('takes the kind from the sheet (separate sheets for strategic measures and quick wins)', () => {
    const header = ['№', 'Мярка', 'Дейност', 'Срок', 'Отговорник'];
    const sheets = [
      sheetOf('Стратегически мерки', [header, ['1', 'Стратегия', '1.1 Група', '31.03.2024', 'Кмет'], [null, null, '1.2 Проект', '30.06.2024', 'Кмет']]),
      sheetOf('Лист2', [['Бързи победи'], header, ['2', 'Сайт', '2.1 Обнови', '31.03.2024', 'ИТ']]),
    ];
    const { plan, understanding } = read(sheets);
    expect(plan.areas.map((a) => [a.code, a.title, a.measures.map((m) => [m.code, m.title, m.kind])])).toEqual([
      ['1', 'plan', [['1', 'Стратегия', 'strategic'], ['2', 'Сайт', 'quick_win']]],
    ]);
    expect(activityRows(plan).map((a) => [a.measure, a.code, a.title])).toEqual([['1', '1.1', 'Група'], ['1', '1.2', 'Проект'], ['2', '2.1', 'Обнови']]);
    expect(plan.warnings).toEqual([{ sheet: 'Стратегически мерки', row: 2, column: null, message: 'no area row above this row; area 1 is named after the plan' }]);
    expect(understanding.tables.map((t) => t.kindFrom)).toEqual(['sheet', 'sheet']);
    expect(understanding.mapping.sheets.map((s) => s.kind)).toEqual(['strategic', 'quick_win']);
  });

  it('reads one column with the words, section rows "Бързи победи" inside a table, and leaves an unknown kind empty', () => {
    expect(
      kinds([
        sheetOf('План', [
          ['Мярка', 'Дейност', 'Тип', 'Критерий по CAF', 'Срок'],
          ['Област 1: Лидерство'],
          ['1.1 А', '1.1.1 а', 'Strategic', '1.2', '2024'],
          ['1.2 Б', '1.2.1 б', 'Quick win', null, '2024'],
          ['1.3 В', '1.3.1 в', null, '2.1, 2.2', '2024'],
          ['Бързи победи'],
          ['1.4 Г', '1.4.1 г', null, null, '2024'],
        ]),
      ]),
    ).toEqual([
      ['1.1', 'strategic', ['1.2']],
      ['1.2', 'quick_win', []],
      ['1.3', null, ['2.1', '2.2']],
      ['1.4', 'quick_win', []],
    ]);
  });

  it('reads marks and CAF references in separate strategic / quick-win columns; "не" is no mark', () => {
    expect(
      kinds([
        sheetOf('План', [
          ['Мярка', 'Дейност', 'Стратегически мерки', 'Бързи победи', 'Срок'],
          ['1.1 А', '1.1.1 а', '✓', null, '2024'],
          ['1.2 Б', '1.2.1 б', 'не', 'да', '2024'],
          ['1.3 В', '1.3.1 в', '3.1, 3.2', null, '2024'],
          ['1.4 Г', '1.4.1 г', null, 'x', '2024'],
        ]),
      ]),
    ).toEqual([
      ['1.1', 'strategic', []],
      ['1.2', 'quick_win', []],
      ['1.3', 'strategic', ['3.1', '3.2']],
      ['1.4', 'quick_win', []],
    ]);
  });
});

describe('area rows', () => {
  it('reads "AREA 1 -" and "Criterion 3 -" rows, and skips hidden rows', () => {
    const { plan } = read([
      sheetOf(
        'Plan',
        [
          ['Measure', 'Activity', 'From', 'To', 'Owner'],
          ['AREA 1 - LEADERSHIP'],
          ['1.1 Strategy', '1.1.1 Group', '01.02.2024', '31.03.2024', 'Mayor'],
          ['1.1 Strategy', '1.1.2 Hidden draft', '01.04.2024', '30.04.2024', 'Mayor'],
          ['Criterion 3 - People'],
          ['3.1 Training', '3.1.1 Plan', null, '2024', 'HR'],
        ],
        { hidden: [4] },
      ),
    ]);
    expect(plan.areas.map((a) => [a.code, a.title])).toEqual([['1', 'LEADERSHIP'], ['3', 'People']]);
    expect(activityRows(plan)).toEqual([
      act('1', '1.1', '1.1.1', 'Group', { start: '2024-02-01', end: '2024-03-31', owners: ['Mayor'] }),
      act('3', '3.1', '3.1.1', 'Plan', { end: '2024-12-31', owners: ['HR'] }),
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('takes the area from a title above the table, or from the sheet name', () => {
    const header = ['Дейност', 'Срок', 'Отговорник'];
    const { plan } = read([
      sheetOf('Лист1', [['Област 4 – Партньорства'], [], header, ['4.1.1 Среща', '30.06.2024', 'Кмет']]),
      sheetOf('Критерий 5 - Процеси', [header, ['5.1.1 Карта', '30.09.2024', 'ИТ']]),
    ]);
    expect(plan.areas.map((a) => [a.code, a.title, a.measures.map((m) => m.code)])).toEqual([
      ['4', 'Партньорства', ['4.1']],
      ['5', 'Процеси', ['5.1']],
    ]);
    expect(activityRows(plan).map((a) => [a.code, a.end])).toEqual([['4.1.1', '2024-06-30'], ['5.1.1', '2024-09-30']]);
  });

  it('reads a two-row "Period" header over "from" / "to" in English', () => {
    const { plan, understanding } = read([
      sheetOf('Plan', [
        ['Ref.', 'Improvement measure', 'Action', 'Period', null, 'Owner'],
        [null, null, null, 'from', 'to', null],
        ['1.1', 'Strategy', 'Working group', '01.02.2024', '31.03.2024', 'Mayor'],
      ]),
    ]);
    expect(understanding.tables[0].columns.map((c) => c.meaning)).toEqual(['code', 'measure', 'activity', 'start', 'end', 'owners']);
    expect(activityRows(plan)).toEqual([act('1', '1.1', '1.1.1', 'Working group', { start: '2024-02-01', end: '2024-03-31', owners: ['Mayor'] })]);
  });
});

describe('merged cells and noise', () => {
  const sheets = [
    sheetOf(
      'План',
      [
        ['Утвърждавам: Кмет'],
        [],
        ['Мярка', 'Дейност', null, 'Срок', 'Отговорник', 'Статус', 'Коментар на ръководството', 'Вътрешен №'],
        ['Лидерство', null, null, null, null, null, null, null],
        ['1.1. Стратегия', '1.1.1. Група', null, '31.03.2024', 'Кмет', 'изпълнена', null, 'a-1'],
        [null, '1.1.2. Проект', null, null, 'Кмет', 'в процес на изпълнение, 50%, чака се съгласуване', null, 'a-2'],
        ['Хора', null, null, null, null, null, null, null],
        ['2.1. Обучения', '2.1.1. Обучение', null, '2024 - 2025 г.', 'ЧР', 'отложена', 'по график', 'a-3'],
        [null, '2.1.2. Второ', null, 'от 01.03.2023 до 30.06.2023', 'ЧР', 'неясно', null, null],
        [null, '2.1.3. Трето', null, 'ежегодно', 'ЧР', null, null, null],
        ['Общо: 5 дейности'],
        ['Забележка: сроковете са ориентировъчни'],
        [null, 'Изготвил: И. Иванов', null, null, 'Съгласувал: П. Петров'],
      ],
      { merges: ['A4:H4', 'A5:A6', 'D5:D6', 'A7:H7', 'A8:A10'] },
    ),
  ];

  it('applies a value merged down to every row it covers, reads rows merged across as areas, and skips totals, notes and signatures', () => {
    const { plan } = read(sheets);
    expect(plan.areas.map((a) => [a.code, a.title, a.measures.map((m) => [m.code, m.title])])).toEqual([
      ['1', 'Лидерство', [['1.1', 'Стратегия']]],
      ['2', 'Хора', [['2.1', 'Обучения']]],
    ]);
    expect(activityRows(plan)).toEqual([
      act('1', '1.1', '1.1.1', 'Група', { end: '2024-03-31', owners: ['Кмет'], status: { status: 'done', percent: 100, comment: null } }),
      act('1', '1.1', '1.1.2', 'Проект', {
        end: '2024-03-31', owners: ['Кмет'],
        status: { status: 'in_progress', percent: 50, comment: 'в процес на изпълнение, 50%, чака се съгласуване' },
      }),
      act('2', '2.1', '2.1.1', 'Обучение', { start: '2024-01-01', end: '2025-12-31', owners: ['ЧР'], note: 'по график', status: { status: 'postponed', percent: null, comment: null } }),
      act('2', '2.1', '2.1.2', 'Второ', { start: '2023-03-01', end: '2023-06-30', owners: ['ЧР'] }),
      act('2', '2.1', '2.1.3', 'Трето', { ongoing: true, ongoingText: 'ежегодно', owners: ['ЧР'] }),
    ]);
  });

  it('reports a column it cannot place once, with the count of its cells, and an unknown status where it is', () => {
    const { plan, understanding } = read(sheets);
    expect(plan.warnings).toEqual([
      { sheet: 'План', row: 4, column: 'Мярка', message: 'area row without a number; given 1' },
      { sheet: 'План', row: 7, column: 'Мярка', message: 'area row without a number; given 2' },
      { sheet: 'План', row: 9, column: 'Статус', message: 'status "неясно" is not one the importer knows; no status update made' },
      { sheet: 'План', row: null, column: 'Вътрешен №', message: 'column not read (3 cells): the importer has no place for it' },
    ]);
    const columns = understanding.tables[0].columns;
    expect(columns.find((c) => c.column === 'H')).toEqual({ column: 'H', header: 'Вътрешен №', meaning: 'ignore', cells: 3, unread: true });
    expect(understanding.tables[0].rows).toEqual({ areas: 2, measures: 2, activities: 5, skipped: 3, unread: 0 });
  });
});

describe('nothing recognised', () => {
  it('is an ImportError, never an empty plan', () => {
    expect(() => read([sheetOf('Sheet1', [['Отчет'], ['1', '2', '3']])])).toThrow(ImportError);
  });

  it('is an ImportError when a header is found but no row under it is an activity, with the understanding for a mapping step', () => {
    let error: unknown;
    try {
      read([sheetOf('Sheet1', [['Дейност', 'Срок', 'Отговорник'], [], ['Общо']])]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe(
      'plan.xlsx: nothing could be read as an activity (header found at "Sheet1" row 1, but no row under it holds an activity)',
    );
    expect((error as ImportError).understanding).toMatchObject({ confidence: 'low', needsMapping: true });
    expect((error as ImportError).understanding!.mapping.sheets).toEqual([
      { sheet: 'Sheet1', headerRows: [1], columns: { A: 'activity', B: 'period', C: 'owners' }, levels: { by: 'every-row' }, kind: null },
    ]);
  });
});

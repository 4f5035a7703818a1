/**
 * Plans in the layouts real administrations use, given as the sheets a reader produces, each
 * checked field by field against the plan it should give.
 */
import { describe, expect, it } from 'vitest';
import { buildPlan } from './plan-builder';
import { activityRows, expectedActivity as act, measures, sheetOf } from './test-support';
import type { Sheet } from './types';

const read = (sheets: Sheet[]) => buildPlan(sheets, 'plan.xlsx', 'en');
const measureRows = (sheets: Sheet[]) => measures(read(sheets).plan).map(({ code, title, kind, cafRefs }) => ({ code, title, kind, cafRefs }));

describe('a two-row header, a № column, a numbering row, one sheet per area', () => {
  const top = ['№', 'Мерки/дейности', 'Срок', null, 'Вид на мярката', null, 'Отговорно звено', 'Индикатор за изпълнение', 'Целева стойност'];
  const sub = [null, null, 'начало', 'край', 'стратегическа', 'бърза победа', null, null, null];
  const sheets = [
    sheetOf(
      'Област 1 Лидерство',
      [
        ['УТВЪРЖДАВАМ:'],
        ['ГЛАВЕН СЕКРЕТАР: ......'],
        [],
        ['План за подобрение на Община Пример 2024-2025'],
        [],
        top,
        sub,
        ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
        ['1.1', 'Разработване на стратегия', null, null, '1.1', null, null, null, null],
        ['1.1.1', 'Работна група', '01.02.2024', '31.03.2024', null, null, 'Дирекция „Финанси и администрация“', 'Заповед', '1 бр.'],
        ['1.1.2', 'Проект на стратегия', 'I тримесечие 2024', '30.06.2024', null, null, 'Главен секретар', null, null],
        ['1.2', 'Бърза мярка', null, null, null, 'х', null, null, null],
        ['1.2.1', 'Анкета', '2024', '2024', null, null, 'ЧР', '% отговорили', '60%'],
        [],
        ['Изготвил: ..........'],
      ],
      { merges: ['C6:D6', 'E6:F6', 'A6:A7', 'B6:B7'] },
    ),
    sheetOf('Област 2 Хора', [top, sub, ['2.1', 'Обучения', null, null, '3.1', null, null, null, null], ['2.1.1', 'Обучение по CAF', '01.02.2024', 'май 2024', null, null, 'ЧР', null, null]]),
  ];

  it('reads the tree, the kinds from the two kind columns, and every field', () => {
    const { plan } = read(sheets);
    expect(plan.title).toBe('План за подобрение на Община Пример 2024-2025');
    expect(plan.period).toBe('2024-2025');
    expect(plan.warnings).toEqual([]);
    expect(plan.areas.map((a) => [a.code, a.title])).toEqual([['1', 'Лидерство'], ['2', 'Хора']]);
    expect(measureRows(sheets)).toEqual([
      { code: '1.1', title: 'Разработване на стратегия', kind: 'strategic', cafRefs: ['1.1'] },
      { code: '1.2', title: 'Бърза мярка', kind: 'quick_win', cafRefs: [] },
      { code: '2.1', title: 'Обучения', kind: 'strategic', cafRefs: ['3.1'] },
    ]);
    expect(activityRows(plan)).toEqual([
      act('1', '1.1', '1.1.1', 'Работна група', { start: '2024-02-01', end: '2024-03-31', owners: ['Дирекция „Финанси и администрация“'], indicator: 'Заповед', target: '1 бр.' }),
      act('1', '1.1', '1.1.2', 'Проект на стратегия', { start: '2024-01-01', end: '2024-06-30', owners: ['Главен секретар'] }),
      act('1', '1.2', '1.2.1', 'Анкета', { start: '2024-01-01', end: '2024-12-31', owners: ['ЧР'], indicator: '% отговорили', target: '60%' }),
      act('2', '2.1', '2.1.1', 'Обучение по CAF', { start: '2024-02-01', end: '2024-05-31', owners: ['ЧР'] }),
    ]);
    expect(activityRows(plan).length).toBe(4);
    expect(read(sheets).plan.areas[0].measures[0].activities[0].source).toEqual({ sheet: 'Област 1 Лидерство', row: 10 });
  });

  it('says how it understood the table: header rows, each column, the levels, high confidence', () => {
    const { understanding } = read(sheets);
    expect(understanding.confidence).toBe('high');
    expect(understanding.needsMapping).toBe(false);
    const [first] = understanding.tables;
    expect(first.headerRows).toEqual([6, 7]);
    expect(first.columns.map((c) => [c.column, c.header, c.meaning])).toEqual([
      ['A', '№', 'code'],
      ['B', 'Мерки/дейности', 'activity'],
      ['C', 'Срок / начало', 'start'],
      ['D', 'Срок / край', 'end'],
      ['E', 'Вид на мярката / стратегическа', 'strategic'],
      ['F', 'Вид на мярката / бърза победа', 'quickWin'],
      ['G', 'Отговорно звено', 'owners'],
      ['H', 'Индикатор за изпълнение', 'indicator'],
      ['I', 'Целева стойност', 'target'],
    ]);
    expect(first.levels).toEqual({ by: 'numbering', depths: { measure: 2, activity: 3 } });
    expect(first.levelsFound).toEqual(['area', 'measure', 'activity']);
    expect(first.rows).toEqual({ areas: 1, measures: 2, activities: 3, skipped: 3, unread: 0 });
  });
});

describe('one level only, in English', () => {
  const sheets = [
    sheetOf('Actions', [
      ['Improvement plan 2024'],
      ['Improvement action', 'Responsible', 'Deadline', 'KPI', 'Expected result', 'Status', 'Budget'],
      ['Publish the strategy', 'Chief secretary', '30.06.2024', 'Published', 'On the website', 'done', '0'],
      ['Staff survey', 'HR', 'Q3 2024', null, null, 'in progress, 40%', null],
      ['Train managers', 'HR; Finance', 'ongoing', null, null, 'not started', '5000 лв.'],
      ['Total', null, null, null, null, null, '5000'],
      ['* Budget in leva'],
    ]),
  ];

  it('makes each row a measure with one activity of the same title, numbered in order, and says so once', () => {
    const { plan, understanding } = read(sheets);
    expect(measureRows(sheets)).toEqual([
      { code: '1.1', title: 'Publish the strategy', kind: null, cafRefs: [] },
      { code: '1.2', title: 'Staff survey', kind: null, cafRefs: [] },
      { code: '1.3', title: 'Train managers', kind: null, cafRefs: [] },
    ]);
    expect(activityRows(plan)).toEqual([
      act('1', '1.1', '1.1.1', 'Publish the strategy', {
        end: '2024-06-30', owners: ['Chief secretary'], indicator: 'Published', target: 'On the website', resources: '0',
        status: { status: 'done', percent: 100, comment: null },
      }),
      act('1', '1.2', '1.2.1', 'Staff survey', { end: '2024-09-30', owners: ['HR'], status: { status: 'in_progress', percent: 40, comment: null } }),
      act('1', '1.3', '1.3.1', 'Train managers', {
        ongoing: true, ongoingText: 'ongoing', owners: ['HR', 'Finance'], resources: '5000 лв.', status: { status: 'planned', percent: null, comment: null },
      }),
    ]);
    expect(plan.warnings).toEqual([
      { sheet: 'Actions', row: 3, column: null, message: 'no area row above this row; area 1 is named after the sheet' },
      { sheet: 'Actions', row: 3, column: 'Improvement action', message: 'the rows have no numbers; numbered in order (1.1 to 1.3)' },
      { sheet: 'Actions', row: null, column: null, message: 'one level only: each row is a measure with one activity of the same title (code: the measure\'s followed by ".1")' },
    ]);
    expect(understanding.tables[0]).toMatchObject({ headerRows: [2], levels: { by: 'every-row' }, levelsFound: ['activity'], confidence: 'medium' });
    expect(understanding.tables[0].reasons).toEqual(['no levels found: every row was taken as an activity', 'no numbers: activities were numbered in order']);
  });

  it('keeps the numbers a one-level plan gives, with area rows "I. ЛИДЕРСТВО" and "Критерий 2 -"', () => {
    const { plan } = read([
      sheetOf('План', [
        ['№', 'Мярка', 'Срок', 'Отговорник'],
        ['I. ЛИДЕРСТВО'],
        ['1', 'Мярка едно', '2024', 'Кмет'],
        ['2', 'Мярка две', '31.12.2024', 'Кмет'],
        ['Критерий 2 - Стратегия'],
        ['3', 'Мярка три', 'текущо', 'Секретар'],
      ]),
    ]);
    expect(plan.areas.map((a) => [a.code, a.title, a.measures.map((m) => [m.code, m.title])])).toEqual([
      ['1', 'ЛИДЕРСТВО', [['1', 'Мярка едно'], ['2', 'Мярка две']]],
      ['2', 'Стратегия', [['3', 'Мярка три']]],
    ]);
    expect(activityRows(plan)).toEqual([
      act('1', '1', '1.1', 'Мярка едно', { end: '2024-12-31', owners: ['Кмет'] }),
      act('1', '2', '2.1', 'Мярка две', { end: '2024-12-31', owners: ['Кмет'] }),
      act('2', '3', '3.1', 'Мярка три', { ongoing: true, ongoingText: 'текущо', owners: ['Секретар'] }),
    ]);
    expect(plan.warnings.map((w) => w.message)).toEqual(['one level only: each row is a measure with one activity of the same title (code: the measure\'s followed by ".1")']);
  });
});

describe('numbering', () => {
  it('reads "Мярка 1.1" rows with activities numbered "1.", "а)", "-" under them, and kind marks', () => {
    const sheets = [
      sheetOf('План', [
        ['Мерки и дейности', 'Срок', 'Отговорник', 'Стратегическа', 'Бърза победа'],
        ['Мярка 1.1 Стратегия', null, null, 'х', null],
        ['1. Работна група', '31.03.2024', 'Кмет', null, null],
        ['2. Проект', '30.06.2024', 'Кмет', null, null],
        ['Мярка 1.2 Анкета', null, null, 'не', 'да'],
        ['а) Въпросник', '31.03.2024', 'ЧР', null, null],
        ['б) Провеждане', '30.04.2024', 'ЧР', null, null],
        ['- Анализ', '31.05.2024', 'ЧР', null, null],
        ['Мярка 1.3 Неясна', null, null, null, null],
        ['• Нещо', '31.05.2024', 'ЧР', null, null],
      ]),
    ];
    const { plan, understanding } = read(sheets);
    expect(measureRows(sheets)).toEqual([
      { code: '1.1', title: 'Стратегия', kind: 'strategic', cafRefs: [] },
      { code: '1.2', title: 'Анкета', kind: 'quick_win', cafRefs: [] },
      { code: '1.3', title: 'Неясна', kind: null, cafRefs: [] },
    ]);
    expect(activityRows(plan)).toEqual([
      act('1', '1.1', '1.1.1', 'Работна група', { end: '2024-03-31', owners: ['Кмет'] }),
      act('1', '1.1', '1.1.2', 'Проект', { end: '2024-06-30', owners: ['Кмет'] }),
      act('1', '1.2', '1.2.1', 'Въпросник', { end: '2024-03-31', owners: ['ЧР'] }),
      act('1', '1.2', '1.2.2', 'Провеждане', { end: '2024-04-30', owners: ['ЧР'] }),
      act('1', '1.2', '1.2.3', 'Анализ', { end: '2024-05-31', owners: ['ЧР'] }),
      act('1', '1.3', '1.3.1', 'Нещо', { end: '2024-05-31', owners: ['ЧР'] }),
    ]);
    expect(plan.warnings).toEqual([{ sheet: 'План', row: 2, column: null, message: 'no area row above this row; area 1 is named after the sheet' }]);
    expect(understanding.tables[0].levels).toEqual({ by: 'numbering', depths: { measure: 2, activity: 3 } });
  });

  it('takes the levels from the depths in a № column: 1 area, 1.1 measure, 1.1.1 activity', () => {
    const { plan } = read([
      sheetOf('Sheet1', [
        ['№ по ред', 'Наименование', 'Краен срок', 'Изпълнител'],
        ['1.', 'Управление', null, null],
        ['1.1.', 'Мярка А', null, null],
        ['1.1.1.', 'Дейност А1', '31.12.2024', 'Кмет'],
        ['1.1.2.', 'Дейност А2', '31.12.2024', 'Кмет'],
        ['2.', 'Хора', null, null],
        ['2.1.', 'Мярка Б', '30.06.2024', 'ЧР'],
        ['2.1.1.', 'Дейност Б1', null, null],
        ['2.2.', 'Мярка В', '30.09.2024', 'ЧР'],
      ]),
    ]);
    expect(plan.areas.map((a) => [a.code, a.title, a.measures.map((m) => [m.code, m.title])])).toEqual([
      ['1', 'Управление', [['1.1', 'Мярка А']]],
      ['2', 'Хора', [['2.1', 'Мярка Б'], ['2.2', 'Мярка В']]],
    ]);
    expect(activityRows(plan)).toEqual([
      act('1', '1.1', '1.1.1', 'Дейност А1', { end: '2024-12-31', owners: ['Кмет'] }),
      act('1', '1.1', '1.1.2', 'Дейност А2', { end: '2024-12-31', owners: ['Кмет'] }),
      // the measure's own row gives its activities what they leave empty
      act('2', '2.1', '2.1.1', 'Дейност Б1', { end: '2024-06-30', owners: ['ЧР'] }),
      act('2', '2.2', '2.2.1', 'Мярка В', { end: '2024-09-30', owners: ['ЧР'] }),
    ]);
    expect(plan.warnings).toEqual([
      { sheet: 'Sheet1', row: 9, column: 'Наименование', message: 'measure 2.2 has no activities; read as one activity 2.2.1 of the same title' },
    ]);
  });

  it('reads measure -> activity without areas into one area, with one warning', () => {
    const { plan, understanding } = read([
      sheetOf('Sheet1', [
        ['No.', 'Action', 'Responsible', 'Timeframe'],
        ['1', 'Improve communication', null, null],
        ['1.1', 'Newsletter', 'PR', 'Q1 2024'],
        ['1.2', 'Intranet', 'IT', 'H2 2024'],
        ['2', 'Staff development', null, null],
        ['2.1', 'Training plan', 'HR', '2024'],
      ]),
    ]);
    expect(plan.areas.map((a) => [a.code, a.title, a.measures.map((m) => [m.code, m.title])])).toEqual([
      ['1', 'Sheet1', [['1', 'Improve communication'], ['2', 'Staff development']]],
    ]);
    expect(activityRows(plan)).toEqual([
      act('1', '1', '1.1', 'Newsletter', { end: '2024-03-31', owners: ['PR'] }),
      act('1', '1', '1.2', 'Intranet', { end: '2024-12-31', owners: ['IT'] }),
      act('1', '2', '2.1', 'Training plan', { end: '2024-12-31', owners: ['HR'] }),
    ]);
    expect(plan.warnings).toEqual([{ sheet: 'Sheet1', row: 2, column: null, message: 'no area row above this row; area 1 is named after the sheet' }]);
    expect(understanding.tables[0].levelsFound).toEqual(['measure', 'activity']);
  });

  it('numbers a table without numbers in order, with one warning for the whole table', () => {
    const { plan } = read([
      sheetOf('План', [
        ['Област', 'Мярка', 'Дейност', 'От', 'До', 'Отговорник'],
        ['Лидерство', 'Стратегия', 'Група', '01.02.2024', '31.03.2024', 'Кмет'],
        [null, null, 'Проект', '01.04.2024', '30.06.2024', 'Кмет'],
        [null, 'Анкета', 'Въпросник', null, '30.09.2024', 'ЧР'],
        ['Хора', 'Обучения', 'План', null, '31.12.2024', 'ЧР'],
      ]),
    ]);
    expect(plan.areas.map((a) => [a.code, a.title, a.measures.map((m) => m.code)])).toEqual([
      ['1', 'Лидерство', ['1.1', '1.2']],
      ['2', 'Хора', ['2.1']],
    ]);
    expect(activityRows(plan).map((a) => [a.code, a.title, a.start, a.end])).toEqual([
      ['1.1.1', 'Група', '2024-02-01', '2024-03-31'],
      ['1.1.2', 'Проект', '2024-04-01', '2024-06-30'],
      ['1.2.1', 'Въпросник', null, '2024-09-30'],
      ['2.1.1', 'План', null, '2024-12-31'],
    ]);
    expect(plan.warnings).toEqual([
      { sheet: 'План', row: 2, column: 'Област', message: 'area without a number; given 1' },
      { sheet: 'План', row: 2, column: 'Мярка', message: 'the measures have no numbers; numbered in order (1.1 to 2.1)' },
      { sheet: 'План', row: 2, column: 'Дейност', message: 'the activities have no numbers; numbered in order (1.1.1 to 2.1.1)' },
      { sheet: 'План', row: 5, column: 'Област', message: 'area without a number; given 2' },
    ]);
  });
});

describe('a deadline column holding a range', () => {
  it('gives the start as well as the end when there is no start column', () => {
    const { plan } = read([
      sheetOf('Plan', [
        ['No.', 'Improvement action', 'Responsible', 'Deadline'],
        ['1', 'Train staff on CAF', 'HR', '2024 - 2025'],
        ['2', 'Publish the charter', 'IT', 'Q2 2024'],
      ]),
    ]);
    const [first, second] = measures(plan).flatMap((m) => m.activities);
    expect([first!.start, first!.end]).toEqual(['2024-01-01', '2025-12-31']);
    expect([second!.start, second!.end]).toEqual([null, '2024-06-30']);
  });
});

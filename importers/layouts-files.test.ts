/** Layouts mixed in real files: .xlsx written by exceljs (merged cells) and .csv, field by field. */
import { describe, expect, it } from 'vitest';
import { activityRows, expectedActivity as act, measures, utf8, workbookBytes, type Row } from './test-support';
import { understandPlanFile } from './index';

const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

describe('.xlsx: a merged two-row header, a № column, areas merged across, measures merged down, one sheet per kind', () => {
  const top: Row = ['№', 'Мярка', 'Дейност', 'Срок за изпълнение', null, 'Отговорно звено', 'Индикатор', 'Очакван резултат', 'Необходими ресурси', 'Статус'];
  const sub: Row = [null, null, null, 'начало', 'край', null, null, null, null, null];
  const file = () =>
    workbookBytes([
      {
        name: 'Стратегически мерки',
        rows: [
          ['УТВЪРЖДАВАМ'],
          ['КМЕТ: (подпис)'],
          ['ПЛАН ЗА ПОДОБРЕНИЕ НА ОБЩИНА ПРИМЕР 2025-2026'],
          top,
          sub,
          ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
          ['Критерий 1 - Лидерство'],
          ['1.1', 'Мисия и визия', 'Работна група', utc(2025, 2, 1), utc(2025, 3, 31), 'Главен секретар', 'Заповед', 'Създадена група', null, 'изпълнена'],
          [null, null, 'Проект', '01.04.2025', '30.06.2025 г.', 'Дирекция „Финанси и администрация“', null, 'Проект', '2000 лв.', '40%'],
          ['Критерий 3 - Хора'],
          ['3.1', 'Обучения', 'План за обучение', 'I тримесечие 2025', 'II тримесечие 2025', 'ЧР', 'Брой обучени', '20 служители', null, null],
          ['Общо', null, null, null, null, null, null, null, '2000 лв.', null],
          [],
          ['* Ресурсите са от бюджета на общината'],
        ],
        merges: ['A1:J1', 'A4:A5', 'B4:B5', 'C4:C5', 'D4:E4', 'F4:F5', 'G4:G5', 'H4:H5', 'I4:I5', 'J4:J5', 'A7:J7', 'A8:A9', 'B8:B9', 'A10:J10'],
      },
      {
        name: 'Бързи победи',
        rows: [top, sub, ['Критерий 2 - Стратегия'], ['2.1', 'Сайт', 'Обновяване на сайта', '01.03.2025', '31.03.2025', 'ИТ', null, null, null, 'в изпълнение']],
        merges: ['D1:E1', 'A3:J3'],
      },
    ]);

  it('reads every field', async () => {
    const { plan, understanding } = await understandPlanFile(await file(), 'plan.xlsx', 'en');
    expect(plan.title).toBe('ПЛАН ЗА ПОДОБРЕНИЕ НА ОБЩИНА ПРИМЕР 2025-2026');
    expect(plan.period).toBe('2025-2026');
    expect(plan.areas.map((a) => [a.code, a.title])).toEqual([['1', 'Лидерство'], ['3', 'Хора'], ['2', 'Стратегия']]);
    expect(measures(plan).map(({ code, title, kind, cafRefs }) => ({ code, title, kind, cafRefs }))).toEqual([
      { code: '1.1', title: 'Мисия и визия', kind: 'strategic', cafRefs: [] },
      { code: '3.1', title: 'Обучения', kind: 'strategic', cafRefs: [] },
      { code: '2.1', title: 'Сайт', kind: 'quick_win', cafRefs: [] },
    ]);
    expect(activityRows(plan)).toEqual([
      act('1', '1.1', '1.1.1', 'Работна група', {
        start: '2025-02-01', end: '2025-03-31', owners: ['Главен секретар'], indicator: 'Заповед', target: 'Създадена група',
        status: { status: 'done', percent: 100, comment: null },
      }),
      act('1', '1.1', '1.1.2', 'Проект', {
        start: '2025-04-01', end: '2025-06-30', owners: ['Дирекция „Финанси и администрация“'], target: 'Проект', resources: '2000 лв.',
        status: { status: 'in_progress', percent: 40, comment: null },
      }),
      act('3', '3.1', '3.1.1', 'План за обучение', { start: '2025-01-01', end: '2025-06-30', owners: ['ЧР'], indicator: 'Брой обучени', target: '20 служители' }),
      act('2', '2.1', '2.1.1', 'Обновяване на сайта', { start: '2025-03-01', end: '2025-03-31', owners: ['ИТ'], status: { status: 'in_progress', percent: null, comment: null } }),
    ]);
    expect(activityRows(plan).map((a) => a.code)).toEqual(['1.1.1', '1.1.2', '3.1.1', '2.1.1']);
    expect(plan.areas[0].measures[0].activities[1].source).toEqual({ sheet: 'Стратегически мерки', row: 9 });
    expect(plan.warnings).toEqual([
      { sheet: 'Стратегически мерки', row: 8, column: 'Дейност', message: 'the activities have no numbers; numbered in order (1.1.1 to 3.1.1)' },
      { sheet: 'Бързи победи', row: 4, column: 'Дейност', message: 'activity has no code; given 2.1.1' },
    ]);
    expect(understanding.tables.map((t) => [t.sheet, t.headerRows, t.kindFrom, t.confidence])).toEqual([
      ['Стратегически мерки', [4, 5], 'sheet', 'medium'],
      ['Бързи победи', [1, 2], 'sheet', 'high'],
    ]);
  });
});

describe('.csv: English headers, one level only, a numbering row and a footnote', () => {
  it('reads every field', async () => {
    const csv = [
      'Ref.;Action;Owner;Timeframe;KPI;Target;Comments',
      '1;2;3;4;5;6;7',
      'A.1;Publish the plan;Chief secretary;Q1 2025;Published;Yes;',
      'A.2;"Survey staff; report";HR;"01.04.2025 - 30.06.2025";Response rate;60%;first time',
      ';Train managers;HR;continuous;;;',
      'Note: dates are indicative;;;;;;',
    ].join('\r\n');
    const { plan, understanding } = await understandPlanFile(utf8(`\uFEFF${csv}`), 'actions.csv', 'en');
    expect(measures(plan).map((m) => [m.code, m.title])).toEqual([['1.1', 'Publish the plan'], ['1.2', 'Survey staff; report'], ['1.3', 'Train managers']]);
    expect(activityRows(plan)).toEqual([
      act('1', '1.1', '1.1.1', 'Publish the plan', { end: '2025-03-31', owners: ['Chief secretary'], indicator: 'Published', target: 'Yes' }),
      act('1', '1.2', '1.2.1', 'Survey staff; report', { start: '2025-04-01', end: '2025-06-30', owners: ['HR'], indicator: 'Response rate', target: '60%', note: 'first time' }),
      act('1', '1.3', '1.3.1', 'Train managers', { ongoing: true, ongoingText: 'continuous', owners: ['HR'] }),
    ]);
    expect(plan.warnings).toEqual([
      { sheet: 'actions.csv', row: 3, column: null, message: 'no area row above this row; area 1 is named after the sheet' },
      { sheet: 'actions.csv', row: 3, column: 'Action', message: 'the rows have no numbers; numbered in order (1.1 to 1.3)' },
      { sheet: 'actions.csv', row: null, column: null, message: 'one level only: each row is a measure with one activity of the same title (code: the measure\'s followed by ".1")' },
    ]);
    expect(understanding.tables[0].columns.map((c) => c.meaning)).toEqual(['code', 'activity', 'owners', 'period', 'indicator', 'target', 'note']);
  });
});

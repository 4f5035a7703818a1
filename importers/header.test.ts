import { describe, expect, it } from 'vitest';
import { PLAN_VOCABULARY, findHeader as findHeaderIn, recogniseColumn } from './header';
import type { CellValue, Sheet } from './types';

describe('recogniseColumn', () => {
  it.each([
    ['Мярка', 'measure'],
    ['Measure', 'measure'],
    ['Наименование на мярката', 'measure'],
    ['Наименование на дейността', 'activity'],
    ['Дейност', 'activity'],
    ['Мерки/дейности', 'activity'],
    ['Действие', 'activity'],
    ['Improvement action', 'activity'],
    ['Action', 'activity'],
    ['Activity', 'activity'],
    ['Стратегически мерки', 'strategic'],
    ['Strategic measures', 'strategic'],
    ['Бързи победи', 'quickWin'],
    ['Бърза победа', 'quickWin'],
    ['Quick wins', 'quickWin'],
    ['Вид', 'kind'],
    ['Вид на мярката', 'kind'],
    ['Type', 'kind'],
    ['Критерий по CAF', 'caf'],
    ['Начало (дата)', 'start'],
    ['Start', 'start'],
    ['Край (дата)', 'end'],
    ['Краен срок', 'end'],
    ['Due date', 'end'],
    ['Deadline', 'end'],
    ['End', 'end'],
    ['Срок', 'period'],
    ['Срок за изпълнение', 'period'],
    ['Срок за изпълнение на дейността', 'period'],
    ['Timeframe', 'period'],
    ['Period', 'period'],
    ['Целеви стойности на резултата', 'target'],
    ['Целева стойност', 'target'],
    ['Очакван резултат', 'target'],
    ['Expected result', 'target'],
    ['Target', 'target'],
    ['Индикатор', 'indicator'],
    ['Индикатор за изпълнение', 'indicator'],
    ['KPI', 'indicator'],
    ['Отговорници и подпомагачи', 'owners'],
    ['Отговорник', 'owners'],
    ['Отговорно звено', 'owners'],
    ['Изпълнител', 'owners'],
    ['Responsible', 'owners'],
    ['Owner', 'owners'],
    ['Забележка', 'note'],
    ['Note', 'note'],
    ['Comments', 'note'],
    ['Бюджет', 'resources'],
    ['Необходими ресурси', 'resources'],
    ['Статус', 'status'],
    ['Степен на изпълнение', 'status'],
    ['№', 'code'],
    ['№ по ред', 'code'],
    ['No.', 'code'],
    ['Ref.', 'code'],
    ['Код', 'code'],
    ['Област', 'area'],
    ['  Край\n(дата) ', 'end'],
    ['Notes', 'note'],
    ['1.', null],
  ])('%s is %s', (text, key) => {
    expect(recogniseColumn(text)).toBe(key);
  });

  it('reads a sub-header in the context of its group header', () => {
    expect(recogniseColumn('начало', 'Срок')).toBe('start');
    expect(recogniseColumn('от', 'Period')).toBe('start');
    expect(recogniseColumn('to', 'Period')).toBe('end');
    expect(recogniseColumn('стратегическа', 'Вид на мярката')).toBe('strategic');
    expect(recogniseColumn('бърза победа', 'Вид на мярката')).toBe('quickWin');
    expect(recogniseColumn('лице', 'Отговорник')).toBe('owners');
  });
});

describe('findHeader', () => {
  const sheet = (rows: [number, CellValue[]][]) => ({ name: 'S', rows: rows.map(([row, cells]) => ({ row, cells })) });
  const findHeader = (s: Sheet) => findHeaderIn(s, PLAN_VOCABULARY);

  it('finds the header below a title block, in any column order', () => {
    const search = findHeader(sheet([
      [1, ['ПЛАН ЗА ПОДОБРЕНИЕ']],
      [3, [null, 'Срок', 'Дейност', 'Отговорник', 'Бюджет']],
    ]));
    expect(search).toEqual({
      kind: 'table',
      header: {
        rowIndexes: [1],
        keys: { period: 1, activity: 2, owners: 3, resources: 4 },
        columns: [
          { index: 0, key: null, label: 'A' },
          { index: 1, key: 'period', label: 'Срок' },
          { index: 2, key: 'activity', label: 'Дейност' },
          { index: 3, key: 'owners', label: 'Отговорник' },
          { index: 4, key: 'resources', label: 'Бюджет' },
        ],
      },
    });
  });

  it('chooses the row naming the most columns, not the first with a few', () => {
    const search = findHeader(sheet([
      [1, ['Утвърждавам', 'Дата', 'Отговорник']],
      [2, ['№', 'Дейност', 'Срок', 'Отговорник', 'Индикатор']],
    ]));
    expect(search.kind === 'table' && search.header.rowIndexes).toEqual([1]);
  });

  it('reads a two-row header: the sub-header gives the meaning, the group header the context', () => {
    const search = findHeader(sheet([
      [4, ['№', 'Дейност', 'Срок', null, 'Вид на мярката', null, 'Отговорник']],
      [5, [null, null, 'начало', 'край', 'стратегическа', 'бърза победа', null]],
      [6, ['1.', 'Първа', '01.2024', '06.2024', 'х', null, 'ЧР']],
    ]));
    expect(search.kind === 'table' && search.header.rowIndexes).toEqual([0, 1]);
    expect(search.kind === 'table' && search.header.columns.map((c) => [c.key, c.label])).toEqual([
      ['code', '№'],
      ['activity', 'Дейност'],
      ['start', 'Срок / начало'],
      ['end', 'Срок / край'],
      ['strategic', 'Вид на мярката / стратегическа'],
      ['quickWin', 'Вид на мярката / бърза победа'],
      ['owners', 'Отговорник'],
    ]);
  });

  it('reads only the first of two columns with the same meaning', () => {
    const search = findHeader(sheet([[1, ['Дейност', 'Срок', 'Краен срок', 'Отговорник', 'Край']]]));
    expect(search.kind === 'table' && search.header.columns.map((c) => c.key)).toEqual(['activity', 'period', 'end', 'owners', null]);
  });

  it('tells a header without a title column from no header at all', () => {
    expect(findHeader(sheet([[2, ['Срок', 'Отговорник', 'Индикатор', null]]]))).toEqual({
      kind: 'missing-required',
      row: 2,
      labels: ['Срок', 'Отговорник', 'Индикатор'],
    });
    expect(findHeader(sheet([[1, ['Дейност', 'Нещо']]]))).toEqual({ kind: 'none' });
  });
});

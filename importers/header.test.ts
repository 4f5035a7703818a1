import { describe, expect, it } from 'vitest';
import { findHeader, recogniseColumn } from './header';

describe('recogniseColumn', () => {
  it.each([
    ['Мярка', 'measure'],
    ['Measure', 'measure'],
    ['Наименование на дейността', 'activity'],
    ['Дейност', 'activity'],
    ['Activity', 'activity'],
    ['Стратегически мерки', 'strategic'],
    ['Strategic measures', 'strategic'],
    ['Бързи победи', 'quickWin'],
    ['Quick wins', 'quickWin'],
    ['Вид', 'type'],
    ['Type', 'type'],
    ['Критерий по CAF', 'caf'],
    ['Начало (дата)', 'start'],
    ['Start', 'start'],
    ['Край (дата)', 'end'],
    ['Срок', 'end'],
    ['Due date', 'end'],
    ['End', 'end'],
    ['Целеви стойности на резултата', 'target'],
    ['Target', 'target'],
    ['Отговорници и подпомагачи', 'owners'],
    ['Отговорник', 'owners'],
    ['Responsible', 'owners'],
    ['Owner', 'owners'],
    ['Забележка', 'note'],
    ['Note', 'note'],
    ['Comments', 'note'],
    ['  Край\n(дата) ', 'end'],
    ['Бюджет', null],
    ['1.', null],
  ])('%s is %s', (text, key) => {
    expect(recogniseColumn(text)).toBe(key);
  });
});

describe('findHeader', () => {
  const row = (n: number, cells: (string | null)[]) => ({ row: n, cells });

  it('finds the header below a title block, in any column order', () => {
    const search = findHeader([
      row(1, ['ПЛАН ЗА ПОДОБРЕНИЕ']),
      row(3, [null, 'Срок', 'Дейност', 'Отговорник', 'Бюджет']),
    ]);
    expect(search).toEqual({
      kind: 'table',
      header: {
        rowIndex: 1,
        keys: { end: 1, activity: 2, owners: 3 },
        columns: [
          { index: 0, key: null, label: 'A' },
          { index: 1, key: 'end', label: 'Срок' },
          { index: 2, key: 'activity', label: 'Дейност' },
          { index: 3, key: 'owners', label: 'Отговорник' },
          { index: 4, key: null, label: 'Бюджет' },
        ],
      },
    });
  });

  it('reads only the first of two columns with the same meaning', () => {
    const search = findHeader([row(1, ['Дейност', 'Срок', 'Краен срок', 'Отговорник'])]);
    expect(search.kind === 'table' && search.header.columns.map((c) => c.key)).toEqual(['activity', 'end', null, 'owners']);
  });

  it('tells a header without the activity column from no header at all', () => {
    expect(findHeader([row(2, ['Мярка', 'Срок', 'Отговорник', null])])).toEqual({
      kind: 'missing-required',
      row: 2,
      labels: ['Мярка', 'Срок', 'Отговорник'],
    });
    expect(findHeader([row(1, ['Дейност', 'Бюджет'])])).toEqual({ kind: 'none' });
  });
});

import { describe, expect, it } from 'vitest';
import { diffPlan, titleSimilarity, type ComparableActivity } from './plan-diff';

function activity(code: string, title: string, extra: Partial<ComparableActivity> = {}): ComparableActivity & { id: number } {
  return {
    id: Number(code.replace(/\D/g, '')),
    code,
    title,
    measureCode: code.split('.').slice(0, 2).join('.'),
    start: '2022-03-14',
    end: '2022-06-30',
    ongoing: false,
    ongoingText: null,
    indicator: null,
    target: null,
    resources: null,
    owners: ['Главен секретар'],
    note: null,
    ...extra,
  };
}

describe('diffPlan', () => {
  it('matches by code and reports each changed field', () => {
    const before = [activity('1.1.1', 'Създаване на работна група'), activity('1.1.2', 'Подготовка на чернова')];
    const after = [
      activity('1.1.1', 'Създаване на работна група', { end: '2022-09-30', owners: ['Главен секретар', 'експерт ИТ'] }),
      activity('1.1.2', 'Подготовка на чернова'),
    ];
    const diff = diffPlan(before, after);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.unchanged.map((m) => m.existing.code)).toEqual(['1.1.2']);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]!.changes).toEqual([
      { field: 'end', before: '2022-06-30', after: '2022-09-30' },
      { field: 'owners', before: 'Главен секретар', after: 'Главен секретар, експерт ИТ' },
    ]);
  });

  it('finds a renumbered activity by its title and reports the new code', () => {
    const before = [activity('2.3.4', 'Одобрение на система за насърчаване на служителите')];
    const after = [activity('2.3.5', 'Одобрение на системата за насърчаване на служителите')];
    const diff = diffPlan(before, after);
    expect(diff.added).toEqual([]);
    expect(diff.changed[0]!.existing.id).toBe(234);
    expect(diff.changed[0]!.changes.map((c) => c.field)).toEqual(['code', 'title']);
  });

  it('reports added and removed activities when nothing matches', () => {
    const before = [activity('3.1.1', 'Сформиране на работна група за дигитализация')];
    const after = [activity('3.1.2', 'Закупуване на сървърно оборудване')];
    const diff = diffPlan(before, after);
    expect(diff.added.map((a) => a.code)).toEqual(['3.1.2']);
    expect(diff.removed.map((a) => a.code)).toEqual(['3.1.1']);
  });

  it('keeps both activities of a code used twice, pairing them by title', () => {
    const before = [
      activity('2.8.2', 'Подготовка на инструкция', { id: 1 } as never),
      activity('2.8.2', 'Запознаване на служителите', { id: 2 } as never),
    ];
    const after = [activity('2.8.2', 'Запознаване на служителите'), activity('2.8.2', 'Подготовка на инструкция')];
    const diff = diffPlan(before, after);
    expect(diff.changed).toEqual([]);
    expect(diff.unchanged.map((m) => [m.existing.id, m.incoming.title])).toEqual([
      [2, 'Запознаване на служителите'],
      [1, 'Подготовка на инструкция'],
    ]);
  });
});

describe('titleSimilarity', () => {
  it('is 1 for the same title whatever the case and spacing, low for unrelated ones', () => {
    expect(titleSimilarity('Обучение  на служителите', 'обучение на служителите.')).toBe(1);
    expect(titleSimilarity('Обучение на служителите', 'Закупуване на сървър')).toBeLessThan(0.4);
  });
});

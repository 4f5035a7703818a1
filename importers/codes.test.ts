import { describe, expect, it } from 'vitest';
import { kindFromType, parseCafRefs } from './caf';
import { CAF_CRITERIA } from './caf2020';
import { parseAreaHeading, splitCode } from './codes';

describe('splitCode', () => {
  it.each([
    ['2.10. Продължаване на практиката', '2.10', 'Продължаване на практиката'],
    ['3.1.1.Сформиране на работна група', '3.1.1', 'Сформиране на работна група'],
    ['2.9.1 Актуализиране на информацията', '2.9.1', 'Актуализиране на информацията'],
    ['1.1.1.  Създаване\nна  група ', '1.1.1', 'Създаване на група'],
    ['1.2.3. 2023 г. е годината', '1.2.3', '2023 г. е годината'],
    ['Без номер', null, 'Без номер'],
    ['2022 г. план', null, '2022 г. план'],
    ['1.1000. Хилядна', '1.1000', 'Хилядна'],
    ['3.2) Точка', '3.2', 'Точка'],
  ])('%s', (text, code, title) => {
    expect(splitCode(text)).toEqual({ code, title });
  });
});

describe('parseAreaHeading', () => {
  it.each([
    ['Област 2: Управление на човешките ресурси', '2', 'Управление на човешките ресурси'],
    ['Area 2 - People', '2', 'People'],
    ['ОБЛАСТ № 3. Технологии', '3', 'Технологии'],
    ['Област 1', '1', ''],
  ])('%s', (text, code, title) => {
    expect(parseAreaHeading(text)).toEqual({ code, title });
  });

  it('is null for other text', () => {
    expect(parseAreaHeading('Областна администрация')).toBeNull();
  });
});

describe('CAF references', () => {
  it('holds the 9 criteria and 28 sub-criteria of CAF 2020', () => {
    expect(CAF_CRITERIA.map((c) => c.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(CAF_CRITERIA.flatMap((c) => c.subCriteria)).toHaveLength(28);
    expect(CAF_CRITERIA[3].subCriteria[5]).toEqual({ code: '4.6', titleEn: 'Manage facilities', titleBg: 'Управление на материалните активи' });
  });

  it.each([
    ['2.3', ['2.3'], []],
    ['1.2, 2.3', ['1.2', '2.3'], []],
    ['критерий 2.3', ['2.3'], []],
    ['6', ['6'], []],
    ['CAF 2020: 5.1; 5.2', ['5.1', '5.2'], []],
    ['2.7 и 10.1', [], ['2.7', '10.1']],
    ['x', [], []],
  ])('reads %s', (text, refs, unknown) => {
    expect(parseCafRefs(text)).toEqual({ refs, unknown });
  });

  it.each([
    ['стратегическа мярка', 'strategic'],
    ['Strategic', 'strategic'],
    ['бърза победа', 'quick_win'],
    ['Quick win', 'quick_win'],
    ['друго', null],
  ])('reads the type %s', (text, kind) => {
    expect(kindFromType(text)).toBe(kind);
  });
});

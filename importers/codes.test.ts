import { describe, expect, it } from 'vitest';
import { parseAreaHeading, readCodeCell, splitCode } from './codes';

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

describe('readCodeCell of a cell naming its level', () => {
  it('reads "Мярка 1.1" and "Дейност 1.1.1" as codes, not "Област 1" (an area row) nor a measure with its title', () => {
    expect(['Мярка 1.1', 'Мярка 1.1.', 'Дейност 1.1.1', 'Област 1', 'Мярка 1.1 Обучение'].map(readCodeCell)).toEqual(['1.1', '1.1', '1.1.1', null, null]);
  });
});

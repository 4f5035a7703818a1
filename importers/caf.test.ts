import { describe, expect, it } from 'vitest';
import { CAF_CRITERIA } from '../app/domain/caf2020';
import { kindFromType, parseCafRefs, readKindMark } from './caf';

describe('CAF 2020', () => {
  it('holds the 9 criteria and 28 sub-criteria', () => {
    expect(CAF_CRITERIA.map((c) => c.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(CAF_CRITERIA.flatMap((c) => c.subCriteria)).toHaveLength(28);
    expect(CAF_CRITERIA[3].subCriteria[5]).toEqual({ code: '4.6', titleEn: 'Manage facilities', titleBg: 'Управление на материалните активи' });
  });
});

describe('parseCafRefs', () => {
  it.each([
    ['', [], []],
    ['x', [], []],
    ['2.3', ['2.3'], []],
    ['1.1', ['1.1'], []],
    ['1.1.', ['1.1'], []],
    ['Критерий 1.1', ['1.1'], []],
    ['критерий 2.3', ['2.3'], []],
    ['подкритерий 2.3', ['2.3'], []],
    ['Подкритерии 2.3 и 2.4', ['2.3', '2.4'], []],
    ['CAF 3.2', ['3.2'], []],
    ['CAF 2020: 5.1; 5.2', ['5.1', '5.2'], []],
    ['CAF2020 - 5.1', ['5.1'], []],
    ['1.1, 1.2', ['1.1', '1.2'], []],
    ['1.1; 2.3', ['1.1', '2.3'], []],
    ['1.1 и 2.3', ['1.1', '2.3'], []],
    ['1.1\n2.3', ['1.1', '2.3'], []],
    ['6.1/6.2', ['6.1', '6.2'], []],
    ['1', ['1'], []],
    ['6', ['6'], []],
    ['Критерий 1', ['1'], []],
    ['критерии 1 и 2', ['1', '2'], []],
    ['1.1-1.3', ['1.1', '1.2', '1.3'], []],
    ['2.1 – 2.4', ['2.1', '2.2', '2.3', '2.4'], []],
    ['1.1-2.1', ['1.1', '2.1'], []],
    ['1.3-1.1', ['1.3', '1.1'], []],
    ['1.1, 1.1.', ['1.1'], []],
    ['2.7 и 10.1', [], ['2.7', '10.1']],
    ['1.9', [], ['1.9']],
    ['1.1.1', [], ['1.1.1']],
  ])('reads %j', (text, refs, unknown) => {
    expect(parseCafRefs(text)).toEqual({ refs, unknown });
  });

  it('costs little on a 5 MB cell', () => {
    const began = performance.now();
    parseCafRefs('1.'.repeat(2_500_000));
    parseCafRefs('1.1-'.repeat(1_250_000));
    expect(performance.now() - began).toBeLessThan(1000);
  });
});

describe('kindFromType', () => {
  it.each([
    ['стратегическа', 'strategic'],
    ['Стратегическа мярка', 'strategic'],
    ['стратегически мерки', 'strategic'],
    ['Strategic', 'strategic'],
    ['Strategic measure', 'strategic'],
    ['бърза победа', 'quick_win'],
    ['Бърза победа', 'quick_win'],
    ['бързи победи', 'quick_win'],
    ['Quick win', 'quick_win'],
    ['quick-win', 'quick_win'],
    ['QW', 'quick_win'],
    ['qw', 'quick_win'],
    ['БП', 'quick_win'],
    ['(БП)', 'quick_win'],
    ['стратегическа и бърза победа', null],
    ['друго', null],
    ['', null],
    ['qwerty', null],
    ['бпс', null],
  ])('reads the type %j', (text, kind) => {
    expect(kindFromType(text)).toBe(kind);
  });
});

describe('readKindMark', () => {
  it.each(['х', 'Х', 'x', 'X', ' x ', 'х.', '(х)', 'да', 'Да', 'ДА', '✓', '✔', '✅', '☑', 'yes', 'Yes', '+', '1', 'TRUE', 'ИСТИНА'])(
    'reads %j as marked',
    (text) => {
      expect(readKindMark(text)).toBe(true);
    },
  );

  it.each(['не', 'Не', 'no', 'No', '-', '–', '—', '0', 'FALSE', 'НЕИСТИНА'])('reads %j as not marked', (text) => {
    expect(readKindMark(text)).toBe(false);
  });

  it.each(['', '   ', '1.1', '2', 'може би', 'x x'])('says nothing of %j', (text) => {
    expect(readKindMark(text)).toBeNull();
  });

  it('says nothing of a 5 MB cell, at once', () => {
    const began = performance.now();
    expect(readKindMark('x'.repeat(5_000_000))).toBeNull();
    expect(performance.now() - began).toBeLessThan(50);
  });
});

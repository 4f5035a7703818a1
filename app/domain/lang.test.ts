import { describe, expect, it } from 'vitest';
import { NOUNS, plural } from './lang';

describe('plural', () => {
  it('uses the singular only for one, in Bulgarian', () => {
    expect(plural(1, 'bg', NOUNS.activity)).toBe('1 дейност');
    expect(plural(5, 'bg', NOUNS.activity)).toBe('5 дейности');
    expect(plural(0, 'bg', NOUNS.activity)).toBe('0 дейности');
    expect(plural(1, 'bg', NOUNS.day)).toBe('1 ден');
    expect(plural(5, 'bg', NOUNS.day)).toBe('5 дни');
    expect(plural(2, 'bg', NOUNS.measure)).toBe('2 мерки');
    expect(plural(3, 'bg', NOUNS.update)).toBe('3 отчета');
    expect(plural(-1, 'bg', NOUNS.day)).toBe('-1 ден');
  });

  it('uses the singular only for one, in English', () => {
    expect(plural(1, 'en', NOUNS.activity)).toBe('1 activity');
    expect(plural(2, 'en', NOUNS.activity)).toBe('2 activities');
    expect(plural(0, 'en', NOUNS.day)).toBe('0 days');
    expect(plural(21, 'en', NOUNS.day)).toBe('21 days');
  });

  it('takes forms given by the caller', () => {
    const criterion = { bg: ['критерий', 'критерия'], en: ['criterion', 'criteria'] } as const;
    expect(plural(9, 'bg', criterion)).toBe('9 критерия');
    expect(plural(9, 'en', criterion)).toBe('9 criteria');
  });
});

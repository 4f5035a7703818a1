import { describe, expect, it } from 'vitest';
import { plural } from './counts';

describe('plural', () => {
  it('uses the singular only for one, in Bulgarian', () => {
    expect(plural(1, 'bg', 'activity')).toBe('1 дейност');
    expect(plural(5, 'bg', 'activity')).toBe('5 дейности');
    expect(plural(0, 'bg', 'activity')).toBe('0 дейности');
    expect(plural(1, 'bg', 'day')).toBe('1 ден');
    expect(plural(5, 'bg', 'day')).toBe('5 дни');
    expect(plural(2, 'bg', 'measure')).toBe('2 мерки');
    expect(plural(3, 'bg', 'update')).toBe('3 отчета');
    expect(plural(-1, 'bg', 'day')).toBe('-1 ден');
  });

  it('uses the singular only for one, in English', () => {
    expect(plural(1, 'en', 'activity')).toBe('1 activity');
    expect(plural(2, 'en', 'activity')).toBe('2 activities');
    expect(plural(0, 'en', 'day')).toBe('0 days');
    expect(plural(21, 'en', 'day')).toBe('21 days');
  });

  it('counts areas and overdue activities too', () => {
    expect(plural(1, 'bg', 'area')).toBe('1 област');
    expect(plural(4, 'bg', 'area')).toBe('4 области');
    expect(plural(2, 'bg', 'overdue')).toBe('2 просрочени');
    expect(plural(2, 'en', 'overdue')).toBe('2 overdue');
  });
});

import { describe, expect, it } from 'vitest';
import {
  parsePeriod,
  periodBounds,
  periodKey,
  periodLabel,
  periodOf,
  previousPeriod,
  quarterEndBefore,
  type Period,
} from './quarters';

const q = (year: number, index: number): Period => ({ kind: 'quarter', year, index });
const h = (year: number, index: number): Period => ({ kind: 'half', year, index });
const y = (year: number): Period => ({ kind: 'year', year, index: 1 });

describe('periodBounds', () => {
  it('gives each quarter its calendar months, leap February included', () => {
    expect(periodBounds(q(2024, 1))).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodBounds(q(2024, 2))).toEqual({ start: '2024-04-01', end: '2024-06-30' });
    expect(periodBounds(q(2024, 3))).toEqual({ start: '2024-07-01', end: '2024-09-30' });
    expect(periodBounds(q(2024, 4))).toEqual({ start: '2024-10-01', end: '2024-12-31' });
  });

  it('gives half-years and years', () => {
    expect(periodBounds(h(2024, 1))).toEqual({ start: '2024-01-01', end: '2024-06-30' });
    expect(periodBounds(h(2023, 2))).toEqual({ start: '2023-07-01', end: '2023-12-31' });
    expect(periodBounds(y(2022))).toEqual({ start: '2022-01-01', end: '2022-12-31' });
  });
});

describe('periodOf', () => {
  it('splits quarters between 31.03 and 01.04', () => {
    expect(periodOf('2024-03-31', 'quarter')).toEqual(q(2024, 1));
    expect(periodOf('2024-04-01', 'quarter')).toEqual(q(2024, 2));
    expect(periodOf('2024-02-29', 'quarter')).toEqual(q(2024, 1));
    expect(periodOf('2024-12-31', 'quarter')).toEqual(q(2024, 4));
  });

  it('splits half-years between 30.06 and 01.07', () => {
    expect(periodOf('2024-06-30', 'half')).toEqual(h(2024, 1));
    expect(periodOf('2024-07-01', 'half')).toEqual(h(2024, 2));
    expect(periodOf('2024-07-01', 'year')).toEqual(y(2024));
  });
});

describe('labels and keys', () => {
  it('labels periods in Bulgarian with Roman numerals', () => {
    expect(periodLabel(q(2024, 2), 'bg')).toBe('II тримесечие 2024');
    expect(periodLabel(q(2024, 4), 'bg')).toBe('IV тримесечие 2024');
    expect(periodLabel(h(2024, 1), 'bg')).toBe('I полугодие 2024');
    expect(periodLabel(y(2024), 'bg')).toBe('2024 г.');
  });

  it('labels periods in English', () => {
    expect(periodLabel(q(2024, 2), 'en')).toBe('Q2 2024');
    expect(periodLabel(h(2024, 1), 'en')).toBe('H1 2024');
    expect(periodLabel(y(2024), 'en')).toBe('2024');
  });

  it('round-trips URL keys', () => {
    for (const period of [q(2024, 2), h(2023, 2), y(2022)]) {
      expect(parsePeriod(periodKey(period))).toEqual(period);
    }
    expect(periodKey(q(2024, 2))).toBe('2024-Q2');
    expect(periodKey(h(2024, 1))).toBe('2024-H1');
    expect(periodKey(y(2024))).toBe('2024');
    expect(parsePeriod('2024-q3')).toEqual(q(2024, 3));
  });

  it('refuses keys that name no period', () => {
    for (const key of ['', '2024-Q5', '2024-Q0', '2024-H3', '24-Q1', '2024Q1', '2024-M1', 'Q1-2024']) {
      expect(parsePeriod(key)).toBeNull();
    }
  });
});

describe('previousPeriod and quarterEndBefore', () => {
  it('steps back within and across years', () => {
    expect(previousPeriod(q(2024, 2))).toEqual(q(2024, 1));
    expect(previousPeriod(q(2024, 1))).toEqual(q(2023, 4));
    expect(previousPeriod(h(2024, 1))).toEqual(h(2023, 2));
    expect(previousPeriod(y(2024))).toEqual(y(2023));
  });

  it('gives the end of the quarter before the one containing the date', () => {
    expect(quarterEndBefore('2024-05-10')).toBe('2024-03-31');
    expect(quarterEndBefore('2024-04-01')).toBe('2024-03-31');
    expect(quarterEndBefore('2024-03-31')).toBe('2023-12-31');
    expect(quarterEndBefore('2024-01-01')).toBe('2023-12-31');
  });
});

import { describe, expect, it } from 'vitest';
import { readDate } from './dates';

const start = (value: Parameters<typeof readDate>[0]) => readDate(value, 'start');
const end = (value: Parameters<typeof readDate>[0]) => readDate(value, 'end');
const date = (iso: string) => ({ kind: 'date', iso });

describe('readDate', () => {
  it('reads Excel dates (UTC midnight) and serial numbers', () => {
    expect(start(new Date(Date.UTC(2022, 2, 14)))).toEqual(date('2022-03-14'));
    expect(start(44634)).toEqual(date('2022-03-14'));
    expect(start('44634')).toEqual(date('2022-03-14'));
    expect(end(45366)).toEqual(date('2024-03-15'));
  });

  it.each([
    ['14.3.2022', '2022-03-14'],
    ['18.05.2022', '2022-05-18'],
    ['31.12.2023 г.', '2023-12-31'],
    ['31.12.2023г', '2023-12-31'],
    ['2022-03-14', '2022-03-14'],
    ['14/03/2022', '2022-03-14'],
    ['14-03-2022', '2022-03-14'],
    ['до 30.06.2023 г.', '2023-06-30'],
  ])('reads the day %s', (text, iso) => {
    expect(start(text)).toEqual(date(iso));
    expect(end(text)).toEqual(date(iso));
  });

  it.each([
    ['м. март 2023', '2023-03-01', '2023-03-31'],
    ['март 2023', '2023-03-01', '2023-03-31'],
    ['м. февруари 2024 г.', '2024-02-01', '2024-02-29'],
    ['March 2023', '2023-03-01', '2023-03-31'],
    ['Sept 2023', '2023-09-01', '2023-09-30'],
    ['II тримесечие 2023', '2023-04-01', '2023-06-30'],
    ['Q2 2023', '2023-04-01', '2023-06-30'],
    ['II тримесечие на 2023 г.', '2023-04-01', '2023-06-30'],
    ['2 тримесечие 2023', '2023-04-01', '2023-06-30'],
    ['IV тримесечие 2022', '2022-10-01', '2022-12-31'],
    ['I полугодие 2023', '2023-01-01', '2023-06-30'],
    ['H2 2023', '2023-07-01', '2023-12-31'],
    ['2023 г.', '2023-01-01', '2023-12-31'],
    ['2023', '2023-01-01', '2023-12-31'],
  ])('reads the period %s as its first day for a start, its last for an end', (text, first, last) => {
    expect(start(text)).toEqual(date(first));
    expect(end(text)).toEqual(date(last));
  });

  it('reads a year typed as a number as that year, not as a serial', () => {
    expect(end(2023)).toEqual(date('2023-12-31'));
  });

  it.each(['текущо, в процеса на изпълнение на Плана за подобрене', 'постоянен', 'Постоянно', 'ongoing', 'Continuous'])(
    'reads "%s" as ongoing',
    (text) => {
      expect(start(text)).toEqual({ kind: 'ongoing' });
      expect(end(text)).toEqual({ kind: 'ongoing' });
    },
  );

  it('reads empty cells as empty', () => {
    expect(start(null)).toEqual({ kind: 'empty' });
    expect(start('   ')).toEqual({ kind: 'empty' });
  });

  it.each([
    ['скоро', 'not a date the importer knows'],
    ['14.03.22', 'not a date the importer knows'],
    ['марков 2023', 'not a date the importer knows'],
    ['31.02.2022', 'no such day'],
    ['14.3.1922', 'year 1922 is outside 1990-2100'],
    ['2202-03-14', 'year 2202 is outside 1990-2100'],
  ])('never guesses "%s"', (text, reason) => {
    expect(start(text)).toEqual({ kind: 'invalid', reason: expect.objectContaining({ en: reason }) });
  });

  it('refuses an Excel date with an absurd year', () => {
    expect(start(new Date(Date.UTC(1905, 6, 15)))).toEqual({
      kind: 'invalid',
      reason: { en: 'year 1905 is outside 1990-2100', bg: 'годината 1905 е извън 1990–2100' },
    });
  });
});

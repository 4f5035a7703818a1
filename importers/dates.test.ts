import { describe, expect, it } from 'vitest';
import { readDate, readPeriod } from './dates';
import type { CellValue } from './types';

const start = (value: CellValue) => readDate(value, 'start');
const end = (value: CellValue) => readDate(value, 'end');
const date = (iso: string) => ({ kind: 'date', iso });
const range = (from: string | null, to: string | null) => ({ kind: 'range', start: from, end: to });
const invalid = (en: string) => ({ kind: 'invalid', reason: expect.objectContaining({ en }) });

describe('readDate', () => {
  it('reads Excel dates (UTC midnight) and serial numbers', () => {
    expect(start(new Date(Date.UTC(2022, 2, 14)))).toEqual(date('2022-03-14'));
    expect(start(44634)).toEqual(date('2022-03-14'));
    expect(start(44634.75)).toEqual(date('2022-03-14'));
    expect(start('44634')).toEqual(date('2022-03-14'));
    expect(end(45366)).toEqual(date('2024-03-15'));
  });

  it.each([
    ['14.3.2022', '2022-03-14'],
    ['14.03.2022', '2022-03-14'],
    ['18.05.2022', '2022-05-18'],
    ['14.03.2022 г.', '2022-03-14'],
    ['14.03.2022г.', '2022-03-14'],
    ['31.12.2023г', '2023-12-31'],
    ['14.03.2022 год.', '2022-03-14'],
    ['14.03.2022 година', '2022-03-14'],
    ['14 . 03 . 2022', '2022-03-14'],
    ['\u00a014.03.2022\u00a0г.\u00a0', '2022-03-14'],
    ['2022-03-14', '2022-03-14'],
    ['2022-03-14T00:00:00.000Z', '2022-03-14'],
    ['2022.03.14', '2022-03-14'],
    ['14/03/2022', '2022-03-14'],
    ['14-03-2022', '2022-03-14'],
    // Day first, as Bulgarian administrations write it: 3 April, not 4 March.
    ['03/04/2024', '2024-04-03'],
    ['до 30.06.2023 г.', '2023-06-30'],
    ['30 юни 2025 г.', '2025-06-30'],
    ['30 юни 2025', '2025-06-30'],
    ['30-ти юни 2025', '2025-06-30'],
    ['1 Март 2024 г.', '2024-03-01'],
    ['30 June 2025', '2025-06-30'],
    ['30th June 2025', '2025-06-30'],
    ['June 30, 2025', '2025-06-30'],
    ['Jun 30 2025', '2025-06-30'],
    ['не по-късно от 30.06.2025', '2025-06-30'],
    ['not later than 30 June 2025', '2025-06-30'],
  ])('reads the day %s', (text, iso) => {
    expect(start(text)).toEqual(date(iso));
    expect(end(text)).toEqual(date(iso));
  });

  it.each([
    ['03/2024', '2024-03-01', '2024-03-31'],
    ['09.2024', '2024-09-01', '2024-09-30'],
    ['3.2024', '2024-03-01', '2024-03-31'],
    ['03.2024 г.', '2024-03-01', '2024-03-31'],
    ['м.12.2024', '2024-12-01', '2024-12-31'],
    ['м. 12.2024 г.', '2024-12-01', '2024-12-31'],
    ['2024-03', '2024-03-01', '2024-03-31'],
    ['м. март 2023', '2023-03-01', '2023-03-31'],
    ['м.март 2023 г.', '2023-03-01', '2023-03-31'],
    ['месец март 2023', '2023-03-01', '2023-03-31'],
    ['март 2023', '2023-03-01', '2023-03-31'],
    ['Март 2024 г.', '2024-03-01', '2024-03-31'],
    ['м. февруари 2024 г.', '2024-02-01', '2024-02-29'],
    ['февруари 2023', '2023-02-01', '2023-02-28'],
    ['яну. 2024', '2024-01-01', '2024-01-31'],
    ['фев 2024', '2024-02-01', '2024-02-29'],
    ['септ. 2024', '2024-09-01', '2024-09-30'],
    ['окт. 2024', '2024-10-01', '2024-10-31'],
    ['Декември 2024', '2024-12-01', '2024-12-31'],
    ['май 2024', '2024-05-01', '2024-05-31'],
    ['Юли 2024', '2024-07-01', '2024-07-31'],
    ['Jan 2024', '2024-01-01', '2024-01-31'],
    ['January 2024', '2024-01-01', '2024-01-31'],
    ['March 2023', '2023-03-01', '2023-03-31'],
    ['Sept 2023', '2023-09-01', '2023-09-30'],
    ['Q1 2024', '2024-01-01', '2024-03-31'],
    ['Q2 2023', '2023-04-01', '2023-06-30'],
    ['q4/2024', '2024-10-01', '2024-12-31'],
    ['2024 Q1', '2024-01-01', '2024-03-31'],
    ['2024-Q3', '2024-07-01', '2024-09-30'],
    ['Quarter 2 2024', '2024-04-01', '2024-06-30'],
    ['2nd quarter 2024', '2024-04-01', '2024-06-30'],
    ['first quarter of 2024', '2024-01-01', '2024-03-31'],
    ['I тримесечие 2025', '2025-01-01', '2025-03-31'],
    ['II тримесечие 2023', '2023-04-01', '2023-06-30'],
    ['II тримесечие на 2023 г.', '2023-04-01', '2023-06-30'],
    ['2 тримесечие 2023', '2023-04-01', '2023-06-30'],
    ['2-ро тримесечие 2023', '2023-04-01', '2023-06-30'],
    ['IV-то тримесечие на 2024', '2024-10-01', '2024-12-31'],
    ['2-ро полугодие на 2024 г.', '2024-07-01', '2024-12-31'],
    ['III трим. 2023', '2023-07-01', '2023-09-30'],
    ['IV кв. 2022', '2022-10-01', '2022-12-31'],
    ['IV тримесечие 2022', '2022-10-01', '2022-12-31'],
    ['първо тримесечие на 2025', '2025-01-01', '2025-03-31'],
    ['Първото тримесечие на 2025 г.', '2025-01-01', '2025-03-31'],
    ['четвърто тримесечие 2025', '2025-10-01', '2025-12-31'],
    ['I полугодие 2024', '2024-01-01', '2024-06-30'],
    ['I полугодие 2023', '2023-01-01', '2023-06-30'],
    ['II полугодие 2024 г.', '2024-07-01', '2024-12-31'],
    ['първо полугодие 2024', '2024-01-01', '2024-06-30'],
    ['второ шестмесечие на 2024', '2024-07-01', '2024-12-31'],
    ['H1 2024', '2024-01-01', '2024-06-30'],
    ['H2 2023', '2023-07-01', '2023-12-31'],
    ['2024 H2', '2024-07-01', '2024-12-31'],
    ['first half of 2024', '2024-01-01', '2024-06-30'],
    ['2023', '2023-01-01', '2023-12-31'],
    ['2023 г.', '2023-01-01', '2023-12-31'],
    ['2023г.', '2023-01-01', '2023-12-31'],
    ['2023 година', '2023-01-01', '2023-12-31'],
    ['2023 год.', '2023-01-01', '2023-12-31'],
    ['през 2023 г.', '2023-01-01', '2023-12-31'],
    ['в рамките на 2023', '2023-01-01', '2023-12-31'],
    ['до 2023', '2023-01-01', '2023-12-31'],
  ])('reads the period %s as its first day for a start, its last for an end', (text, first, last) => {
    expect(start(text)).toEqual(date(first));
    expect(end(text)).toEqual(date(last));
  });

  it.each([
    ['края на 2023', '2023-12-31'],
    ['в края на 2023 г.', '2023-12-31'],
    ['до края на I тримесечие 2025 г.', '2025-03-31'],
    ['до края на първото тримесечие на 2025 година', '2025-03-31'],
    ['края на март 2024', '2024-03-31'],
    ['by the end of Q2 2024', '2024-06-30'],
    ['end of 2024', '2024-12-31'],
    ['началото на 2024', '2024-01-01'],
    ['в началото на II полугодие 2024', '2024-07-01'],
    ['beginning of March 2024', '2024-03-01'],
  ])('reads "%s" as one day whatever the bound', (text, iso) => {
    expect(start(text)).toEqual(date(iso));
    expect(end(text)).toEqual(date(iso));
  });

  it('reads a range in a start or end column as its first or last day', () => {
    expect(start('2024 - 2025 г.')).toEqual(date('2024-01-01'));
    expect(end('2024 - 2025 г.')).toEqual(date('2025-12-31'));
  });

  it('reads a year typed as a number as that year, not as a serial', () => {
    expect(start(2023)).toEqual(date('2023-01-01'));
    expect(end(2023)).toEqual(date('2023-12-31'));
  });

  it.each([
    'текущо',
    'Текущ',
    'постоянен',
    'Постоянно',
    'перманентно',
    'ежегодно',
    'Ежемесечно',
    'ежеседмично',
    'всяко тримесечие',
    'Всеки месец',
    'всяка година',
    'периодично',
    'при необходимост',
    'при нужда',
    'регулярно',
    'непрекъснато',
    'през целия период',
    'в процеса на изпълнение',
    'ongoing',
    'Continuous',
    'continuously',
    'permanent',
    'annually',
    'Quarterly',
    'monthly',
    'every quarter',
    'as needed',
  ])('reads "%s" as ongoing, keeping the wording', (text) => {
    expect(start(text)).toEqual({ kind: 'ongoing', wording: text });
    expect(end(text)).toEqual({ kind: 'ongoing', wording: text });
    expect(readPeriod(text)).toEqual({ kind: 'ongoing', wording: text });
  });

  it('keeps the Lovech wording, tidied', () => {
    const lovech = 'текущо,\n в процеса на изпълнение  на Плана за подобрение.';
    expect(end(lovech)).toEqual({ kind: 'ongoing', wording: 'текущо, в процеса на изпълнение на Плана за подобрение' });
  });

  it('keeps at most 200 characters of an ongoing wording', () => {
    const read = end(`текущо ${'и още '.repeat(2000)}`);
    expect(read.kind === 'ongoing' && read.wording.length).toBe(200);
  });

  it('reads empty cells as empty', () => {
    expect(start(null)).toEqual({ kind: 'empty' });
    expect(start('')).toEqual({ kind: 'empty' });
    expect(start('   \u00a0\n')).toEqual({ kind: 'empty' });
  });

  it.each([
    ['скоро', 'not a date the importer knows'],
    ['марков 2023', 'not a date the importer knows'],
    ['V тримесечие 2023', 'not a date the importer knows'],
    ['III полугодие 2023', 'not a date the importer knows'],
    ['Q5 2023', 'not a date the importer knows'],
    ['март', 'not a date the importer knows'],
    ['ма 2023', 'not a date the importer knows'],
    ['14.03', 'not a date the importer knows'],
    ['преди 30.06.2025', 'not a date the importer knows'],
    ['30.06.2025 или по-късно', 'not a date the importer knows'],
    ['14.03.22', 'the year has two digits; write it in full (14.03.2022)'],
    ['31.02.2024', 'no such day'],
    ['31.02.2022', 'no such day'],
    ['29.02.2023', 'no such day'],
    ['00.03.2024', 'no such day'],
    ['31 юни 2024', 'no such day'],
    ['13.2024', 'there is no month 13'],
    ['2024-13', 'there is no month 13'],
    ['до 31.12.', 'not a date the importer knows'],
    // Two deadlines are not a range.
    ['30.06.2024 и 31.12.2024', 'not a date the importer knows'],
    ['04/30/2024', 'there is no month 30'],
    ['2024-00-10', 'there is no month 0'],
    ['14.3.1922', 'year 1922 is outside 1990-2100'],
    ['2202-03-14', 'year 2202 is outside 1990-2100'],
    ['1899', 'year 1899 is outside 1990-2100'],
    ['Q1 2150', 'year 2150 is outside 1990-2100'],
    ['2025 - 2024', 'the range starts (2025-01-01) after it ends (2024-12-31)'],
    ['31.02.2024 - 30.06.2024', 'no such day'],
    [`14.03.2022 ${'x'.repeat(200)}`, 'too long to be a date'],
  ])('never guesses "%s"', (text, reason) => {
    expect(start(text)).toEqual(invalid(reason));
    expect(end(text)).toEqual(invalid(reason));
    expect(readPeriod(text)).toEqual(invalid(reason));
  });

  it.each([
    [new Date(Date.UTC(1905, 6, 15)), 'year 1905 is outside 1990-2100'],
    [new Date(Number.NaN), 'the number is beyond any date'],
    [-5, 'year 1899 is outside 1990-2100'],
    [Number.NaN, 'the number is beyond any date'],
    [Number.POSITIVE_INFINITY, 'the number is beyond any date'],
    [1e12, 'the number is beyond any date'],
    [999999, 'year 4637 is outside 1990-2100'],
  ])('refuses the value %s', (value, reason) => {
    expect(start(value)).toEqual(invalid(reason));
  });

  it('gives the reason in Bulgarian too', () => {
    expect(start(new Date(Date.UTC(1905, 6, 15)))).toEqual({
      kind: 'invalid',
      reason: { en: 'year 1905 is outside 1990-2100', bg: 'годината 1905 е извън 1990–2100' },
    });
  });
});

describe('readPeriod', () => {
  it.each([
    ['2024 - 2025 г.', '2024-01-01', '2025-12-31'],
    ['2024 г. - 2025 г.', '2024-01-01', '2025-12-31'],
    ['2023-2024', '2023-01-01', '2024-12-31'],
    ['2023/2024', '2023-01-01', '2024-12-31'],
    ['2023-24', '2023-01-01', '2024-12-31'],
    ['2024 - 26', '2024-01-01', '2026-12-31'],
    ['2023 – 2024 г.', '2023-01-01', '2024-12-31'],
    ['01.2024 - 06.2024', '2024-01-01', '2024-06-30'],
    ['01.2024-06.2024', '2024-01-01', '2024-06-30'],
    ['от 01.03.2023 до 30.06.2023', '2023-03-01', '2023-06-30'],
    ['От 01.03.2023 г. до 30.06.2023 г.', '2023-03-01', '2023-06-30'],
    ['from 1 March 2023 to 30 June 2023', '2023-03-01', '2023-06-30'],
    ['14.03.2022 – 18.03.2022', '2022-03-14', '2022-03-18'],
    ['14.03.2022—18.03.2022', '2022-03-14', '2022-03-18'],
    ['14.03.2022 г. - 18.03.2022 г.', '2022-03-14', '2022-03-18'],
    ['2022-03-14 - 2022-06-30', '2022-03-14', '2022-06-30'],
    ['14-18.03.2022', '2022-03-14', '2022-03-18'],
    ['14.03 - 18.04.2022', '2022-03-14', '2022-04-18'],
    ['март - юни 2024', '2024-03-01', '2024-06-30'],
    ['м. март – м. юни 2024 г.', '2024-03-01', '2024-06-30'],
    ['януари-март 2024', '2024-01-01', '2024-03-31'],
    ['март 2024 - юни 2025', '2024-03-01', '2025-06-30'],
    ['1 март - 30 юни 2024', '2024-03-01', '2024-06-30'],
    ['Jan - Jun 2024', '2024-01-01', '2024-06-30'],
    ['Q1-Q2 2024', '2024-01-01', '2024-06-30'],
    ['Q3 2024 - Q1 2025', '2024-07-01', '2025-03-31'],
    ['I - II тримесечие 2024', '2024-01-01', '2024-06-30'],
    ['I-III тримесечие 2025 г.', '2025-01-01', '2025-09-30'],
    ['H1-H2 2024', '2024-01-01', '2024-12-31'],
    ['I полугодие 2024 - II полугодие 2025', '2024-01-01', '2025-12-31'],
    ['от началото на 2024 до края на 2025', '2024-01-01', '2025-12-31'],
    ['2024 до 2025', '2024-01-01', '2025-12-31'],
  ])('reads the range %s', (text, first, last) => {
    expect(readPeriod(text)).toEqual(range(first, last));
  });

  it.each([
    ['30.06.2025', '2025-06-30'],
    ['2025', '2025-12-31'],
    ['2025 г.', '2025-12-31'],
    ['I полугодие 2024', '2024-06-30'],
    ['март 2024', '2024-03-31'],
    ['Q1 2024', '2024-03-31'],
    ['до 30.06.2025', '2025-06-30'],
    ['до края на I тримесечие 2025 г.', '2025-03-31'],
    ['не по-късно от 31.12.2024 г.', '2024-12-31'],
    ['not later than June 30, 2025', '2025-06-30'],
    ['by Q3 2025', '2025-09-30'],
    ['в срок до 15.09.2024', '2024-09-15'],
    ['края на 2023', '2023-12-31'],
  ])('reads the deadline %s as an end without a start', (text, last) => {
    expect(readPeriod(text)).toEqual(range(null, last));
  });

  it('reads real dates and numbers as deadlines', () => {
    expect(readPeriod(new Date(Date.UTC(2025, 5, 30)))).toEqual(range(null, '2025-06-30'));
    expect(readPeriod(45838)).toEqual(range(null, '2025-06-30'));
    expect(readPeriod(2025)).toEqual(range(null, '2025-12-31'));
  });

  it.each([
    ['от 01.03.2023', '2023-03-01'],
    ['от март 2024', '2024-03-01'],
    ['from Q2 2024', '2024-04-01'],
    ['от началото на 2024', '2024-01-01'],
  ])('reads "%s" as a start without an end', (text, first) => {
    expect(readPeriod(text)).toEqual(range(first, null));
  });

  it('reads a range that ends in an ongoing word as ongoing, keeping the wording', () => {
    expect(readPeriod('2023 - текущо')).toEqual({ kind: 'ongoing', wording: '2023 - текущо' });
    expect(readPeriod('от 03.2023 г. – постоянно')).toEqual({ kind: 'ongoing', wording: 'от 03.2023 г. – постоянно' });
  });

  it('reads empty cells as empty', () => {
    expect(readPeriod(null)).toEqual({ kind: 'empty' });
    expect(readPeriod(' ')).toEqual({ kind: 'empty' });
  });

  it('costs little on a 5 MB cell, whatever its content', () => {
    const cells = [
      '1'.repeat(5_000_000),
      '1.'.repeat(2_500_000),
      '- '.repeat(2_500_000),
      `${'2024 - '.repeat(700_000)}x`,
      `${' '.repeat(5_000_000)}2024`,
      'текущо '.repeat(700_000),
    ];
    const began = performance.now();
    for (const cell of cells) {
      readPeriod(cell);
      readDate(cell, 'start');
    }
    expect(performance.now() - began).toBeLessThan(1500);
  });

  it('costs little on the longest text still read as a date', () => {
    const cells = [`${'1-'.repeat(59)}1`, `${'2024 - '.repeat(17)}x`, `${'a.'.repeat(59)}`, `${'q1 '.repeat(39)}`];
    const began = performance.now();
    for (let i = 0; i < 20; i++) for (const cell of cells) readPeriod(cell);
    expect(performance.now() - began).toBeLessThan(1500);
  });
});

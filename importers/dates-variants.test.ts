/**
 * The date forms the issue lists and the variants real plans write around them, table by table:
 * each text gives its first day as a start and its last day as an end (readDate), and what a
 * single "Срок" column makes of it (readPeriod): a deadline, a range, or a beginning.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readDate, readPeriod } from './dates';
import { activities, utf8 } from './test-support';
import { parsePlanFile } from './index';

/** [text, first day, last day] of a period or a day: a deadline in a "Срок" column (its last day). */
const POINTS: [string, string, string][] = [
  // The forms.
  ['14.3.2022', '2022-03-14', '2022-03-14'],
  ['14.03.2022 г.', '2022-03-14', '2022-03-14'],
  ['2022-03-14', '2022-03-14', '2022-03-14'],
  ['03/2024', '2024-03-01', '2024-03-31'],
  ['09.2024', '2024-09-01', '2024-09-30'],
  ['март 2024', '2024-03-01', '2024-03-31'],
  ['30 юни 2025 г.', '2025-06-30', '2025-06-30'],
  ['Jan 2024', '2024-01-01', '2024-01-31'],
  ['Q1 2024', '2024-01-01', '2024-03-31'],
  ['I тримесечие 2025', '2025-01-01', '2025-03-31'],
  ['I полугодие 2024', '2024-01-01', '2024-06-30'],
  ['2023', '2023-01-01', '2023-12-31'],
  ['2023 г.', '2023-01-01', '2023-12-31'],
  // Spaces, "г."/"год.", no-break spaces, line breaks.
  [' 14.03.2022г. ', '2022-03-14', '2022-03-14'],
  ['14.03.2022 год.', '2022-03-14', '2022-03-14'],
  ['30.06.2025год.', '2025-06-30', '2025-06-30'],
  ['14\u00a0.\u00a003.\u00a02022\u00a0г.', '2022-03-14', '2022-03-14'],
  ['30 юни\n2025 г.', '2025-06-30', '2025-06-30'],
  ['2023 год.', '2023-01-01', '2023-12-31'],
  ['2024г', '2024-01-01', '2024-12-31'],
  ['30/06/2025', '2025-06-30', '2025-06-30'],
  ['2025/06/30', '2025-06-30', '2025-06-30'],
  ['30.VI.2025', '2025-06-30', '2025-06-30'],
  ['30.XII.2024 г.', '2024-12-30', '2024-12-30'],
  // Months: any case, abbreviations, "м.", English.
  ['м. март 2024 г.', '2024-03-01', '2024-03-31'],
  ['МАРТ 2024', '2024-03-01', '2024-03-31'],
  ['Юни 2024 г.', '2024-06-01', '2024-06-30'],
  ['яну. 2024', '2024-01-01', '2024-01-31'],
  ['фев. 2024', '2024-02-01', '2024-02-29'],
  ['септ. 2024', '2024-09-01', '2024-09-30'],
  ['ноем 2024', '2024-11-01', '2024-11-30'],
  ['дек. 2024 г.', '2024-12-01', '2024-12-31'],
  ['Sept 2024', '2024-09-01', '2024-09-30'],
  ['SEPT. 2024', '2024-09-01', '2024-09-30'],
  ['Mar. 2024', '2024-03-01', '2024-03-31'],
  ['June 2025', '2025-06-01', '2025-06-30'],
  ['м.06.2024', '2024-06-01', '2024-06-30'],
  ['06.2024г.', '2024-06-01', '2024-06-30'],
  ['през м. март 2024 г.', '2024-03-01', '2024-03-31'],
  // Quarters and halves, Roman numerals typed in Latin or Cyrillic letters.
  ['II тримесечие на 2025 г.', '2025-04-01', '2025-06-30'],
  ['ІІ тримесечие 2025', '2025-04-01', '2025-06-30'],
  ['ІV тримесечие 2024', '2024-10-01', '2024-12-31'],
  ['I-во тримесечие 2025', '2025-01-01', '2025-03-31'],
  ['I трим. 2025 г.', '2025-01-01', '2025-03-31'],
  ['второ тримесечие 2024', '2024-04-01', '2024-06-30'],
  ['Q1/2024', '2024-01-01', '2024-03-31'],
  ['Q1-2024', '2024-01-01', '2024-03-31'],
  ['1Q 2024', '2024-01-01', '2024-03-31'],
  ['второ полугодие 2024', '2024-07-01', '2024-12-31'],
  ['Второ полугодие на 2024 г.', '2024-07-01', '2024-12-31'],
  ['І полугодие 2024', '2024-01-01', '2024-06-30'],
  ['II-ро полугодие 2024', '2024-07-01', '2024-12-31'],
  ['1-во полугодие 2024 г.', '2024-01-01', '2024-06-30'],
  ['първото полугодие на 2024 г.', '2024-01-01', '2024-06-30'],
  ['H1 2024', '2024-01-01', '2024-06-30'],
  ['h2 2024', '2024-07-01', '2024-12-31'],
  ['през второто полугодие на 2024 г.', '2024-07-01', '2024-12-31'],
];

/** [text, day]: "до ...", "края на ..." name one day, the deadline. */
const DEADLINES: [string, string][] = [
  ['до 30.06.2025', '2025-06-30'],
  ['До 30.06.2025г.', '2025-06-30'],
  ['в срок до 31.03.2024 г.', '2024-03-31'],
  ['до края на 2024 г.', '2024-12-31'],
  ['до края на I тримесечие 2025 г.', '2025-03-31'],
  ['до края на I-во тримесечие на 2025 г.', '2025-03-31'],
  ['до края на второто полугодие на 2024 г.', '2024-12-31'],
  ['до края на м. юни 2025', '2025-06-30'],
  ['до 31 декември 2024 г.', '2024-12-31'],
  ['в края на м. декември 2024 г.', '2024-12-31'],
];

/** [text, start, end] of a range written in one column. */
const RANGES: [string, string, string][] = [
  ['2024 - 2025 г.', '2024-01-01', '2025-12-31'],
  ['2024 – 2025 г.', '2024-01-01', '2025-12-31'],
  ['2024 — 2025', '2024-01-01', '2025-12-31'],
  ['2024г. - 2025г.', '2024-01-01', '2025-12-31'],
  ['2023 г. – 2025 г.', '2023-01-01', '2025-12-31'],
  ['01.2024 - 06.2024', '2024-01-01', '2024-06-30'],
  ['01.2024 – 06.2024 г.', '2024-01-01', '2024-06-30'],
  ['от 01.03.2023 до 30.06.2023', '2023-03-01', '2023-06-30'],
  ['от 01.03.2023 г. до 30.06.2023 г.', '2023-03-01', '2023-06-30'],
  ['от 01.03.2023г до 30.06.2023г', '2023-03-01', '2023-06-30'],
  ['01.03.2023 - 30.06.2023', '2023-03-01', '2023-06-30'],
  ['01.03.2023—30.06.2023', '2023-03-01', '2023-06-30'],
  ['от 2023 г. до 2025 г.', '2023-01-01', '2025-12-31'],
  ['от март до юни 2024 г.', '2024-03-01', '2024-06-30'],
  ['от м. март до м. юни 2024', '2024-03-01', '2024-06-30'],
  ['юни - декември 2024', '2024-06-01', '2024-12-31'],
  ['юни – декември 2024 г.', '2024-06-01', '2024-12-31'],
  ['юни-декември 2024', '2024-06-01', '2024-12-31'],
  ['юни 2024 - декември 2024', '2024-06-01', '2024-12-31'],
  ['Jan-Mar 2024', '2024-01-01', '2024-03-31'],
  ['January - March 2024', '2024-01-01', '2024-03-31'],
  ['Q1 - Q2 2024', '2024-01-01', '2024-06-30'],
];

const ONGOING_WORDS = [
  'текущо', 'Текущо.', 'ТЕКУЩО', 'постоянен', 'Постоянно', 'ежегодно', 'всяко тримесечие', 'ongoing', 'On-going', 'continuous', 'Continuous.',
  'постоянно', 'регулярно', 'при необходимост', 'По време на целия период', 'ежемесечно', 'всеки месец',
];

describe('dates: the forms of the issue and their variants', () => {
  it.each(POINTS)('"%s" starts on %s and ends on %s; in a "Срок" column it is a deadline', (text, first, last) => {
    expect(readDate(text, 'start')).toEqual({ kind: 'date', iso: first });
    expect(readDate(text, 'end')).toEqual({ kind: 'date', iso: last });
    expect(readPeriod(text)).toEqual({ kind: 'range', start: null, end: last });
  });

  it.each(DEADLINES)('"%s" is the day %s', (text, day) => {
    expect(readDate(text, 'start')).toEqual({ kind: 'date', iso: day });
    expect(readDate(text, 'end')).toEqual({ kind: 'date', iso: day });
    expect(readPeriod(text)).toEqual({ kind: 'range', start: null, end: day });
  });

  it.each(RANGES)('"%s" runs from %s to %s', (text, first, last) => {
    expect(readPeriod(text)).toEqual({ kind: 'range', start: first, end: last });
    expect(readDate(text, 'start')).toEqual({ kind: 'date', iso: first });
    expect(readDate(text, 'end')).toEqual({ kind: 'date', iso: last });
  });

  it.each(ONGOING_WORDS)('"%s" is ongoing, its wording kept', (text) => {
    const wording = text.replace(/\.$/, '');
    expect(readDate(text, 'end')).toEqual({ kind: 'ongoing', wording });
    expect(readPeriod(text)).toEqual({ kind: 'ongoing', wording });
  });

  it('reads Excel date cells and serial numbers (1 = 1900-01-01, after Excel\'s 1900 leap-year bug)', () => {
    expect(readDate(new Date(Date.UTC(2025, 5, 30)), 'end')).toEqual({ kind: 'date', iso: '2025-06-30' });
    expect(readDate(45838, 'end')).toEqual({ kind: 'date', iso: '2025-06-30' });
    expect(readDate(61, 'end')).toEqual({ kind: 'invalid', reason: expect.objectContaining({ en: 'year 1900 is outside 1990-2100' }) });
    expect(readDate(32874, 'start')).toEqual({ kind: 'date', iso: '1990-01-01' });
  });
});

describe('dates in files', () => {
  it('reads text dates in a .csv, a range in a start column giving the end, and warns about an unreadable one with sheet, row and column', async () => {
    const csv = [
      'Мярка;Дейност;Начало;Край;Отговорник',
      'Област 1: Лидерство;;;;',
      '1.1. Мярка;1.1.1. Първа;м. март 2024 г.;II тримесечие на 2025 г.;ГС',
      ';1.1.2. Втора;от 01.03.2023 до 30.06.2023;;ГС',
      ';1.1.3. Трета;юни - декември 2024;;ГС',
      ';1.1.4. Четвърта;;текущо;ГС',
      ';1.1.5. Пета;скоро;до края на 2024 г.;ГС',
    ].join('\n');
    const plan = await parsePlanFile(utf8(csv), 'plan.csv', 'en');
    expect(activities(plan).map((a) => [a.code, a.start, a.end, a.ongoing, a.ongoingText])).toEqual([
      ['1.1.1', '2024-03-01', '2025-06-30', false, null],
      ['1.1.2', '2023-03-01', '2023-06-30', false, null],
      ['1.1.3', '2024-06-01', '2024-12-31', false, null],
      ['1.1.4', null, null, true, 'текущо'],
      ['1.1.5', null, '2024-12-31', false, null],
    ]);
    expect(plan.warnings).toEqual([
      { sheet: 'plan.csv', row: 7, column: 'Начало', message: 'cannot read the date "скоро" (not a date the importer knows); left empty' },
    ]);
  });

  it('reads real Excel date cells and date serial numbers in an .xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('План');
    sheet.addRow(['Мярка', 'Дейност', 'Начало', 'Край']);
    sheet.addRow(['1.1. М', '1.1.1. Д', new Date(Date.UTC(2024, 2, 1)), 45838]);
    sheet.addRow([null, '1.1.2. Д', 45352, 'Q3 2024']);
    const plan = await parsePlanFile(new Uint8Array(await workbook.xlsx.writeBuffer()), 'plan.xlsx', 'en');
    expect(activities(plan).map((a) => [a.code, a.start, a.end])).toEqual([
      ['1.1.1', '2024-03-01', '2025-06-30'],
      ['1.1.2', '2024-03-01', '2024-09-30'],
    ]);
    expect(plan.warnings.filter((w) => w.message.includes('date'))).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateOfTimestampInSofia,
  dayExists,
  daysBetween,
  endOfDayInSofia,
  endOfPreviousQuarter,
  formatDate,
  formatDateTime,
  isIsoDate,
  isoDateParts,
  isoWeek,
  mondayOf,
  monthSpan,
  quarterOf,
  startOfDayInSofia,
  toIsoDate,
  todayInSofia,
  utcDateOf,
} from './dates';

const HOUR = 3_600_000;

describe('ISO dates', () => {
  it('builds only real calendar days', () => {
    expect(toIsoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(toIsoDate(2023, 2, 29)).toBeNull();
    expect(toIsoDate(2024, 13, 1)).toBeNull();
    expect(toIsoDate(2024, 4, 31)).toBeNull();
    expect(toIsoDate(2024, 3, 5)).toBe('2024-03-05');
    expect(toIsoDate(99, 1, 1)).toBeNull();
    expect(toIsoDate(2000, 2, 29)).toBe('2000-02-29'); // divisible by 400
    expect(toIsoDate(1900, 2, 29)).toBeNull(); // by 100, not by 400
    expect(toIsoDate(2024, 0, 10)).toBeNull();
    expect(toIsoDate(2024, 6, 0)).toBeNull();
    expect(toIsoDate(2024, 6, 30)).toBe('2024-06-30');
    expect(toIsoDate(2024, 12, 31)).toBe('2024-12-31');
    expect(toIsoDate(2024, 1.5, 1)).toBeNull();
  });

  it('recognises ISO dates and nothing else', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-9')).toBe(false);
    expect(isIsoDate('14.03.2022')).toBe(false);
    expect(isIsoDate('2024-03-14T10:00')).toBe(false);
    expect(isoDateParts('2024-03-14')).toEqual({ year: 2024, month: 3, day: 14 });
    expect(() => isoDateParts('14.03.2022')).toThrow(RangeError);
  });

  it('adds days across February in leap and common years and across years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2024-03-30', 2)).toBe('2024-04-01');
  });

  it('counts calendar days, b − a, whole even across summer time changes', () => {
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2023-02-01', '2023-03-01')).toBe(28);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
    expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2);
    expect(daysBetween('2024-06-30', '2024-06-30')).toBe(0);
  });
});

describe('days in Sofia', () => {
  it('ends a summer day at 21:00 UTC and a winter day at 22:00 UTC', () => {
    expect(endOfDayInSofia('2024-06-30')).toBe(Date.parse('2024-06-30T20:59:59.999Z'));
    expect(endOfDayInSofia('2024-01-15')).toBe(Date.parse('2024-01-15T21:59:59.999Z'));
  });

  it('gives the day clocks spring forward 23 hours', () => {
    expect(startOfDayInSofia('2024-03-31')).toBe(Date.parse('2024-03-30T22:00:00.000Z'));
    expect(endOfDayInSofia('2024-03-31')).toBe(Date.parse('2024-03-31T20:59:59.999Z'));
    expect(endOfDayInSofia('2024-03-31') + 1 - startOfDayInSofia('2024-03-31')).toBe(23 * HOUR);
  });

  it('gives the day clocks fall back 25 hours', () => {
    expect(startOfDayInSofia('2024-10-27')).toBe(Date.parse('2024-10-26T21:00:00.000Z'));
    expect(endOfDayInSofia('2024-10-27')).toBe(Date.parse('2024-10-27T21:59:59.999Z'));
    expect(endOfDayInSofia('2024-10-27') + 1 - startOfDayInSofia('2024-10-27')).toBe(25 * HOUR);
  });

  it('ends the leap day and the year in Sofia time', () => {
    expect(endOfDayInSofia('2024-02-29')).toBe(Date.parse('2024-02-29T21:59:59.999Z'));
    expect(endOfDayInSofia('2024-12-31')).toBe(Date.parse('2024-12-31T21:59:59.999Z'));
  });

  it('places moments on the Sofia calendar day, not the UTC one', () => {
    expect(dateOfTimestampInSofia(Date.parse('2024-06-30T23:30:00+03:00'))).toBe('2024-06-30');
    expect(dateOfTimestampInSofia(Date.parse('2024-07-01T00:30:00+03:00'))).toBe('2024-07-01');
    expect(dateOfTimestampInSofia(Date.parse('2024-01-15T21:30:00Z'))).toBe('2024-01-15');
    expect(dateOfTimestampInSofia(Date.parse('2024-01-15T22:30:00Z'))).toBe('2024-01-16');
    expect(todayInSofia(new Date('2024-12-31T22:30:00Z'))).toBe('2025-01-01');
    expect(todayInSofia(new Date('2024-12-31T21:59:59Z'))).toBe('2024-12-31');
  });

  it('agrees with endOfDayInSofia at the boundary', () => {
    for (const day of ['2024-03-30', '2024-03-31', '2024-06-30', '2024-10-27', '2024-02-29']) {
      expect(dateOfTimestampInSofia(endOfDayInSofia(day))).toBe(day);
      expect(dateOfTimestampInSofia(endOfDayInSofia(day) + 1)).toBe(addDays(day, 1));
      expect(dateOfTimestampInSofia(startOfDayInSofia(day))).toBe(day);
      expect(dateOfTimestampInSofia(startOfDayInSofia(day) - 1)).toBe(addDays(day, -1));
    }
  });
});

describe('formatting', () => {
  it('writes dates as 14.03.2022 in both languages and a dash for none', () => {
    expect(formatDate('2022-03-14', 'bg')).toBe('14.03.2022');
    expect(formatDate('2022-03-14', 'en')).toBe('14.03.2022');
    expect(formatDate('2024-02-29', 'bg')).toBe('29.02.2024');
    expect(formatDate(null, 'bg')).toBe('—');
    expect(formatDate(null, 'en')).toBe('—');
  });

  it('writes moments on the Sofia clock, 24-hour', () => {
    expect(formatDateTime(Date.parse('2022-03-14T11:05:00Z'), 'bg')).toBe('14.03.2022 13:05');
    expect(formatDateTime(Date.parse('2022-07-01T10:05:00Z'), 'en')).toBe('01.07.2022 13:05');
    expect(formatDateTime(Date.parse('2024-06-30T21:00:00Z'), 'bg')).toBe('01.07.2024 00:00');
    expect(formatDateTime(Date.parse('2024-06-30T20:59:00Z'), 'bg')).toBe('30.06.2024 23:59');
  });
});

describe('the Sofia time zone at the edges (date-fns with @date-fns/tz)', () => {
  it('puts 23:30 UTC on the next day in Sofia, winter and summer', () => {
    expect(dateOfTimestampInSofia(Date.parse('2024-01-15T23:30:00Z'))).toBe('2024-01-16');
    expect(dateOfTimestampInSofia(Date.parse('2024-07-15T23:30:00Z'))).toBe('2024-07-16');
    expect(todayInSofia(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(formatDateTime(Date.parse('2024-01-15T23:30:00Z'), 'bg')).toBe('16.01.2024 01:30');
    expect(formatDateTime(Date.parse('2024-07-15T23:30:00Z'), 'en')).toBe('16.07.2024 02:30');
  });

  it('reads the clock across the spring-forward hour (31.03.2024, 03:00 → 04:00)', () => {
    expect(formatDateTime(Date.parse('2024-03-31T00:59:00Z'), 'bg')).toBe('31.03.2024 02:59');
    expect(formatDateTime(Date.parse('2024-03-31T01:00:00Z'), 'bg')).toBe('31.03.2024 04:00');
    expect(dateOfTimestampInSofia(Date.parse('2024-03-30T21:59:59Z'))).toBe('2024-03-30');
    expect(dateOfTimestampInSofia(Date.parse('2024-03-30T22:00:00Z'))).toBe('2024-03-31');
    expect(dateOfTimestampInSofia(Date.parse('2024-03-31T20:59:59Z'))).toBe('2024-03-31');
    expect(dateOfTimestampInSofia(Date.parse('2024-03-31T21:00:00Z'))).toBe('2024-04-01');
  });

  it('reads the clock across the fall-back hour (27.10.2024, 04:00 → 03:00), the repeated hour once each', () => {
    expect(formatDateTime(Date.parse('2024-10-27T00:30:00Z'), 'bg')).toBe('27.10.2024 03:30');
    expect(formatDateTime(Date.parse('2024-10-27T01:30:00Z'), 'bg')).toBe('27.10.2024 03:30');
    expect(formatDateTime(Date.parse('2024-10-27T02:30:00Z'), 'bg')).toBe('27.10.2024 04:30');
    expect(dateOfTimestampInSofia(Date.parse('2024-10-26T20:59:59Z'))).toBe('2024-10-26');
    expect(dateOfTimestampInSofia(Date.parse('2024-10-26T21:00:00Z'))).toBe('2024-10-27');
    expect(dateOfTimestampInSofia(Date.parse('2024-10-27T21:59:59Z'))).toBe('2024-10-27');
    expect(dateOfTimestampInSofia(Date.parse('2024-10-27T22:00:00Z'))).toBe('2024-10-28');
  });

  it('counts the days of the change weeks whole and adds days across them', () => {
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
    expect(addDays('2024-03-30', 1)).toBe('2024-03-31');
    expect(addDays('2024-10-26', 2)).toBe('2024-10-28');
    expect(startOfDayInSofia('2024-04-01') - startOfDayInSofia('2024-03-31')).toBe(23 * HOUR);
    expect(startOfDayInSofia('2024-10-28') - startOfDayInSofia('2024-10-27')).toBe(25 * HOUR);
  });

  it('gives the same days whatever the time zone of the process', () => {
    const script = [
      "import * as d from './app/domain/dates.ts';",
      'console.log(JSON.stringify([',
      "  d.addDays('2018-11-03', 1), d.daysBetween('2018-11-03', '2018-11-05'), d.formatDate('2018-11-04', 'bg'),",
      "  d.dateOfTimestampInSofia(Date.parse('2024-01-15T23:30:00Z')), d.startOfDayInSofia('2024-03-31'), d.monthSpan(2018, 11, 1),",
      ']));',
    ].join('\n');
    const expected = JSON.stringify(['2018-11-04', 2, '04.11.2018', '2024-01-16', Date.parse('2024-03-30T22:00:00Z'), { start: '2018-11-01', end: '2018-11-30' }]);
    // São Paulo skipped the midnight of 04.11.2018 (clocks went from 00:00 to 01:00); Kiritimati is UTC+14.
    for (const TZ of ['America/Sao_Paulo', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, TZ }, encoding: 'utf8' });
      expect({ TZ, out: run.stdout.trim(), err: run.stderr }).toEqual({ TZ, out: expected, err: '' });
    }
  });
});

describe('calendar arithmetic', () => {
  it('knows the days of each month, in leap years and for years before 100', () => {
    expect(dayExists(2024, 2, 29)).toBe(true);
    expect(dayExists(2023, 2, 29)).toBe(false);
    expect(dayExists(1900, 2, 29)).toBe(false);
    expect(dayExists(24, 2, 29)).toBe(true);
    expect(dayExists(2024, 4, 31)).toBe(false);
    expect(dayExists(2024, 13, 1)).toBe(false);
    expect(dayExists(2024, 1, 0)).toBe(false);
  });

  it('spans months, finds quarters and the end of the previous quarter', () => {
    expect(monthSpan(2024, 1, 3)).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(monthSpan(2024, 2, 1)).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(monthSpan(2023, 7, 6)).toEqual({ start: '2023-07-01', end: '2023-12-31' });
    expect([quarterOf('2024-03-31'), quarterOf('2024-04-01'), quarterOf('2024-12-31')]).toEqual([1, 2, 4]);
    expect(endOfPreviousQuarter('2024-05-10')).toBe('2024-03-31');
    expect(endOfPreviousQuarter('2024-01-01')).toBe('2023-12-31');
    expect(endOfPreviousQuarter('2024-03-31')).toBe('2023-12-31');
  });

  it('gives the ISO week and its Monday', () => {
    expect(mondayOf('2024-03-31')).toBe('2024-03-25');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
  });

  it('keeps no wrong answer: a date that is no date throws every time, and the text of each date is its own', () => {
    expect(() => formatDate('2024-02-30', 'bg')).toThrow(RangeError);
    expect(() => formatDate('2024-02-30', 'bg')).toThrow(RangeError);
    expect(() => daysBetween('2024-02-30', '2024-03-01')).toThrow(RangeError);
    for (let day = 1; day <= 31; day++) expect(formatDate(`2024-01-${String(day).padStart(2, '0')}`, 'en')).toBe(`${String(day).padStart(2, '0')}.01.2024`);
    expect(utcDateOf('2024-03-31').toISOString()).toBe('2024-03-31T00:00:00.000Z');
  });
});

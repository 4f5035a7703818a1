import { describe, expect, it } from 'vitest';
import { completionOf, isStatus, parseStatusWord, STATUS_LABELS, STATUSES } from './status';

const done = { status: 'done', percent: 100, newEnd: null };
const inProgress = { status: 'in_progress', percent: null, newEnd: null };
const planned = { status: 'planned', percent: null, newEnd: null };
const postponed = { status: 'postponed', percent: null, newEnd: null };
const cancelled = { status: 'cancelled', percent: null, newEnd: null };

describe('statuses', () => {
  it('lists the five statuses with Bulgarian and English labels', () => {
    expect(STATUSES).toEqual(['planned', 'in_progress', 'done', 'postponed', 'cancelled']);
    expect(STATUSES.map((status) => STATUS_LABELS[status].bg)).toEqual([
      'Планирана',
      'В изпълнение',
      'Изпълнена',
      'Отложена',
      'Отменена',
    ]);
    expect(STATUS_LABELS.in_progress.en).toBe('In progress');
    expect(isStatus('done')).toBe(true);
    expect(isStatus('overdue')).toBe(false);
  });
});

describe('parseStatusWord: Bulgarian report words', () => {
  it.each(['изпълнена', 'Изпълнено', 'ИЗПЪЛНЕН', 'Изпълнена в срок.', 'Дейността е изпълнена', 'изпълнени'])(
    '%s → done at 100%%',
    (text) => expect(parseStatusWord(text)).toEqual(done),
  );

  it.each(['в процес на изпълнение', 'В процес на изпълнение.', 'в процеса на изпълнение на плана', 'Частично изпълнена', 'текущо'])(
    '%s → in progress',
    (text) => expect(parseStatusWord(text)).toEqual(inProgress),
  );

  it.each(['в процес на планиране', 'Не е започнала', 'не е започнато', 'Предстои', 'предстои провеждане на обучение'])(
    '%s → planned',
    (text) => expect(parseStatusWord(text)).toEqual(planned),
  );

  it('reads "not done" as planned, or in progress when a percentage above 0 is given', () => {
    expect(parseStatusWord('неизпълнена')).toEqual(planned);
    expect(parseStatusWord('Неизпълнена в срок')).toEqual(planned);
    expect(parseStatusWord('не е изпълнена')).toEqual(planned);
    expect(parseStatusWord('неизпълнена в срок, 40%')).toEqual({ status: 'in_progress', percent: 40, newEnd: null });
    expect(parseStatusWord('неизпълнена, 0 %')).toEqual({ status: 'planned', percent: 0, newEnd: null });
  });

  it('reads postponements with and without a new end date', () => {
    expect(parseStatusWord('отложена')).toEqual(postponed);
    expect(parseStatusWord('Прехвърлена за 2023 г. със срок 30.06.2023')).toEqual({
      ...postponed,
      newEnd: '2023-06-30',
    });
    expect(parseStatusWord('Неизпълнена, прехвърлена за 2023 г. със срок 30.6.2023 г.')).toEqual({
      ...postponed,
      newEnd: '2023-06-30',
    });
    expect(parseStatusWord('прехвърлена за 2023 г.')).toEqual(postponed);
    expect(parseStatusWord('отложена до 2024-03-31')).toEqual({ ...postponed, newEnd: '2024-03-31' });
    expect(parseStatusWord('отложена до 31.02.2024')).toEqual(postponed);
  });

  it.each(['отпаднала необходимост', 'Отпаднала необходимост от изпълнение', 'отменена', 'Отменено'])(
    '%s → cancelled',
    (text) => expect(parseStatusWord(text)).toEqual(cancelled),
  );
});

describe('parseStatusWord: English words', () => {
  it.each([
    ['done', done],
    ['Completed', done],
    ['completed on time', done],
    ['In progress', inProgress],
    ['in-progress', inProgress],
    ['planned', planned],
    ['Not started', planned],
    ['postponed', postponed],
    ['cancelled', cancelled],
    ['Canceled', cancelled],
    ['not completed', planned],
  ])('%s', (text, expected) => expect(parseStatusWord(text)).toEqual(expected));
});

describe('parseStatusWord: percentages', () => {
  it('reads a bare percentage with or without a space', () => {
    expect(parseStatusWord('60%')).toEqual({ status: 'in_progress', percent: 60, newEnd: null });
    expect(parseStatusWord('60 %')).toEqual({ status: 'in_progress', percent: 60, newEnd: null });
    expect(parseStatusWord('100%')).toEqual({ status: 'done', percent: 100, newEnd: null });
    expect(parseStatusWord('0%')).toEqual({ status: 'planned', percent: 0, newEnd: null });
    expect(parseStatusWord('33,4 %')).toEqual({ status: 'in_progress', percent: 33, newEnd: null });
  });

  it('lets the number win over a done, in-progress or planned word', () => {
    expect(parseStatusWord('изпълнена на 80%')).toEqual({ status: 'in_progress', percent: 80, newEnd: null });
    expect(parseStatusWord('в процес на изпълнение – 60 %')).toEqual({ status: 'in_progress', percent: 60, newEnd: null });
    expect(parseStatusWord('в процес на изпълнение, 100%')).toEqual({ status: 'done', percent: 100, newEnd: null });
  });

  it('keeps the percentage of a postponed or cancelled activity', () => {
    expect(parseStatusWord('отложена, 30%')).toEqual({ status: 'postponed', percent: 30, newEnd: null });
    expect(parseStatusWord('отменена при 10%')).toEqual({ status: 'cancelled', percent: 10, newEnd: null });
  });

  it('ignores numbers that are not percentages', () => {
    expect(parseStatusWord('150%')).toBeNull();
    expect(parseStatusWord('1000%')).toBeNull();
    expect(parseStatusWord('30.06.2023')).toBeNull();
  });
});

describe('parseStatusWord: unknown text', () => {
  it.each(['', '   ', 'да', 'виж приложение 3', 'изпълнение', 'n/a'])('%j → null', (text) => {
    expect(parseStatusWord(text)).toBeNull();
  });
});

describe('completionOf: done means 100% and a completion day', () => {
  it('records done as 100%, on the day given or else on the day the update reports on', () => {
    expect(completionOf({ status: 'done', percent: null, completedOn: null }, '2024-06-30')).toEqual({ percent: 100, completedOn: '2024-06-30' });
    expect(completionOf({ status: 'done', percent: 40, completedOn: '2024-06-20' }, '2024-06-30')).toEqual({ percent: 100, completedOn: '2024-06-20' });
  });

  it.each(['planned', 'in_progress', 'postponed', 'cancelled'] as const)('keeps the percent of %s and gives it no completion day', (status) => {
    expect(completionOf({ status, percent: 40, completedOn: '2024-06-20' }, '2024-06-30')).toEqual({ percent: 40, completedOn: null });
    expect(completionOf({ status, percent: null, completedOn: null }, '2024-06-30')).toEqual({ percent: null, completedOn: null });
  });
});

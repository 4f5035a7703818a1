/** Issue 14, real files: columns of one meaning joined, an explicit indicator winning, the period from a title's one year, a "№" cell "Мярка 1.1" merged down. */
import { describe, expect, it } from 'vitest';
import { activities, measures, utf8, workbookBytes } from './test-support';
import { parsePlanFile } from './index';

const csv = (rows: string[][]) => utf8(rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(';')).join('\r\n'));

describe('columns of a plan read together', () => {
  it('gives the indicator to an explicit "Индикатор" after "Очакван резултат" and "Целева стойност"; the expected result is joined to the target', async () => {
    const plan = await parsePlanFile(
      csv([
        ['Мярка', 'Дейност', 'Очакван резултат', 'Целева стойност', 'Индикатор', 'Срок'],
        ['1.1. Обучение', '1.1.1. Курс по CAF', 'Обучени служители', '20 души', 'Брой обучени', '30.06.2025'],
      ]),
      'plan.csv',
      'en',
    );
    expect(activities(plan)[0]).toMatchObject({ indicator: 'Брой обучени', target: '20 души Обучени служители' });
    expect(plan.warnings.filter((w) => /not read|unread/i.test(w.message))).toEqual([]);
  });

  it('joins a second note column ("Бележки" and "Коментар") instead of leaving it unread', async () => {
    const plan = await parsePlanFile(
      csv([
        ['Мярка', 'Дейност', 'Срок', 'Бележки', 'Коментар'],
        ['1.1. Обучение', '1.1.1. Курс по CAF', '30.06.2025', 'по програма', 'с външен лектор'],
      ]),
      'plan.csv',
      'en',
    );
    expect(activities(plan)[0].note).toContain('по програма');
    expect(activities(plan)[0].note).toContain('с външен лектор');
    expect(plan.warnings.filter((w) => /not read|unread/i.test(w.message))).toEqual([]);
  });
});

describe('the period of a plan', () => {
  const rows = (title: string) => csv([[title], ['Мярка', 'Дейност', 'Срок'], ['1.1. Обучение', '1.1.1. Курс', '30.06.2025']]);

  it('is the one year of the title when no range is written', async () => {
    expect((await parsePlanFile(rows('ПЛАН ЗА ПОДОБРЕНИЕ НА ОБЩИНА ПРИМЕР ЗА 2025 г.'), 'plan.csv', 'en')).period).toBe('2025');
  });

  it('is not a date of the title, nor one of two years', async () => {
    expect((await parsePlanFile(rows('ПЛАН ЗА ПОДОБРЕНИЕ, утвърден на 12.03.2025'), 'plan.csv', 'en')).period).toBeNull();
    expect((await parsePlanFile(rows('ПЛАН ЗА ПОДОБРЕНИЕ 2025 г. (изменен 2026 г.)'), 'plan.csv', 'en')).period).toBeNull();
  });
});

describe('a "№" column naming the measure', () => {
  it('reads "Мярка 1.1" merged down over its activities as the measure\'s code; the activities numbered in order', async () => {
    const rows = [
      ['№', 'Мярка', 'Дейност', 'Срок'],
      ['Мярка 1.1', 'Обучение', 'Курс А', '2025'],
      [null, null, 'Курс Б', '2025'],
      ['Мярка 1.2', 'Подбор', 'Нова процедура', '2025'],
    ];
    const plan = await parsePlanFile(await workbookBytes([{ name: 'План', rows, merges: ['A2:A3', 'B2:B3'] }]), 'plan.xlsx', 'en');
    expect(measures(plan).map((m) => [m.code, m.title, m.activities.map((a) => [a.code, a.title])])).toEqual([
      ['1.1', 'Обучение', [['1.1.1', 'Курс А'], ['1.1.2', 'Курс Б']]],
      ['1.2', 'Подбор', [['1.2.1', 'Нова процедура']]],
    ]);
    expect(plan.warnings.map((w) => w.message)).toContain('the activities have no numbers; numbered in order (1.1.1 to 1.2.1)');
    expect(plan.warnings.filter((w) => w.message.startsWith('not imported'))).toEqual([]);
  });
});

describe('several activities in one cell', () => {
  it('splits a cell whose every line is numbered or marked into activities, with a warning; ordinary lines stay whole', async () => {
    const plan = await parsePlanFile(
      csv([
        ['Мярка', 'Дейност', 'Срок', 'Отговорник'],
        ['1.1. Обучение', '1. Курс по CAF\n2. Курс по управление на риска', '30.06.2025', 'Директор'],
        ['1.2. Подбор', '- Нова процедура\n- Анкета на кандидатите', '2025', 'Секретар'],
        ['1.3. Сайт', 'Обновяване на сайта\nс нови раздели', '2025', 'ИТ'],
      ]),
      'plan.csv',
      'en',
    );
    expect(measures(plan).map((m) => m.activities.map((a) => [a.code, a.title, a.owners]))).toEqual([
      [['1.1.1', 'Курс по CAF', ['Директор']], ['1.1.2', 'Курс по управление на риска', ['Директор']]],
      [['1.2.1', 'Нова процедура', ['Секретар']], ['1.2.2', 'Анкета на кандидатите', ['Секретар']]],
      [['1.3.1', 'Обновяване на сайта с нови раздели', ['ИТ']]],
    ]);
    expect(plan.warnings.filter((w) => w.message.startsWith('the cell lists')).map((w) => [w.row, w.column, w.message])).toEqual([
      [2, 'Дейност', 'the cell lists 2 activities, one per line; read as 2 activities'],
      [3, 'Дейност', 'the cell lists 2 activities, one per line; read as 2 activities'],
    ]);
  });
});

describe('several activities in one cell beside a № cell', () => {
  it('numbers them by their lines, the № cell read with them (not reported unread)', async () => {
    const plan = await parsePlanFile(
      csv([
        ['№', 'Мярка', 'Дейност', 'Срок'],
        ['1.1.1', '1.1. Обучение', '1. Курс А\n2. Курс Б', '2025'],
      ]),
      'plan.csv',
      'en',
    );
    expect(measures(plan).map((m) => m.activities.map((a) => a.code))).toEqual([['1.1.1', '1.1.2']]);
    expect(plan.warnings.filter((w) => w.message.startsWith('not imported'))).toEqual([]);
  });
});

describe('a one-column plan with measures in capitals', () => {
  it('reads "1. ОБУЧЕНИЕ НА СЛУЖИТЕЛИТЕ" over "1.1." activities of an activity column as measures: two levels of numbers and no area', async () => {
    const plan = await parsePlanFile(
      csv([
        ['Мерки и дейности', 'Срок', 'Отговорник'],
        ['1. ОБУЧЕНИЕ НА СЛУЖИТЕЛИТЕ', '', ''],
        ['1.1. Курс по CAF', '2025', 'Директор'],
        ['1.2. Курс по управление на риска', '2025', 'Директор'],
        ['2. ПОДОБРЯВАНЕ НА САЙТА', '', ''],
        ['2.1. Нов раздел', '2025', 'ИТ'],
      ]),
      'plan.csv',
      'en',
    );
    expect(measures(plan).map((m) => [m.code, m.title, m.activities.map((a) => [a.code, a.title])])).toEqual([
      ['1', 'ОБУЧЕНИЕ НА СЛУЖИТЕЛИТЕ', [['1.1', 'Курс по CAF'], ['1.2', 'Курс по управление на риска']]],
      ['2', 'ПОДОБРЯВАНЕ НА САЙТА', [['2.1', 'Нов раздел']]],
    ]);
  });

  it('keeps capitals named as areas ("ОБЛАСТ 1: ...") as areas', async () => {
    const plan = await parsePlanFile(
      csv([
        ['Мерки и дейности', 'Срок', 'Отговорник'],
        ['ОБЛАСТ 1: ЛИДЕРСТВО', '', ''],
        ['1.1. Курс по CAF', '2025', 'Директор'],
      ]),
      'plan.csv',
      'en',
    );
    expect(plan.areas.map((a) => [a.code, a.title, a.measures.map((m) => m.code)])).toEqual([['1', 'ЛИДЕРСТВО', ['1.1']]]);
  });
});

describe('a "№" cell merged down without a measure column', () => {
  it('makes the merged code the measure of the rows it covers; the activities keep their own numbers or are numbered in order', async () => {
    const rows = [
      ['№', 'Дейност', 'Срок'],
      ['Мярка 1.1', 'Курс А', '2025'],
      [null, 'Курс Б', '2025'],
      ['1.2', '1.2.1. Нова процедура', '2025'],
      [null, '1.2.2. Анкета', '2025'],
    ];
    const plan = await parsePlanFile(await workbookBytes([{ name: 'План', rows, merges: ['A2:A3', 'A4:A5'] }]), 'plan.xlsx', 'en');
    expect(measures(plan).map((m) => [m.code, m.title, m.activities.map((a) => [a.code, a.title])])).toEqual([
      ['1.1', '', [['1.1.1', 'Курс А'], ['1.1.2', 'Курс Б']]],
      ['1.2', '', [['1.2.1', 'Нова процедура'], ['1.2.2', 'Анкета']]],
    ]);
    expect(plan.warnings.map((w) => w.message)).toContain('the № cell 1.1 is merged over several rows: measure 1.1, without a title, with the rows as its activities');
  });
});

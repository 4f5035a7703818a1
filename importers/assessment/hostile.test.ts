/** Files that are wrong, half wrong or hostile: each says where, and none crashes the reader or holds it long. */
import { describe, expect, it } from 'vitest';
import { ImportError } from '../import-error';
import { MAX_ROWS } from '../limits';
import { utf8, workbookBytes } from '../test-support';
import { parseAssessmentFile } from './index';

const refusal = async (bytes: Uint8Array, name: string, lang: 'bg' | 'en' = 'en') => {
  const error = await parseAssessmentFile(bytes, name, lang).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).in(lang);
};

describe('bad scores and codes are warnings with sheet, row and column', () => {
  it('names each bad cell; the rest of the row and the file are read', async () => {
    const bytes = await workbookBytes([
      {
        name: 'S',
        rows: [
          ['Подкритерий', 'Plan', 'Do', 'Check', 'Act', 'Тенденции', 'Цели', 'Оценка', 'Силни страни'],
          ['1.1', 120, 30, 30, 30, null, null, null, 'Мисия'],
          ['1.2', 'добре', 30, 30, 30, null, null, null, null],
          ['1.3', 40, 30, null, 30, null, null, null, null],
          ['1.7', 40, 30, 30, 30, null, null, null, 'Нещо'],
          ['10.1', null, null, null, null, null, null, 50, null],
          ['1.1.1', null, null, null, null, null, null, 50, null],
          ['6.1', 50, 50, 50, 50, 40, 60, null, null],
          ['2.1', 40, 40, 40, 40, 20, null, null, null],
          ['Лидерство', null, null, null, null, null, null, 50, null],
          ['2.1', null, null, null, null, null, null, -5, null],
        ],
      },
    ]);
    const parsed = await parseAssessmentFile(bytes, 'bad.xlsx', 'en');
    expect(parsed.warnings.map(({ sheet, row, column, message }) => [sheet, row, column, message])).toEqual([
      ['S', 2, 'Plan', '"120" is not a score from 0 to 100; not read'],
      ['S', 3, 'Plan', '"добре" is not a score from 0 to 100; not read'],
      ['S', 5, 'Подкритерий', '"1.7" is not a CAF 2020 sub-criterion (1.1 to 9.2); the row is not read'],
      ['S', 6, 'Подкритерий', '"10.1" is not a CAF 2020 sub-criterion (1.1 to 9.2); the row is not read'],
      ['S', 7, 'Подкритерий', '"1.1.1" is not a CAF 2020 sub-criterion (1.1 to 9.2); the row is not read'],
      ['S', 10, 'Подкритерий', '"Лидерство" has no sub-criterion code (such as 1.1); the row is not read'],
      ['S', 11, 'Оценка', '"-5" is not a score from 0 to 100; not read'],
      ['S', 2, 'Plan', '1.1 has no PLAN score; its phase scores are not read'],
      ['S', 3, 'Plan', '1.2 has no PLAN score; its phase scores are not read'],
      ['S', 4, 'Check', '1.3 has no CHECK score; its phase scores are not read'],
      ['S', 8, null, '6.1 is a result (criteria 6-9): it is scored by TRENDS and TARGETS, not by PLAN, DO, CHECK, ACT; those scores are not read'],
      ['S', 9, null, '2.1 is an enabler (criteria 1-5): it is scored by PLAN, DO, CHECK, ACT, not by TRENDS and TARGETS; those scores are not read'],
      ['S', null, null, expect.stringMatching(/^the file has nothing for 23 of the 28/)],
    ]);
    expect(parsed.subCriteria.map(({ code, score, phases, trends, targets }) => ({ code, score, phases, trends, targets }))).toEqual([
      { code: '1.1', score: null, phases: null, trends: null, targets: null },
      { code: '1.2', score: null, phases: null, trends: null, targets: null },
      { code: '1.3', score: null, phases: null, trends: null, targets: null },
      { code: '2.1', score: 40, phases: { plan: 40, do: 40, check: 40, act: 40 }, trends: null, targets: null },
      { code: '6.1', score: 50, phases: null, trends: 40, targets: 60 },
    ]);
  });

  it('says when a second row gives another score, a kind it cannot read, or a row with no code above it', async () => {
    const bytes = await workbookBytes([
      {
        name: 'Items',
        rows: [
          ['Код', 'Вид', 'Текст', 'Оценка'],
          [null, 'силна страна', 'Без код', null],
          ['3.3', 'силна страна', 'Анкета', 50],
          ['3.3', 'бележка', 'Нещо друго', 60],
        ],
      },
    ]);
    const parsed = await parseAssessmentFile(bytes, 'i.xlsx', 'bg');
    expect(parsed.warnings.slice(0, 3).map(({ row, column, message }) => [row, column, message])).toEqual([
      [2, 'Код', 'редът няма код на подкритерий и над него няма подкритерий; не е прочетен'],
      [4, 'Оценка', 'втора оценка за 3.3 (60) се различава от тази на ред 3 (50); запазена е първата'],
      [4, 'Вид', '„бележка“ не казва дали е силна страна или област за подобрение; текстът не е прочетен'],
    ]);
    expect(parsed.subCriteria).toEqual([expect.objectContaining({ code: '3.3', score: 50, strengths: ['Анкета'], improvements: [] })]);
  });
});

describe('files with nothing to read are refused, naming what was looked for', () => {
  it('an empty file', async () => {
    expect(await refusal(new Uint8Array(), 'empty.xlsx')).toBe('empty.xlsx: the file is empty');
  });

  it('an old .xls', async () => {
    expect(await refusal(utf8('x'), 'old.xls')).toMatch(/^old\.xls: the old Excel 97-2003 format/);
  });

  it('a workbook with no assessment table names its sheets', async () => {
    const bytes = await workbookBytes([{ name: 'План', rows: [['Дейност', 'Срок', 'Отговорник'], ['Обучение', '2024', 'ГС']] }]);
    expect(await refusal(bytes, 'plan.xlsx', 'bg')).toMatch(/^plan\.xlsx: нито един лист няма таблица на самооценка.*\(прочетени листове: „План“\)$/);
  });

  it('a table whose codes are all wrong names the sheet, header row and column', async () => {
    const csv = ['Заглавие', 'Подкритерий,Оценка', '10.1,50', 'abc,40', '0.5,30'].join('\n');
    expect(await refusal(utf8(csv), 'wrong.csv')).toBe(
      'wrong.csv: no row has a CAF 2020 sub-criterion code (1.1 to 9.2) (sheet "wrong.csv", header on row 2, codes looked for in column "Подкритерий")',
    );
  });

  it('a file of more rows than any assessment is refused by the reader, quickly', async () => {
    const rows = Array.from({ length: MAX_ROWS + 10 }, (_, i) => `1.1,${i % 100},x`);
    const started = Date.now();
    expect(await refusal(utf8(['Код,Оценка,Силни страни', ...rows].join('\n')), 'huge.csv')).toMatch(/^huge\.csv: refused: the file has more than/);
    expect(Date.now() - started).toBeLessThan(8000);
  });
});

describe('large but readable files stay fast', () => {
  it('50,000 item rows of one sub-criterion, and a cell of 3,000 bullets', async () => {
    const bullets = Array.from({ length: 3000 }, (_, i) => `• т${i}`).join('\n');
    const rows = Array.from({ length: 50_000 }, (_, i) => `1.1,силна страна,Текст ${i}`);
    const csv = ['Код,Вид,Текст,Силни страни', `1.2,,,"${bullets}"`, ...rows].join('\n');
    const started = Date.now();
    const parsed = await parseAssessmentFile(utf8(csv), 'big.csv');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(parsed.subCriteria.map((s) => [s.code, s.strengths.length])).toEqual([
      ['1.1', 50_000],
      ['1.2', 3000],
    ]);
  });
});

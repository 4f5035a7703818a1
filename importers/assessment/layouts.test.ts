/** The layouts a self-assessment is kept in, each made here as a real file (exceljs, CSV) and read back. */
import { describe, expect, it } from 'vitest';
import { utf8, workbookBytes } from '../test-support';
import type { ParsedSubCriterion } from './types';
import { parseAssessmentFile } from './index';

const sub = (code: string, fields: Partial<ParsedSubCriterion> = {}): ParsedSubCriterion => ({
  code,
  score: null,
  phases: null,
  trends: null,
  targets: null,
  strengths: [],
  improvements: [],
  ...fields,
});

describe('one row per sub-criterion', () => {
  it('reads codes however written, scores as written, and several items of one cell', async () => {
    const bytes = await workbookBytes([
      {
        name: 'Самооценка',
        rows: [
          ['Доклад за самооценка по CAF 2020 — Областна администрация Ловеч'],
          [],
          ['№', 'Подкритерий', 'Силни страни', 'Области за подобрение', 'Оценка'],
          ['Критерий 1. Лидерство'],
          [1, '1.1', 'Мисията и визията са публикувани\nЦенностите са обсъдени с екипа', '• Няма преглед на мисията\n• Служителите не познават визията', 45],
          [2, '1.2.', '- Годишен план на администрацията;\n- Тримесечни отчети,', 'Няма система за управление на риска', '55'],
          [3, 'Подкритерий 1.3', '1. Ръководството е достъпно\n2. Признават се постижения', null, '38,5'],
          [4, '1.4 Ефективни отношения с политическите органи', 'Редовни срещи с общините', '', 60],
          [null, 'Общо за критерий 1', null, null, 49.6],
        ],
      },
    ]);
    const parsed = await parseAssessmentFile(bytes, 'samoocenka.xlsx');
    expect(parsed.title).toBe('Доклад за самооценка по CAF 2020 — Областна администрация Ловеч');
    expect(parsed.scoring).toBe('classical');
    expect(parsed.subCriteria).toEqual([
      sub('1.1', {
        score: 45,
        strengths: ['Мисията и визията са публикувани', 'Ценностите са обсъдени с екипа'],
        improvements: ['Няма преглед на мисията', 'Служителите не познават визията'],
      }),
      sub('1.2', { score: 55, strengths: ['Годишен план на администрацията', 'Тримесечни отчети'], improvements: ['Няма система за управление на риска'] }),
      sub('1.3', { score: 38.5, strengths: ['Ръководството е достъпно', 'Признават се постижения'] }),
      sub('1.4', { score: 60, strengths: ['Редовни срещи с общините'] }),
    ]);
    // The total row says nothing; the only warning is the 24 sub-criteria the file lacks.
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]).toMatchObject({ sheet: 'Самооценка', row: null, column: null });
    expect(parsed.warnings[0]!.message).toMatch(/^във файла няма нищо за 24 от 28-те подкритерия: 2\.1, 2\.2/);
  });

  it('reads English headers from a CSV file, the code written before the title', async () => {
    const csv = [
      'Sub-criterion,Score,Strengths,Areas for improvement',
      '"6.1 Perception measurements",35,"Annual customer survey","No targets set; survey not repeated"',
      '"9.2 Internal results",50,"Budget executed at 98%",',
    ].join('\r\n');
    const parsed = await parseAssessmentFile(utf8(csv), 'caf.csv', 'en');
    expect(parsed.title).toBe('caf');
    expect(parsed.subCriteria).toEqual([
      sub('6.1', { score: 35, strengths: ['Annual customer survey'], improvements: ['No targets set; survey not repeated'] }),
      sub('9.2', { score: 50, strengths: ['Budget executed at 98%'] }),
    ]);
    expect(parsed.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^the file has nothing for 26 of the 28 sub-criteria/)]);
  });
});

describe('one row per strength or area for improvement', () => {
  it('gathers the items under the code above (merged or left empty), the kind from the "Вид" column', async () => {
    const bytes = await workbookBytes([
      {
        name: 'Констатации',
        rows: [
          ['Код', 'Вид', 'Текст', 'Точки'],
          ['2.1', 'силна страна', 'Проучване на удовлетвореността веднъж годишно', 40],
          [null, 'Силни страни', 'Анализ на жалбите', null],
          [null, 'област за подобрение', 'Няма анализ на заинтересованите страни', null],
          ['2.2', 'Област за усъвършенстване', 'Стратегията не е свързана с бюджета', 30],
          ['2.2', 'силна страна', 'Има средносрочна стратегия', 30],
          ['2.2', 'силна страна', 'Има средносрочна стратегия', null],
        ],
        merges: ['A2:A4'],
      },
    ]);
    const parsed = await parseAssessmentFile(bytes, 'items.xlsx');
    expect(parsed.subCriteria).toEqual([
      sub('2.1', {
        score: 40,
        strengths: ['Проучване на удовлетвореността веднъж годишно', 'Анализ на жалбите'],
        improvements: ['Няма анализ на заинтересованите страни'],
      }),
      sub('2.2', { score: 30, strengths: ['Има средносрочна стратегия'], improvements: ['Стратегията не е свързана с бюджета'] }),
    ]);
    expect(parsed.warnings).toHaveLength(1); // the missing sub-criteria
  });

  it('takes the kind from the sheet name when there is no kind column', async () => {
    const bytes = await workbookBytes([
      { name: 'Силни страни', rows: [['Подкритерий', 'Описание'], ['3.1', 'План за обучение'], ['3.2', 'Наставничество']] },
      { name: 'Области за подобрение', rows: [['Подкритерий', 'Описание'], ['3.1', 'Няма оценка на нуждите']] },
    ]);
    const parsed = await parseAssessmentFile(bytes, 'two-sheets.xlsx');
    expect(parsed.subCriteria).toEqual([
      sub('3.1', { strengths: ['План за обучение'], improvements: ['Няма оценка на нуждите'] }),
      sub('3.2', { strengths: ['Наставничество'] }),
    ]);
  });
});

describe('fine-tuned scoring', () => {
  it('reads the four phases of enablers and trends and targets of results under a group header; the mean when no score is written', async () => {
    const bytes = await workbookBytes([
      {
        name: 'Fine-tuned',
        rows: [
          ['Подкритерий', 'Оценка', null, null, null, null, null, 'Силни страни', 'Области за усъвършенстване'],
          [null, 'Планиране/Plan', 'Изпълнение/Do', 'Проверка/Check', 'Корекция/Act', 'Тенденции/Trends', 'Цели/Targets'],
          ['1.1', 40, 35, 20, 15, null, null, 'Мисия', 'Преглед'],
          ['4.3', 61, 55, 50, 41, null, null, 'Прозрачен бюджет', null],
          ['7.1', null, null, null, null, 30, 45, null, 'Няма проучване сред служителите'],
        ],
        merges: ['B1:G1'],
      },
    ]);
    const parsed = await parseAssessmentFile(bytes, 'fine.xlsx');
    expect(parsed.scoring).toBe('fine-tuned');
    expect(parsed.subCriteria).toEqual([
      sub('1.1', { score: 27.5, phases: { plan: 40, do: 35, check: 20, act: 15 }, strengths: ['Мисия'], improvements: ['Преглед'] }),
      sub('4.3', { score: 51.75, phases: { plan: 61, do: 55, check: 50, act: 41 }, strengths: ['Прозрачен бюджет'] }),
      sub('7.1', { score: 37.5, trends: 30, targets: 45, improvements: ['Няма проучване сред служителите'] }),
    ]);
  });

  it('keeps a score written beside the phases as written', async () => {
    const csv = ['Код;Plan;Do;Check;Act;Обща оценка', '5.1;50;50;30;30;45'].join('\n');
    const parsed = await parseAssessmentFile(utf8(csv), 'f.csv');
    expect(parsed.subCriteria).toEqual([sub('5.1', { score: 45, phases: { plan: 50, do: 50, check: 30, act: 30 } })]);
  });
});

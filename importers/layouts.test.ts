import { describe, expect, it } from 'vitest';
import { activities, measures, workbookBytes, type Row } from './test-support';
import { parsePlanFile } from './index';

const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

describe('the Lovech layout in .xlsx', () => {
  const header: Row = ['Мярка', 'Наименование на дейността', 'Стратегически мерки', 'Бързи победи', 'Начало (дата)', 'Край (дата)', 'Целеви стойности на резултата', 'Отговорници и подпомагачи', 'Забележка', 'Бюджет'];
  const rows: Row[] = [
    ['УТВЪРЖДАВАМ: .....'],
    ['ПЛАН ЗА ПОДОБРЕНИЕ НА ОБЩИНА ПРИМЕР'],
    ['за периода 2023 – 2025 г.'],
    [],
    header,
    ['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.'],
    ['Област 1: Лидерство'],
    // row 8: measure merged down over rows 8-10, CAF reference on its first row only
    ['1.1. Стратегия', { richText: [{ text: '1.1.1. ', font: { bold: true } }, { text: 'Работна група' }] }, '1.1, 2.3', null, utc(2023, 3, 14), { formula: 'E8+4', result: 45003 }, 'Създадена  работна\nгрупа', { formula: 'CONCATENATE("Главен ","секретар")', result: 'Главен секретар' }, { text: 'Заповед', hyperlink: 'https://example.org/z.pdf' }],
    [null, '1.1.2. Проект', null, null, 45003, '30.06.2023 г.', null, 'Главен секретар;\nдиректори на дирекции.', null],
    [],
    [null, 'Обсъждане без номер', null, null, 'II тримесечие 2023', 'текущо', null, 'експерт ИТ', null, 5000],
    ['Област 2: Хора'],
    ['2.1. Обучение', '2.1.1. Обучение по CAF', null, '3.2 и 12.5', 'м. април 2024', 'март 2024', null, null],
    [null, '1.1.1. Повторен код', null, null, 'скоро', '1.1.2024', null, null],
    [null, null, null, null, null, null, 'цел без дейност'],
  ];
  const file = () =>
    workbookBytes([{ name: 'План', rows, merges: ['A2:J2', 'A3:J3', 'A7:J7', 'A8:A11', 'C8:C11', 'D8:D11', 'A12:J12'] }]);

  it('reads the title block, areas, merged measures, codes, kinds and references', async () => {
    const plan = await parsePlanFile(await file(), 'plan.xlsx', 'en');
    expect(plan.title).toBe('ПЛАН ЗА ПОДОБРЕНИЕ НА ОБЩИНА ПРИМЕР');
    expect(plan.period).toBe('2023-2025');
    expect(plan.areas.map((a) => [a.code, a.title])).toEqual([['1', 'Лидерство'], ['2', 'Хора']]);
    expect(measures(plan).map(({ code, title, kind, cafRefs }) => ({ code, title, kind, cafRefs }))).toEqual([
      { code: '1.1', title: 'Стратегия', kind: 'strategic', cafRefs: ['1.1', '2.3'] },
      { code: '2.1', title: 'Обучение', kind: 'quick_win', cafRefs: ['3.2'] },
    ]);
    expect(measures(plan)[0].activities.map((a) => a.code)).toEqual(['1.1.1', '1.1.2', '1.1.3']);
  });

  it('reads Excel dates, serials, formulas, rich text, hyperlinks and owners', async () => {
    const [first, second, third] = activities(await parsePlanFile(await file(), 'plan.xlsx', 'en'));
    expect(first).toEqual({
      code: '1.1.1',
      title: 'Работна група',
      start: '2023-03-14',
      end: '2023-03-18',
      ongoing: false,
      ongoingText: null,
      indicator: null,
      target: 'Създадена работна група',
      owners: ['Главен секретар'],
      resources: null,
      note: 'Заповед',
      status: null,
      source: { sheet: 'План', row: 8 },
    });
    expect(second).toMatchObject({ start: '2023-03-18', end: '2023-06-30', owners: ['Главен секретар', 'директори на дирекции'] });
    expect(third).toMatchObject({ code: '1.1.3', title: 'Обсъждане без номер', start: '2023-04-01', end: null, ongoing: true, ongoingText: 'текущо', resources: '5000', source: { sheet: 'План', row: 11 } });
  });

  it('warns about everything it could not read, with sheet, row and column', async () => {
    const plan = await parsePlanFile(await file(), 'plan.xlsx', 'en');
    expect(plan.warnings).toEqual([
      { sheet: 'План', row: 11, column: 'Наименование на дейността', message: 'activity has no code; given 1.1.3' },
      { sheet: 'План', row: 13, column: 'Бързи победи', message: '"12.5" is not a CAF 2020 criterion or sub-criterion; not linked' },
      { sheet: 'План', row: 13, column: 'Край (дата)', message: 'the start 2024-04-01 is after the end 2024-03-31' },
      { sheet: 'План', row: 14, column: 'Наименование на дейността', message: 'activity code 1.1.1 is used twice (also on row 8); both kept' },
      { sheet: 'План', row: 14, column: 'Начало (дата)', message: 'cannot read the date "скоро" (not a date the importer knows); left empty' },
      { sheet: 'План', row: 15, column: 'Целеви стойности на резултата', message: 'not imported (the row has no activity): "цел без дейност"' },
    ]);
  });

  it('warns in Bulgarian unless told otherwise, at the same places', async () => {
    const english = await parsePlanFile(await file(), 'plan.xlsx', 'en');
    const plan = await parsePlanFile(await file(), 'plan.xlsx');
    expect(plan.warnings.map(({ sheet, row, column }) => ({ sheet, row, column }))).toEqual(
      english.warnings.map(({ sheet, row, column }) => ({ sheet, row, column })),
    );
    expect(plan.warnings.map((w) => w.message)).toEqual([
      'дейността няма код; даден е 1.1.3',
      '„12.5“ не е критерий или подкритерий на CAF 2020; не е свързан',
      'началото 01.04.2024 е след края 31.03.2024',
      'кодът на дейност 1.1.1 е използван два пъти (и на ред 8); запазени са и двете',
      'датата „скоро“ не може да бъде прочетена (не е дата, която приложението разпознава); оставена е празна',
      'не е внесено (редът няма дейност): „цел без дейност“',
    ]);
  });
});

describe('other layouts', () => {
  it('reads English headers in another order, "Area" rows, a repeated measure and a single type column', async () => {
    const bytes = await workbookBytes([
      {
        name: 'Plan',
        rows: [
          ['Activity', 'Due date', 'Owner', 'Measure', 'Type', 'CAF criterion', 'Start', 'Target', 'Comments'],
          ['Area 1 - Leadership'],
          ['1.1.1 Draft the strategy', '30.06.2023', 'Chief secretary; IT expert', '1.1. Strategy', 'Strategic measure', '1.1, 2.3', 'Q1 2023', 'Draft approved', 'first draft'],
          ['1.1.2 Approve it', 'ongoing', 'Chief secretary\nDirectors', '1.1. Strategy', 'Strategic measure', '1.1, 2.3', 'April 2023', null, null],
          ['Area 2 - People'],
          ['2.1.1 Train everyone', 'December 2023', 'HR', '2.1 Training', 'Quick win', 'критерий 3.2', '2023', null, null],
          ['2.2.1 Survey', 'H2 2023', 'HR', '2.2 Survey', 'бърза победа', '7.1', null, null, null],
        ],
      },
    ]);
    const plan = await parsePlanFile(bytes, 'plan.xlsx', 'en');
    expect(plan.warnings).toEqual([]);
    expect(plan.title).toBeNull();
    expect(plan.areas.map((a) => [a.code, a.title, a.measures.length])).toEqual([['1', 'Leadership', 1], ['2', 'People', 2]]);
    expect(measures(plan).map(({ code, kind, cafRefs }) => ({ code, kind, cafRefs }))).toEqual([
      { code: '1.1', kind: 'strategic', cafRefs: ['1.1', '2.3'] },
      { code: '2.1', kind: 'quick_win', cafRefs: ['3.2'] },
      { code: '2.2', kind: 'quick_win', cafRefs: ['7.1'] },
    ]);
    expect(activities(plan).map(({ code, start, end, ongoing, owners, target, note }) => ({ code, start, end, ongoing, owners, target, note }))).toEqual([
      { code: '1.1.1', start: '2023-01-01', end: '2023-06-30', ongoing: false, owners: ['Chief secretary', 'IT expert'], target: 'Draft approved', note: 'first draft' },
      { code: '1.1.2', start: '2023-04-01', end: null, ongoing: true, owners: ['Chief secretary', 'Directors'], target: null, note: null },
      { code: '2.1.1', start: '2023-01-01', end: '2023-12-31', ongoing: false, owners: ['HR'], target: null, note: null },
      { code: '2.2.1', start: null, end: '2023-12-31', ongoing: false, owners: ['HR'], target: null, note: null },
    ]);
  });

  it('reads one sheet per area and ignores, with a warning, a sheet that holds no plan table', async () => {
    const header: Row = ['Мярка', 'Дейност', 'Вид', 'Срок', 'Отговорник'];
    const bytes = await workbookBytes([
      { name: 'Указания', rows: [['Попълнете таблиците по области.'], ['Срокове: до края на годината.']] },
      {
        name: 'Област 1',
        rows: [header, ['1.1. Мисия', '1.1.1. Формулиране', 'стратегическа мярка, 1.1', '31.12.2023', 'Кмет'], [null, '1.1.2. Публикуване', null, '31.01.2024', 'Кмет']],
      },
      {
        name: 'Област 2 - Хора',
        rows: [['Област 2 - Хора'], [], header, ['2.1 Обучения', '2.1.1 План за обучение', 'бърза победа 3.2', 'III тримесечие 2023', 'ЧР']],
      },
      { name: 'Технологии', rows: [header, ['3.1. ИТ', '3.1.1. Софтуер', 'бърза победа', 'май 2023', 'ИТ']] },
    ]);
    const plan = await parsePlanFile(bytes, 'plan.xlsx', 'en');
    expect(plan.areas.map((a) => ({ code: a.code, title: a.title, activities: a.measures.flatMap((m) => m.activities).map((x) => x.code) }))).toEqual([
      { code: '1', title: 'Област 1', activities: ['1.1.1', '1.1.2'] },
      { code: '2', title: 'Хора', activities: ['2.1.1'] },
      { code: '3', title: 'Технологии', activities: ['3.1.1'] },
    ]);
    expect(measures(plan).map((m) => [m.code, m.kind, m.cafRefs])).toEqual([
      ['1.1', 'strategic', ['1.1']],
      ['2.1', 'quick_win', ['3.2']],
      ['3.1', 'quick_win', []],
    ]);
    expect(activities(plan).map((a) => a.end)).toEqual(['2023-12-31', '2024-01-31', '2023-09-30', '2023-05-31']);
    expect(plan.warnings).toEqual([
      { sheet: 'Указания', row: null, column: null, message: 'sheet ignored: no plan table in it (no header row with the plan columns)' },
      { sheet: 'Технологии', row: 2, column: null, message: 'no area row above this row; area 3 is named after the sheet' },
    ]);
  });

  it('reads measures given only on their first row, areas as numbered first-column rows, and skips repeated headers', async () => {
    const header: Row = ['№', 'Мярка', 'Дейност', 'Начало', 'Край'];
    const bytes = await workbookBytes([
      {
        name: 'Sheet1',
        rows: [
          [null, 'Мярка', 'Дейност', 'Начало', 'Край'],
          [null, '1. Стратегия'],
          [null, '1.1. Мярка едно', '1.1.1. Първа', '1.3.2023', '31.3.2023'],
          [null, null, '1.1.2. Втора', '1.4.2023', '30.4.2023'],
          header,
          [null, '1.2. Мярка две', '1.2.1. Трета', '1.5.2023', '31.5.2023'],
          [null, 'Без номер на областта'],
          [null, 'Мярка без код', 'Дейност без код', null, '31.12.2023'],
        ],
      },
    ]);
    const plan = await parsePlanFile(bytes, 'plan.xlsx', 'en');
    expect(plan.areas.map((a) => [a.code, a.title, a.measures.map((m) => [m.code, m.title, m.activities.map((x) => x.code)])])).toEqual([
      ['1', 'Стратегия', [['1.1', 'Мярка едно', ['1.1.1', '1.1.2']], ['1.2', 'Мярка две', ['1.2.1']]]],
      ['2', 'Без номер на областта', [['2.1', 'Мярка без код', ['2.1.1']]]],
    ]);
    expect(plan.warnings).toEqual([
      { sheet: 'Sheet1', row: 7, column: 'Мярка', message: 'area row without a number; given 2' },
      { sheet: 'Sheet1', row: 8, column: 'Мярка', message: 'measure has no code; given 2.1' },
      { sheet: 'Sheet1', row: 8, column: 'Дейност', message: 'activity has no code; given 2.1.1' },
    ]);
  });

  it('builds measures from activity codes when there is no measure column, and puts an activity without one under the last', async () => {
    const bytes = await workbookBytes([
      { name: 'Област 1', rows: [['Дейност', 'Срок', 'Отговорник'], ['1.1.1. Първа', '2023', 'А'], ['1.1.2. Втора', '2024', 'Б'], ['Без код', '2024', 'В']] },
    ]);
    const plan = await parsePlanFile(bytes, 'plan.xlsx', 'en');
    expect(measures(plan).map((m) => [m.code, m.title, m.activities.map((a) => a.code)])).toEqual([['1.1', '', ['1.1.1', '1.1.2', '1.1.3']]]);
    expect(plan.warnings).toEqual([
      { sheet: 'Област 1', row: 2, column: 'Дейност', message: 'no measure level; measure 1.1 made from the activity code, without a title' },
      { sheet: 'Област 1', row: 4, column: 'Дейност', message: 'activity has no code; given 1.1.3' },
    ]);
  });

  it('keeps the first kind of a measure and warns about a conflicting one', async () => {
    const bytes = await workbookBytes([
      {
        name: 'Plan',
        rows: [
          ['Measure', 'Activity', 'Strategic measures', 'Quick wins', 'Type'],
          ['Area 1: Leadership'],
          ['1.1 M', '1.1.1 A', '1.2', null, 'неясно'],
          ['1.1 M', '1.1.2 B', null, '2.3', null],
        ],
      },
    ]);
    const plan = await parsePlanFile(bytes, 'plan.xlsx', 'en');
    expect(measures(plan)[0]).toMatchObject({ kind: 'strategic', cafRefs: ['1.2', '2.3'] });
    expect(plan.warnings).toEqual([
      { sheet: 'Plan', row: 3, column: 'Type', message: 'type "неясно" is neither a strategic measure nor a quick win' },
      { sheet: 'Plan', row: 4, column: 'Quick wins', message: 'measure 1.1 is already a strategic measure; "2.3" does not change it' },
    ]);
  });
});

describe('Cyrillic text across exceljs stream chunks', () => {
  it('keeps every letter of inline strings in a large sheet (exceljs splits letters between chunks)', async () => {
    const { PassThrough } = await import('node:stream');
    const ExcelJS = (await import('exceljs')).default;
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false });
    const sheet = workbook.addWorksheet('План');
    sheet.addRow(['Мярка', 'Дейност', 'Срок', 'Отговорник']).commit();
    sheet.addRow(['Област 1: Дълга']).commit();
    for (let n = 1; n <= 2000; n++) {
      sheet.addRow([`1.${n}. Мярка с българско заглавие ${n}`, `1.${n}.1. Дейност „${n}“ – ъгъл, щъркел, ѝ`, '31.12.2023', 'Главен секретар']).commit();
    }
    sheet.commit();
    await workbook.commit();
    const plan = await parsePlanFile(new Uint8Array(Buffer.concat(chunks)), 'plan.xlsx', 'en');
    expect(plan.warnings).toEqual([]);
    expect(activities(plan)).toHaveLength(2000);
    expect(JSON.stringify(plan)).not.toContain('\uFFFD');
    expect(activities(plan)[1999].title).toBe('Дейност „2000“ – ъгъл, щъркел, ѝ');
  });
});

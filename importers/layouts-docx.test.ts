/**
 * Plans as Word (.docx) and LibreOffice Calc (.ods) files, written by hand (tests/hostile/document-builder),
 * each read to the plan field by field: merged cells, several tables, headings, paragraph breaks in cells,
 * two-row headers, title and signature blocks, numbering, a table split across pages.
 */
import { describe, expect, it } from 'vitest';
import { docx, openDocument, type DocxCell } from '../tests/hostile/document-builder';
import { activityRows, expectedActivity as act } from './test-support';
import type { ParsedPlan } from './types';
import { understandPlanFile } from './index';

const tree = (plan: ParsedPlan) => plan.areas.map((a) => [a.code, a.title, a.measures.map((m) => [m.code, m.title])]);

describe('.docx: one table per area under its heading, a two-row header, a № column, merged cells, signatures', () => {
  const header: DocxCell[] = [
    { text: '№', vMerge: 'restart' },
    { text: 'Мярка', vMerge: 'restart' },
    { text: 'Дейност', vMerge: 'restart' },
    { text: 'Срок', span: 2 },
    { text: 'Отговорно звено', vMerge: 'restart' },
    { text: 'Индикатор за изпълнение', vMerge: 'restart' },
    { text: 'Очакван резултат', vMerge: 'restart' },
  ];
  const under: DocxCell[] = [{ vMerge: 'continue' }, { vMerge: 'continue' }, { vMerge: 'continue' }, 'начало', 'край', { vMerge: 'continue' }, { vMerge: 'continue' }, { vMerge: 'continue' }];
  const file = () =>
    docx([
      { paragraph: 'УТВЪРЖДАВАМ:' },
      { paragraph: 'КМЕТ НА ОБЩИНА ПРИМЕР:\n(подпис)' },
      { paragraph: '' },
      { paragraph: 'ПЛАН ЗА ПОДОБРЕНИЕ НА ОБЩИНА ПРИМЕР 2025 – 2026 г.' },
      { paragraph: 'Критерий 1. Лидерство' },
      {
        table: [
          header,
          under,
          ['1.1.1', { text: 'Мисия и визия', vMerge: 'restart' }, 'Създаване на работна група\nпо CAF', '01.02.2025', '31.03.2025 г.', 'Главен секретар\nДирекция „Финанси и администрация“', 'Заповед', 'Създадена група'],
          ['1.1.2', { vMerge: 'continue' }, 'Проект на визия', 'март 2025', 'II тримесечие 2025', 'директор на дирекция АПОФУС и главен секретар', null, 'Проект'],
        ],
        headerRows: 2,
      },
      { paragraph: '' },
      { paragraph: 'Критерий 2. Стратегия и планиране' },
      {
        table: [
          header,
          under,
          ['2.1.1', { text: 'Анализ на заинтересованите страни', vMerge: 'restart' }, 'Анкета', 'от 01.03.2025 до 30.06.2025', null, 'ЧР; ИТ', 'Брой анкети', '100'],
          ['2.1.2', { vMerge: 'continue' }, 'Доклад', 'текущо', null, 'ЧР', null, null],
        ],
        headerRows: 2,
      },
      { paragraph: 'Изготвил: ........ /Иван Иванов/' },
      { paragraph: 'Съгласувал: ........' },
    ]);

  it('reads every field', async () => {
    const { plan, understanding } = await understandPlanFile(file(), 'plan.docx', 'en');
    expect(plan.title).toBe('ПЛАН ЗА ПОДОБРЕНИЕ НА ОБЩИНА ПРИМЕР 2025 – 2026 г.');
    expect(plan.period).toBe('2025-2026');
    expect(tree(plan)).toEqual([
      ['1', 'Лидерство', [['1.1', 'Мисия и визия']]],
      ['2', 'Стратегия и планиране', [['2.1', 'Анализ на заинтересованите страни']]],
    ]);
    expect(activityRows(plan)).toEqual([
      act('1', '1.1', '1.1.1', 'Създаване на работна група по CAF', {
        start: '2025-02-01', end: '2025-03-31', owners: ['Главен секретар', 'Дирекция „Финанси и администрация“'], indicator: 'Заповед', target: 'Създадена група',
      }),
      act('1', '1.1', '1.1.2', 'Проект на визия', { start: '2025-03-01', end: '2025-06-30', owners: ['директор на дирекция АПОФУС', 'главен секретар'], target: 'Проект' }),
      // A range in the start column gives the end too.
      act('2', '2.1', '2.1.1', 'Анкета', { start: '2025-03-01', end: '2025-06-30', owners: ['ЧР', 'ИТ'], indicator: 'Брой анкети', target: '100' }),
      act('2', '2.1', '2.1.2', 'Доклад', { ongoing: true, ongoingText: 'текущо', owners: ['ЧР'] }),
    ]);
    expect(plan.areas[1]!.measures[0]!.activities[1]!.source).toEqual({ sheet: 'Таблица 2', row: 4 });
    expect(plan.warnings).toEqual([]);
    expect(understanding.tables.map((t) => [t.sheet, t.headerRows, t.confidence, t.columns.map((c) => c.meaning)])).toEqual([
      ['Таблица 1', [1, 2], 'high', ['code', 'measure', 'activity', 'start', 'end', 'owners', 'indicator', 'target']],
      ['Таблица 2', [1, 2], 'high', ['code', 'measure', 'activity', 'start', 'end', 'owners', 'indicator', 'target']],
    ]);
  });
});

describe('.docx: numbering in the text, area rows across, a table split across pages with its header repeated', () => {
  const header = ['Мярка', 'Дейност', 'Срок', 'Отговорник'];
  const file = () =>
    docx([
      { paragraph: 'ПЛАН ЗА ПОДОБРЕНИЕ 2024' },
      {
        table: [
          header,
          [{ text: 'Област 1: Лидерство', span: 4 }],
          [{ text: '1.1. Мисия', vMerge: 'restart' }, '1.1.1. Първа', '30.06.2024', 'ГС'],
          [{ vMerge: 'continue' }, '1.1.2. Втора', '31.12.2024', 'ГС'],
          // Pasted from the next page: the header as a row of the table.
          header,
          [{ text: '1.2. Ценности', vMerge: 'restart' }, '1.2.1. Трета', '2024', 'ЧР'],
        ],
        headerRows: 1,
      },
      { paragraph: '' },
      // The same table split at a page break: its header repeated, the measure of the last page continued.
      { table: [header, [null, '1.2.2. Четвърта', 'Q3 2024', 'ЧР'], [{ text: 'Област 2: Стратегия', span: 4 }], ['2.1. Анализ', '2.1.1. Пета', 'H2 2024', 'ИТ']], headerRows: 1 },
      // Split again, without the header this time.
      { table: [[null, '2.1.2. Шеста', 'I полугодие 2024', 'ИТ']] },
      { paragraph: 'Изготвил: (подпис)' },
    ]);

  it('reads the tables as one, each row numbered on', async () => {
    const { plan, understanding } = await understandPlanFile(file(), 'plan.docx', 'en');
    expect(tree(plan)).toEqual([
      ['1', 'Лидерство', [['1.1', 'Мисия'], ['1.2', 'Ценности']]],
      ['2', 'Стратегия', [['2.1', 'Анализ']]],
    ]);
    expect(activityRows(plan)).toEqual([
      act('1', '1.1', '1.1.1', 'Първа', { end: '2024-06-30', owners: ['ГС'] }),
      act('1', '1.1', '1.1.2', 'Втора', { end: '2024-12-31', owners: ['ГС'] }),
      act('1', '1.2', '1.2.1', 'Трета', { end: '2024-12-31', owners: ['ЧР'] }),
      act('1', '1.2', '1.2.2', 'Четвърта', { end: '2024-09-30', owners: ['ЧР'] }),
      act('2', '2.1', '2.1.1', 'Пета', { end: '2024-12-31', owners: ['ИТ'] }),
      act('2', '2.1', '2.1.2', 'Шеста', { end: '2024-06-30', owners: ['ИТ'] }),
    ]);
    expect(activityRows(plan).length).toBe(6);
    expect(plan.areas[1]!.measures[0]!.activities.map((a) => a.source)).toEqual([
      { sheet: 'Таблица 1', row: 10 },
      { sheet: 'Таблица 1', row: 11 },
    ]);
    expect(plan.warnings).toEqual([]);
    expect(understanding.tables.map((t) => t.sheet)).toEqual(['Таблица 1']);
  });
});

describe('.docx: Word\'s automatic numbering gives the codes', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const level = (ilvl: number, text: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="${text}"/></w:lvl>`;
  const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${level(0, '%1.')}${level(1, '%1.%2.')}${level(2, '%1.%2.%3.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const numbered = (ilvl: number, text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const text = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const cell = (inner: string, properties = '') => `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}${inner || '<w:p/>'}</w:tc>`;
  const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
  const across = '<w:gridSpan w:val="4"/>';
  const rows =
    row(cell(text('Област / Мярка')), cell(text('Дейност')), cell(text('Срок')), cell(text('Отговорник'))) +
    row(cell(numbered(0, 'Лидерство'), across)) +
    row(cell(numbered(1, 'Мисия'), '<w:vMerge w:val="restart"/>'), cell(numbered(2, 'Работна група')), cell(text('30.06.2024')), cell(text('ГС'))) +
    row(cell('', '<w:vMerge/>'), cell(numbered(2, 'Проект')), cell(text('31.12.2024')), cell(text('ГС'))) +
    row(cell(numbered(0, 'Стратегия'), across)) +
    row(cell(numbered(1, 'Анализ')), cell(numbered(2, 'Анкета')), cell(text('2024')), cell(text('ЧР')));

  it('reads "1.", "1.1." and "1.1.1." as Word shows them', async () => {
    const bytes = docx([{ paragraph: 'ПЛАН ЗА ПОДОБРЕНИЕ 2024' }, { raw: `<w:tbl>${rows}</w:tbl>` }], { numbering });
    const { plan } = await understandPlanFile(bytes, 'plan.docx', 'en');
    expect(tree(plan)).toEqual([
      ['1', 'Лидерство', [['1.1', 'Мисия']]],
      ['2', 'Стратегия', [['2.1', 'Анализ']]],
    ]);
    expect(activityRows(plan)).toEqual([
      act('1', '1.1', '1.1.1', 'Работна група', { end: '2024-06-30', owners: ['ГС'] }),
      act('1', '1.1', '1.1.2', 'Проект', { end: '2024-12-31', owners: ['ГС'] }),
      act('2', '2.1', '2.1.1', 'Анкета', { end: '2024-12-31', owners: ['ЧР'] }),
    ]);
    expect(plan.warnings).toEqual([]);
  });
});

describe('.docx: kind columns marked with symbols from Insert > Symbol, an approval block laid out as a table', () => {
  const sym = (font: string, char: string) => ({ raw: `<w:tc><w:p><w:r><w:sym w:font="${font}" w:char="${char}"/></w:r></w:p></w:tc>` });
  const file = () =>
    docx([
      { table: [[null, 'УТВЪРЖДАВАМ:\nКМЕТ: (подпис)']] },
      { paragraph: 'ПЛАН ЗА ПОДОБРЕНИЕ 2024-2025' },
      {
        table: [
          ['Мярка', 'Дейност', 'Стратегическа', 'Бърза победа', 'Срок', 'Отговорник'],
          [{ text: 'Област 1: Лидерство', span: 6 }],
          ['1.1. Мисия', '1.1.1. Първа', sym('Wingdings', 'F0FC'), null, '30.06.2024', 'ГС'],
          ['1.2. Сайт', '1.2.1. Втора', null, sym('Wingdings 2', 'F050'), '31.03.2024', 'ИТ'],
          ['1.3. Анкета', '1.3.1. Трета', null, sym('Symbol', 'F0B4'), '2024', 'ЧР'],
        ],
        headerRows: 1,
      },
    ]);

  it('reads the marks as kinds, and the plan from the table that has one', async () => {
    const { plan } = await understandPlanFile(file(), 'plan.docx', 'en');
    expect(plan.title).toBe('ПЛАН ЗА ПОДОБРЕНИЕ 2024-2025');
    expect(plan.warnings).toEqual([{ sheet: 'Таблица 1', row: null, column: null, message: 'sheet ignored: no plan table in it (no header row with the plan columns)' }]);
    expect(plan.areas.flatMap((a) => a.measures.map((m) => [m.code, m.title, m.kind]))).toEqual([
      ['1.1', 'Мисия', 'strategic'],
      ['1.2', 'Сайт', 'quick_win'],
      ['1.3', 'Анкета', 'quick_win'],
    ]);
    expect(activityRows(plan)).toEqual([
      act('1', '1.1', '1.1.1', 'Първа', { end: '2024-06-30', owners: ['ГС'] }),
      act('1', '1.2', '1.2.1', 'Втора', { end: '2024-03-31', owners: ['ИТ'] }),
      act('1', '1.3', '1.3.1', 'Трета', { end: '2024-12-31', owners: ['ЧР'] }),
    ]);
  });
});

describe('.docx: one table per area under a heading with no "Област" in it', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const numberedHeading = (text: string) => ({ raw: `<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>` });
  const header = ['Мярка', 'Дейност', 'Срок за\nизпълнение', 'Отговорно\nзвено'];
  const tables = (heading: (text: string) => { raw: string } | { paragraph: string }) => [
    { paragraph: 'ПЛАН ЗА ДЕЙСТВИЕ 2025 – 2026' },
    heading('Лидерство'),
    { table: [header, ['1.1. Комуникация', '1.1.1. Среща', 'м. март 2025 г.', 'Главен секретар']], headerRows: 1 },
    heading('Стратегия и планиране'),
    { table: [header, ['2.1. Анализ', '2.1.1. Анкета', 'II полугодие 2025', 'ЧР и ИТ']], headerRows: 1 },
  ];
  const expected = [
    act('1', '1.1', '1.1.1', 'Среща', { end: '2025-03-31', owners: ['Главен секретар'] }),
    act('2', '2.1', '2.1.1', 'Анкета', { end: '2025-12-31', owners: ['ЧР', 'ИТ'] }),
  ];

  it('takes the area from a heading Word numbers ("1. Лидерство")', async () => {
    const { plan } = await understandPlanFile(docx(tables(numberedHeading), { numbering }), 'plan.docx', 'en');
    expect(plan.areas.map((a) => [a.code, a.title])).toEqual([['1', 'Лидерство'], ['2', 'Стратегия и планиране']]);
    expect(activityRows(plan)).toEqual(expected);
    expect(plan.warnings).toEqual([]);
  });

  it('takes the area from a heading without a number, numbered in order', async () => {
    const { plan } = await understandPlanFile(docx(tables((text) => ({ paragraph: text }))), 'plan.docx', 'en');
    expect(plan.areas.map((a) => [a.code, a.title])).toEqual([['1', 'Лидерство'], ['2', 'Стратегия и планиране']]);
    expect(activityRows(plan)).toEqual(expected);
  });
});

describe('.ods: a Calc sheet with repeated rows and columns, spanned and covered cells', () => {
  const text = (value: string, attributes = '') =>
    `<table:table-cell office:value-type="string"${attributes}>${value.split('\n').map((line) => `<text:p>${line}</text:p>`).join('')}</table:table-cell>`;
  const day = (iso: string) => `<table:table-cell office:value-type="date" office:date-value="${iso}"><text:p>${iso}</text:p></table:table-cell>`;
  const row = (cells: string, attributes = '') => `<table:table-row${attributes}>${cells}</table:table-row>`;
  const covered = '<table:covered-table-cell/>';
  const emptyRows = (n: number) => row('<table:table-cell table:number-columns-repeated="1024"/>', ` table:number-rows-repeated="${n}"`);
  const body =
    '<table:table table:name="План"><table:table-column table:number-columns-repeated="1024"/>' +
    row(text('ПЛАН ЗА ПОДОБРЕНИЕ 2025-2026', ' table:number-columns-spanned="6"') + covered.repeat(5)) +
    emptyRows(2) +
    row(
      text('Мярка', ' table:number-rows-spanned="2"') + text('Дейност', ' table:number-rows-spanned="2"') + text('Срок', ' table:number-columns-spanned="2"') + covered +
        text('Отговорник', ' table:number-rows-spanned="2"') + text('Индикатор', ' table:number-rows-spanned="2"'),
    ) +
    row(covered + covered + text('начало') + text('край') + covered + covered) +
    row(text('Област 1: Лидерство', ' table:number-columns-spanned="6"') + covered.repeat(5)) +
    row(text('1.1. Мисия', ' table:number-rows-spanned="2"') + text('1.1.1. Група') + day('2025-02-01') + day('2025-03-31') + text('ГС\nЧР') + text('Заповед')) +
    row(covered + text('1.1.2. Проект') + text('I тримесечие 2025') + text('II тримесечие 2025') + text('ГС') + '<table:table-cell/>') +
    row('<table:table-cell table:number-columns-repeated="2"/>' + text('2025', ' table:number-columns-repeated="2"'), '') +
    emptyRows(1_048_560) +
    '</table:table>';

  it('reads every field', async () => {
    const { plan, understanding } = await understandPlanFile(openDocument(body), 'plan.ods', 'en');
    expect(plan.title).toBe('ПЛАН ЗА ПОДОБРЕНИЕ 2025-2026');
    expect(plan.period).toBe('2025-2026');
    expect(tree(plan)).toEqual([['1', 'Лидерство', [['1.1', 'Мисия']]]]);
    expect(activityRows(plan)).toEqual([
      act('1', '1.1', '1.1.1', 'Група', { start: '2025-02-01', end: '2025-03-31', owners: ['ГС', 'ЧР'], indicator: 'Заповед' }),
      act('1', '1.1', '1.1.2', 'Проект', { start: '2025-01-01', end: '2025-06-30', owners: ['ГС'] }),
    ]);
    expect(understanding.tables.map((t) => [t.sheet, t.headerRows, t.columns.map((c) => c.meaning)])).toEqual([
      ['План', [4, 5], ['measure', 'activity', 'start', 'end', 'owners', 'indicator']],
    ]);
    // Row 9: the rows repeated above count as rows; the repeated cells as columns.
    expect(plan.warnings).toEqual([
      { sheet: 'План', row: 9, column: 'Срок / начало', message: 'not imported (the row has no activity): "2025"' },
      { sheet: 'План', row: 9, column: 'Срок / край', message: 'not imported (the row has no activity): "2025"' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { contentXml, ods, odsTableXml, openDocument } from '../tests/hostile/document-builder';
import { ImportError } from './import-error';
import { readOpenDocument } from './opendocument';

const utc = (year: number, month: number, day: number, hours = 0, minutes = 0) => new Date(Date.UTC(year, month - 1, day, hours, minutes));
const readOds = (bytes: Uint8Array, rowLimit?: number) => readOpenDocument(bytes, 'plan.ods', 'ods', rowLimit);
/** An .ods of one sheet "План" of the given <table:table-row> XML (no padding). */
const rowsOds = (rows: string) => openDocument(`<table:table table:name="План">${rows}</table:table>`);
const cell = (attributes: string, inner = '') => `<table:table-cell ${attributes}>${inner}</table:table-cell>`;

async function failure(bytes: Uint8Array): Promise<string> {
  const error = await readOds(bytes).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).message;
}

describe('readOpenDocument: Calc sheets', () => {
  it('reads each sheet by its name; the empty rows Calc pads a sheet with cost nothing', async () => {
    const started = performance.now();
    const sheets = await readOds(ods([
      { name: 'План', rows: [['Мярка', 'Дейност'], [null, null], ['1.1. М', '1.1.1. Д']] },
      { name: 'Бележки', rows: [['текст']] },
    ]));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(sheets).toEqual([
      { name: 'План', rows: [{ row: 1, cells: ['Мярка', 'Дейност'] }, { row: 2, cells: [] }, { row: 3, cells: ['1.1. М', '1.1.1. Д'] }] },
      { name: 'Бележки', rows: [{ row: 1, cells: ['текст'] }] },
    ]);
  });

  it('reads values by their type: float, percentage, currency, date, boolean, string paragraphs', async () => {
    const row =
      cell('office:value-type="float" office:value="12.5"', '<text:p>12,50</text:p>') +
      cell('office:value-type="percentage" office:value="0.25"', '<text:p>25%</text:p>') +
      cell('office:value-type="currency" office:currency="BGN" office:value="100"', '<text:p>100,00 лв.</text:p>') +
      cell('office:value-type="date" office:date-value="2022-03-14"', '<text:p>14.03.2022</text:p>') +
      cell('office:value-type="date" office:date-value="2022-03-14T10:30:00"', '<text:p>14.03.2022 10:30</text:p>') +
      cell('office:value-type="boolean" office:boolean-value="true"', '<text:p>ИСТИНА</text:p>') +
      cell('office:value-type="string"', '<text:p>Главен   <text:span text:style-name="T1">секретар</text:span><text:s text:c="2"/>и</text:p><text:p>директор<text:tab/>АПОФУС<text:line-break/>ред</text:p>') +
      cell('office:value-type="time" office:time-value="PT10H30M"', '<text:p>10:30</text:p>') +
      cell('office:value-type="string"', '<office:annotation><text:p>коментар</text:p></office:annotation><text:p>без бележка<text:note><text:note-body><text:p>под линия</text:p></text:note-body></text:note></text:p>') +
      cell('office:value-type="date" office:date-value="не е дата"', '<text:p>скоро</text:p>');
    const [sheet] = await readOds(rowsOds(`<table:table-row>${row}</table:table-row>`));
    expect(sheet!.rows[0]!.cells).toEqual([
      12.5,
      0.25,
      100,
      utc(2022, 3, 14),
      utc(2022, 3, 14, 10, 30),
      'TRUE',
      'Главен секретар  и\nдиректор АПОФУС\nред',
      '10:30',
      'без бележка',
      'скоро',
    ]);
  });

  it('repeats rows and cells as written, and records spans as merges over covered cells', async () => {
    const rows =
      `<table:table-header-rows><table:table-row>${cell('office:value-type="string"', '<text:p>Мярка</text:p>')}${cell('table:number-columns-spanned="2" office:value-type="string"', '<text:p>Срок</text:p>')}<table:covered-table-cell/></table:table-row></table:table-header-rows>` +
      `<table:table-row>${cell('table:number-rows-spanned="2" office:value-type="string"', '<text:p>1.1. М</text:p>')}${cell('table:number-columns-repeated="2" office:value-type="float" office:value="7"')}</table:table-row>` +
      `<table:table-row table:visibility="collapse"><table:covered-table-cell/>${cell('table:number-columns-repeated="3"')}${cell('office:value-type="string"', '<text:p>x</text:p>')}</table:table-row>` +
      `<table:table-row table:number-rows-repeated="2">${cell('office:value-type="string"', '<text:p>същото</text:p>')}</table:table-row>` +
      `<table:table-row table:number-rows-repeated="1000000">${cell('table:number-columns-repeated="1024"')}</table:table-row>` +
      `<table:table-row>${cell('office:value-type="string"', '<text:p>последен</text:p>')}</table:table-row>`;
    const [sheet] = await readOds(rowsOds(rows));
    expect(sheet!.rows).toEqual([
      { row: 1, cells: ['Мярка', 'Срок'], header: true },
      { row: 2, cells: ['1.1. М', 7, 7] },
      { row: 3, cells: [null, null, null, null, 'x'], hidden: true },
      { row: 4, cells: ['същото'] },
      { row: 5, cells: ['същото'] },
      { row: 1_000_006, cells: ['последен'] },
    ]);
    expect(sheet!.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 2, left: 0, bottom: 3, right: 0 },
    ]);
  });

  it('cuts a span over every row and column of the sheet down to the rows and cells read', async () => {
    const rows = `<table:table-row>${cell('table:number-columns-spanned="16384" table:number-rows-spanned="1048576" table:number-columns-repeated="3" office:value-type="string"', '<text:p>x</text:p>')}</table:table-row><table:table-row>${cell('office:value-type="float" office:value="1"')}</table:table-row>`;
    const [sheet] = await readOds(rowsOds(rows));
    expect(sheet!.rows.map((row) => row.cells)).toEqual([['x', 'x', 'x'], [1]]);
    expect(sheet!.merges).toEqual([
      { top: 1, left: 0, bottom: 2, right: 2 },
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 1, left: 2, bottom: 2, right: 2 },
    ]);
  });

  it('keeps only the first rows asked for', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [`р${i}`]);
    const [sheet] = await readOds(ods([{ name: 'П', rows }]), 3);
    expect(sheet!.rows.map((row) => row.cells[0])).toEqual(['р0', 'р1', 'р2']);
  });

  it('refuses a value repeated over every column of every row, by the budget, fast', async () => {
    const started = performance.now();
    const everywhere = `<table:table-row table:number-rows-repeated="1048576">${cell('table:number-columns-repeated="16384" office:value-type="string"', '<text:p>x</text:p>')}</table:table-row>`;
    expect(await failure(rowsOds(everywhere))).toBe(
      'plan.ods: refused: the file holds more than 3,000,000 cells (sheet "План", row 184 reaches column XFD)',
    );
    expect(performance.now() - started).toBeLessThan(3000);
    expect(await failure(rowsOds(`<table:table-row>${cell('table:number-columns-repeated="16385" office:value-type="float" office:value="1"')}</table:table-row>`))).toMatch(
      /^plan\.ods: the spreadsheet could not be read \(content\.xml, line 1, column \d+: a cell beyond column XFD \(16384 columns\)\)$/,
    );
  });

  it('refuses a DTD, and says what a zip without content.xml is not', async () => {
    expect(await failure(openDocument('', 'spreadsheet', { contentXml: `<!DOCTYPE x [<!ENTITY a "b">]>${contentXml('')}` }))).toBe(
      'plan.ods: refused: content.xml holds a DTD or entity declarations (<!DOCTYPE ...>), which no spreadsheet or document has',
    );
  });
});

describe('readOpenDocument: Writer tables', () => {
  it('reads each table of an .odt as "Таблица N" with the paragraphs above it as its heading', async () => {
    const table = odsTableXml('Table1', [['Мярка', 'Дейност'], ['1.1. М', '1.1.1. Д']], false);
    const body =
      '<text:sequence-decls><text:sequence-decl text:name="Table"/></text:sequence-decls>' +
      '<text:p>УТВЪРЖДАВАМ:</text:p><text:p/><text:h text:outline-level="1">ПЛАН ЗА ПОДОБРЕНИЕ 2023-2024</text:h>' +
      table +
      '<text:list><text:list-item><text:p>Област 2</text:p></text:list-item></text:list>' +
      odsTableXml('Table2', [['2.1. М', '2.1.1. Д']], false);
    const sheets = await readOpenDocument(openDocument(body, 'text'), 'plan.odt', 'odt');
    expect(sheets).toEqual([
      { name: 'Таблица 1', heading: ['УТВЪРЖДАВАМ:', 'ПЛАН ЗА ПОДОБРЕНИЕ 2023-2024'], rows: [{ row: 1, cells: ['Мярка', 'Дейност'] }, { row: 2, cells: ['1.1. М', '1.1.1. Д'] }] },
      { name: 'Таблица 2', heading: ['Област 2'], rows: [{ row: 1, cells: ['2.1. М', '2.1.1. Д'] }] },
    ]);
  });
});

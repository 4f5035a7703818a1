import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { book, DATE_STYLES, sharedStringsXml, sheetXml, workbookXml } from '../tests/hostile/xlsx-builder';
import { ImportError } from './import-error';
import { workbookBytes } from './test-support';
import type { CellRange, CellValue, Sheet } from './types';
import { excelDate, isDateFormat, readXlsx } from './xlsx';

const lovech = () => new Uint8Array(readFileSync(new URL('../tests/fixtures/lovech-2022-2024.xlsx', import.meta.url)));
const utc = (year: number, month: number, day: number, hours = 0) => new Date(Date.UTC(year, month - 1, day, hours));

/** A one-sheet book of the given <sheetData> content. */
const sheetBook = (rows: string, options: Parameters<typeof book>[1] = {}) => book([sheetXml(rows)], { sheetNames: ['План'], ...options });

/** The cells of each row, as { row number: cells }. */
async function cells(bytes: Uint8Array): Promise<Record<number, CellValue[]>> {
  const [sheet] = await readXlsx(bytes, 'plan.xlsx');
  return Object.fromEntries(sheet!.rows.map((row) => [row.row, row.cells]));
}

async function failure(bytes: Uint8Array): Promise<string> {
  const error = await readXlsx(bytes, 'plan.xlsx').then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).message;
}

/** What exceljs's full loader reads, as this reader gives cells: merged cells below their first empty, holes null. */
async function readWithExceljs(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((worksheet) => {
    const rows: Sheet['rows'] = [];
    worksheet.eachRow((row, number) => {
      const values: CellValue[] = [];
      row.eachCell((cell, column) => {
        if (cell.isMerged && cell.master !== cell) return;
        const value = cell.value;
        values[column - 1] =
          value && typeof value === 'object' && !(value instanceof Date) && 'richText' in value
            ? value.richText.map((run) => run.text).join('')
            : (value as CellValue);
      });
      rows.push({ row: number, cells: Array.from(values, (value) => value ?? null) });
    });
    const merges = worksheet.model.merges.map(mergeRange);
    return merges.length > 0 ? { name: worksheet.name, rows, merges } : { name: worksheet.name, rows };
  });
}

/** "B2:C4" as a CellRange (rows 1-based, columns 0-based). */
function mergeRange(ref: string): CellRange {
  const [, left, top, right, bottom] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref)!;
  const column = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(top), left: column(left!), bottom: Number(bottom), right: column(right!) };
}

describe('readXlsx on real workbooks', () => {
  it('reads the Lovech plan cell for cell as exceljs reads it', async () => {
    const sheets = await readXlsx(lovech(), 'lovech.xlsx');
    expect(sheets.map((sheet) => sheet.name)).toEqual(['План за подобрение']);
    // exceljs's loader skips rows whose cells are all empty (<c r="B7"/>); this reader keeps them, empty.
    const nonEmpty = (read: Sheet[]) => read.map((sheet) => ({ ...sheet, rows: sheet.rows.filter((row) => row.cells.length > 0) }));
    expect(nonEmpty(sheets)).toEqual(nonEmpty(await readWithExceljs(lovech())));
    const byRow = Object.fromEntries(sheets[0]!.rows.map((row) => [row.row, row.cells]));
    expect(byRow[1]).toEqual(['УТВЪРЖДАВАМ:.....']);
    expect(byRow[13]![4]).toEqual(utc(2022, 3, 14));
  });

  it('reads an exceljs-written workbook: rich text, formulas, hyperlinks, dates, merged cells empty below their first', async () => {
    const bytes = await workbookBytes([
      { name: 'Указания', rows: [['Попълнете таблицата.']] },
      {
        name: 'Област 1',
        rows: [
          ['Мярка', 'Дейност', 'Начало'],
          ['1.1. М', { richText: [{ text: '1.1.1. ', font: { bold: true } }, { text: 'Група' }] }, utc(2023, 3, 14)],
          [null, { formula: 'CONCATENATE("a","b")', result: 'ab' }, { formula: 'C2+4', result: 45003 }],
          [null, { text: 'Заповед', hyperlink: 'https://example.org/z.pdf' }, true],
        ],
        merges: ['A2:A4'],
      },
    ]);
    const sheets = await readXlsx(bytes, 'plan.xlsx');
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Указания', 'Област 1']);
    expect(sheets[1]!.merges).toEqual([{ top: 2, left: 0, bottom: 4, right: 0 }]);
    expect(sheets[0]!.merges).toBeUndefined();
    expect(sheets[1]!.rows).toEqual([
      { row: 1, cells: ['Мярка', 'Дейност', 'Начало'] },
      { row: 2, cells: ['1.1. М', '1.1.1. Група', utc(2023, 3, 14)] },
      { row: 3, cells: [null, 'ab', 45003] },
      { row: 4, cells: [null, 'Заповед', 'TRUE'] },
    ]);
  });
});

describe('strings', () => {
  it('reads shared strings: plain, rich-text runs, phonetic runs left out, entities, spaces kept, _xHHHH_ escapes', async () => {
    const shared =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<si><t>plain</t></si>' +
      '<si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">1.1.1. </t></r><r><t>Работна група</t></r></si>' +
      '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><t>A &amp; B &lt;i&gt; &quot;q&quot; &apos;a&apos; &#1044;&#x416; &#128512;</t></si>' +
      '<si><t xml:space="preserve">  two  spaces  </t></si>' +
      '<si><t>line_x000D_\r\nbreak _x005F_x0041_</t></si>' +
      '<si><t/></si>' +
      '</sst>';
    const refs = [0, 1, 2, 3, 4, 5, 6].map((i) => `<c t="s"><v>${i}</v></c>`).join('');
    expect(await cells(sheetBook(`<row r="1">${refs}</row>`, { sharedStrings: shared }))).toEqual({
      1: ['plain', '1.1.1. Работна група', '東京', 'A & B <i> "q" \'a\' ДЖ 😀', '  two  spaces  ', 'line\r\nbreak _x0041_', ''],
    });
  });

  it('strips control and bidi-override characters from texts and sheet names, however written (_xHHHH_, entities, as they are)', async () => {
    const shared =
      '<sst><si><t>1.1.1. Зад_x0000_ача_x001B_[31m</t></si><si><t>Отговорник &#x202E;txt.exe&#x202C;</t></si><si><t>a\u202Eb\u2066c</t></si></sst>';
    const row =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
      '<c r="D1" t="inlineStr"><is><t>x_x0007_y</t></is></c><c r="E1" t="str"><v>p_x200F_q</v></c></row>';
    const bytes = book([sheetXml(row)], { sharedStrings: shared, workbookXml: workbookXml(['План\u202E1_x0000_']).replace('План\u202E1', 'План&#x202E;1') });
    const [sheet] = await readXlsx(bytes, 'plan.xlsx');
    expect(sheet!.name).toBe('План1_x0000_');
    expect(sheet!.rows[0]!.cells).toEqual(['1.1.1. Задача[31m', 'Отговорник txt.exe', 'abc', 'xy', 'pq']);
  });

  it('reads inline strings, rich inline strings and formula strings (t="str")', async () => {
    const row =
      '<row r="1">' +
      '<c r="A1" t="inlineStr"><is><t>&lt;script&gt;alert(1)&lt;/script&gt;</t></is></c>' +
      '<c r="B1" t="inlineStr"><is><r><t>Ра</t></r><r><rPr><i/></rPr><t>бота</t></r></is></c>' +
      '<c r="C1" t="str"><f>A1&amp;"!"</f><v>a &amp;amp; b</v></c>' +
      '<c r="D1" t="inlineStr"/>' +
      '</row>';
    expect(await cells(sheetBook(row))).toEqual({ 1: ['<script>alert(1)</script>', 'Работа', 'a &amp; b'] });
  });

  it('keeps a shared string index that leads nowhere empty', async () => {
    const row = '<row r="1"><c r="A1" t="s"><v>7</v></c><c r="B1" t="s"><v>-1</v></c><c r="C1" t="s"><v>__proto__</v></c><c r="D1" t="s"><v>0</v></c></row>';
    expect(await cells(sheetBook(row, { sharedStrings: sharedStringsXml(['a']) }))).toEqual({ 1: [null, null, null, 'a'] });
  });

  it('reads text that is not UTF-8 with U+FFFD in place of the broken bytes', async () => {
    const sheet = Buffer.from(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>aXXb</t></is></c></row>'));
    const at = sheet.indexOf('XX');
    sheet[at] = 0xff;
    sheet[at + 1] = 0xc3;
    expect(await cells(book([new Uint8Array(sheet)]))).toEqual({ 1: ['a\ufffd\ufffdb'] });
  });
});

describe('numbers, dates, booleans, errors and formulas', () => {
  const styles =
    '<styleSheet><numFmts count="3"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00 &quot;лв.&quot;"/>' +
    '<numFmt numFmtId="166" formatCode="[$-402]d mmmm yyyy &quot;г.&quot;"/></numFmts>' +
    '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
    '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="20"/><xf numFmtId="166"/></cellXfs>' +
    '<dxfs count="1"><dxf><numFmt numFmtId="167" formatCode="yyyy"/></dxf></dxfs></styleSheet>';

  it('reads numbers as numbers, and as UTC dates where their style shows a date (1900 system)', async () => {
    const row =
      '<row r="1">' +
      '<c r="A1"><v>45000</v></c>' +
      '<c r="B1" s="1"><v>45000</v></c>' +
      '<c r="C1" s="2"><v>45000.5</v></c>' +
      '<c r="D1" s="3"><v>45000.5</v></c>' +
      '<c r="E1" s="4"><v>0.75</v></c>' +
      '<c r="F1" s="5" t="n"><v>61</v></c>' +
      '<c r="G1" s="1"><v>1e308</v></c>' +
      '<c r="H1"><v>-1.5E-3</v></c>' +
      '<c r="I1" s="99"><v>45000</v></c>' +
      '</row>';
    expect(await cells(sheetBook(row, { styles }))).toEqual({
      1: [45000, utc(2023, 3, 15), 45000.5, utc(2023, 3, 15, 12), new Date(Date.UTC(1899, 11, 30, 18)), utc(1900, 3, 1), '#######', -0.0015, 45000],
    });
  });

  it('reads dates of a workbook in the 1904 date system', async () => {
    const workbook = workbookXml(['План']).replace('<sheets>', '<workbookPr date1904="1"/><sheets>');
    const row = '<row r="1"><c r="A1" s="1"><v>43538</v></c><c r="B1" s="1"><v>0</v></c><c r="C1"><v>43538</v></c></row>';
    expect(await cells(sheetBook(row, { styles: DATE_STYLES, workbookXml: workbook }))).toEqual({ 1: [utc(2023, 3, 15), utc(1904, 1, 1), 43538] });
  });

  it('converts serials as exceljs does', () => {
    expect(excelDate(25_569, false)).toEqual(utc(1970, 1, 1));
    expect(excelDate(61, false)).toEqual(utc(1900, 3, 1));
    // Before 1 March 1900 Excel counts a 29 February that never was: exceljs gives the day before Excel's.
    expect(excelDate(1, false)).toEqual(utc(1899, 12, 31));
    expect(excelDate(0, true)).toEqual(utc(1904, 1, 1));
    expect(excelDate(-1e308, false)).toBe('#######');
  });

  it('tells date formats from number formats', () => {
    for (const code of ['dd.mm.yyyy', 'd.m.yyyy', 'DD/MM/YYYY', 'h:mm', '[h]:mm:ss', 'mmm-yy', '[$-402]d mmmm yyyy', 'yyyy"г."']) {
      expect(isDateFormat(code), code).toBe(true);
    }
    for (const code of ['General', '0.00', '#,##0 "лв."', '0 "days"', '[Red]0.00', '0.00E+00', '@', '_-* #,##0.00\\ _л_в_-', '0\\d']) {
      expect(isDateFormat(code), code).toBe(false);
    }
  });

  it('reads ISO dates (t="d"), booleans (t="b") and errors (t="e")', async () => {
    const row =
      '<row r="1">' +
      '<c r="A1" t="d"><v>2023-03-15</v></c>' +
      '<c r="B1" t="d"><v>2023-03-15T12:00:00</v></c>' +
      '<c r="C1" t="d"><v>не е дата</v></c>' +
      '<c r="D1" t="b"><v>1</v></c>' +
      '<c r="E1" t="b"><v>0</v></c>' +
      '<c r="F1" t="e"><v>#N/A</v></c>' +
      '<c r="G1" t="e"><v>#DIV/0!</v></c>' +
      '</row>';
    expect(await cells(sheetBook(row))).toEqual({ 1: [utc(2023, 3, 15), utc(2023, 3, 15, 12), 'не е дата', 'TRUE', 'FALSE', '#N/A', '#DIV/0!'] });
  });

  it('gives a formula the result Excel saved with it, typed as any cell, and nothing without one', async () => {
    const row =
      '<row r="1">' +
      '<c r="A1"><f>1+2</f><v>3</v></c>' +
      '<c r="B1" s="1"><f>DATE(2023,3,15)</f><v>45000</v></c>' +
      '<c r="C1" t="b"><f>TRUE()</f><v>1</v></c>' +
      '<c r="D1" t="e"><f>NA()</f><v>#N/A</v></c>' +
      '<c r="E1"><f t="shared" ref="E1:E2" si="0">A1*2</f><v>6</v></c>' +
      '<c r="F1"><f>WEBSERVICE("http://evil.example")</f></c>' +
      '</row>' +
      '<row r="2"><c r="E2"><f t="shared" si="0"/><v>8</v></c></row>';
    expect(await cells(sheetBook(row, { styles: DATE_STYLES }))).toEqual({ 1: [3, utc(2023, 3, 15), 'TRUE', '#N/A', 6], 2: [null, null, null, null, 8] });
  });

  it('keeps text that is no number as it stands', async () => {
    const row = '<row r="1"><c r="A1" t="n"><v>abc</v></c><c r="B1" t="zzz"><v>1</v></c><c r="C1"><v></v></c><c r="D1"><v>Infinity</v></c></row>';
    expect(await cells(sheetBook(row))).toEqual({ 1: ['abc', 1, null, 'Infinity'] });
  });
});

describe('rows and cells', () => {
  it('places rows and cells without an r attribute after the one before', async () => {
    const rows =
      '<row><c t="inlineStr"><is><t>A1</t></is></c><c t="inlineStr"><is><t>B1</t></is></c></row>' +
      '<row r="3"><c r="C3"><v>3</v></c><c><v>4</v></c><c r="A3"><v>1</v></c></row>' +
      '<row><c r="b4"><v>2</v></c></row>' +
      '<row r="7"/>';
    const [sheet] = await readXlsx(sheetBook(rows), 'plan.xlsx');
    expect(sheet!.rows).toEqual([
      { row: 1, cells: ['A1', 'B1'] },
      { row: 3, cells: [1, null, 3, 4] },
      { row: 4, cells: [null, 2] },
      { row: 7, cells: [] },
    ]);
  });

  it('reads sheets in the order of their tabs, by their relationships (relative or absolute), under their names', async () => {
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="./worksheets/../worksheets/sheet2.xml"/>' +
      '</Relationships>';
    const workbook =
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheets><sheet name="Второ &amp; последно" sheetId="2" r:id="rId2"/><sheet name="Първо" sheetId="1" r:id="rId1"/></sheets></workbook>';
    const one = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
    const two = sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>');
    const sheets = await readXlsx(book([one, two], { workbookXml: workbook, workbookRels: rels }), 'plan.xlsx');
    expect(sheets.map((sheet) => [sheet.name, sheet.rows[0]!.cells[0]])).toEqual([
      ['Второ & последно', 2],
      ['Първо', 1],
    ]);
  });

  it('reads the worksheet parts of a workbook that lists none of them', async () => {
    const sheets = await readXlsx(book([sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>')], { workbookXml: '<workbook/>' }), 'plan.xlsx');
    expect(sheets).toEqual([{ name: 'Sheet1', rows: [{ row: 1, cells: [1] }] }]);
  });

  it('keeps only the first rows asked for, and still counts the rest against the limits', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const [sheet] = await readXlsx(sheetBook(rows), 'plan.xlsx', 3);
    expect(sheet!.rows.map((row) => row.row)).toEqual([1, 2, 3]);
    const tooMany = '<row r="1"/>'.repeat(100_001);
    expect(await failure(sheetBook(tooMany))).toBe('plan.xlsx: refused: the file has more than 100,000 rows (the limit for a plan; reached at sheet "План", row 1)');
  });

  it('reads merge ranges and hidden rows; a merge ref that is no range is skipped', async () => {
    const rows = '<row r="1" hidden="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row><row r="2" hidden="0"><c r="A2"><v>2</v></c></row><row r="3" hidden="true"/>';
    const merges =
      '<mergeCells count="7"><mergeCell ref="A1:C1"/><mergeCell ref="b2:B3"/><mergeCell ref="A1"/><mergeCell ref="C3:A1"/><mergeCell ref="A1:XFE1"/>' +
      '<mergeCell ref="A2:XFD1048576"/><mergeCell ref="A9:B9"/></mergeCells>';
    const [sheet] = await readXlsx(book([sheetXml(rows, merges)]), 'plan.xlsx');
    expect(sheet!.rows).toEqual([
      { row: 1, cells: [1, null, 3], hidden: true },
      { row: 2, cells: [2] },
      { row: 3, cells: [], hidden: true },
    ]);
    // A merge is cut where the rows and cells read end; one below them is dropped.
    expect(sheet!.merges).toEqual([
      { top: 1, left: 0, bottom: 1, right: 2 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 0, bottom: 3, right: 2 },
    ]);
  });

  it('ignores what is not cell data: comments, processing instructions, CDATA, other elements', async () => {
    const rows = '<!-- a comment <row r="9"/> --><?pi x?><row r="1"><c r="A1" t="inlineStr"><is><t>a<!-- c -->b<![CDATA[<x>]]></t></is></c></row>';
    const xml = sheetXml(rows, '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>').replace('<sheetData>', '<cols><col min="1" max="1"/></cols><sheetData>');
    expect(await cells(book([xml]))).toEqual({ 1: ['ab'] });
  });
});

describe('broken and hostile XML', () => {
  it('says where the XML breaks', async () => {
    expect(await failure(sheetBook('<row r="1"><c r="A1"></row></c>'))).toMatch(
      /^plan\.xlsx: the workbook could not be read \(xl\/worksheets\/sheet1\.xml, line 1, column \d+: <\/row> where <\/c> was due\)$/,
    );
    expect(await failure(sheetBook('<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>'))).toMatch(/"&nbsp;" is not an entity XML knows/);
    expect(await failure(sheetBook('<row r="1"><c r="A1" t="inlineStr"><is><t>a &amp b</t></is></c></row>'))).toMatch(/a "&" that starts no entity/);
    expect(await failure(sheetBook('<row r="1"><c r="A1" t="inlineStr"><is><t>&#0;</t></is></c></row>'))).toMatch(/"&#0;" stands for a character XML does not allow/);
    expect(await failure(sheetBook('<row r="1"><c r="A1" t="inlineStr"><is><t>a\u0001b</t></is></c></row>'))).toMatch(/character U\+0001 is not allowed in XML/);
    expect(await failure(sheetBook('<row r="1"><c r="A1" t="s><v>0</v></c></row>'))).toMatch(/could not be read/);
    expect(await failure(book(['garbage']))).toMatch(/xl\/worksheets\/sheet1\.xml, line 1, column 1: text outside the root element/);
    expect(await failure(book([sheetXml('<row r="1">').replace('</sheetData>', '')]))).toMatch(/the XML ends before <\/row>|<\/worksheet> where <\/row> was due/);
  });

  it('refuses cells beyond column XFD and rows whose number is no number', async () => {
    expect(await failure(sheetBook('<row r="1"><c r="XFE1"><v>1</v></c></row>'))).toMatch(/the cell "XFE1" is beyond column XFD/);
    expect(await failure(sheetBook('<row r="x"><c r="A1"><v>1</v></c></row>'))).toMatch(/the row number "x" is not a number/);
    expect(await cells(sheetBook('<row r="1"><c r="XFD1"><v>1</v></c></row>'))).toEqual({ 1: [...Array(16_383).fill(null), 1] });
  });

  it('refuses a DTD and absurd nesting in any part, naming the part', async () => {
    expect(await failure(sheetBook('<row r="1"/>', { sharedStrings: '<!DOCTYPE s [<!ENTITY a "x">]><sst/>' }))).toBe(
      'plan.xlsx: refused: xl/sharedStrings.xml holds a DTD or entity declarations (<!DOCTYPE ...>), which no spreadsheet or document has',
    );
    expect(await failure(sheetBook('<row r="1"/>', { styles: `<styleSheet>${'<x>'.repeat(64)}${'</x>'.repeat(64)}</styleSheet>` }))).toBe(
      'plan.xlsx: refused: xl/styles.xml nests its XML elements more than 64 deep, which no spreadsheet or document does',
    );
    expect(await cells(sheetBook(`${'<a>'.repeat(60)}${'</a>'.repeat(60)}<row r="1"><c r="A1"><v>1</v></c></row>`))).toEqual({ 1: [1] });
  });

  it('tells the refusal in Bulgarian as well', async () => {
    const error = await readXlsx(sheetBook('<row r="1"><c r="A1"></row></c>'), 'plan.xlsx').catch((e: ImportError) => e);
    expect((error as ImportError).in('bg')).toMatch(/^plan\.xlsx: работната книга не може да бъде прочетена \(xl\/worksheets\/sheet1\.xml, ред 1, колона \d+: /);
  });
});

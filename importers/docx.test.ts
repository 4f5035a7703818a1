import { describe, expect, it } from 'vitest';
import { docx, documentXml, paragraphXml, tableXml } from '../tests/hostile/document-builder';
import { readDocx } from './docx';
import { ImportError } from './import-error';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
/** One table of one row, one cell holding the given <w:p> XML. */
const cellDoc = (paragraphs: string, numbering?: string) =>
  docx([{ raw: `<w:tbl><w:tr><w:tc>${paragraphs}</w:tc></w:tr></w:tbl>` }], { numbering });
const firstCell = async (bytes: Uint8Array) => (await readDocx(bytes, 'plan.docx'))[0]!.rows[0]!.cells[0];

async function failure(bytes: Uint8Array): Promise<string> {
  const error = await readDocx(bytes, 'plan.docx').then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).message;
}

describe('readDocx: tables', () => {
  it('reads each table as a sheet, with the paragraphs above it as its heading', async () => {
    const sheets = await readDocx(
      docx([
        { paragraph: 'УТВЪРЖДАВАМ:' },
        { paragraph: '' },
        { paragraph: 'ПЛАН ЗА ПОДОБРЕНИЕ 2023-2024' },
        { table: [['Мярка', 'Дейност'], ['1.1. М', '1.1.1. Д']], headerRows: 1 },
        { paragraph: 'Област 2: Хора' },
        { table: [['2.1. М', '2.1.1. Д']] },
        { paragraph: 'Подпис' },
      ]),
      'plan.docx',
    );
    expect(sheets).toEqual([
      {
        name: 'Таблица 1',
        heading: ['УТВЪРЖДАВАМ:', 'ПЛАН ЗА ПОДОБРЕНИЕ 2023-2024'],
        rows: [
          { row: 1, cells: ['Мярка', 'Дейност'], header: true },
          { row: 2, cells: ['1.1. М', '1.1.1. Д'] },
        ],
      },
      { name: 'Таблица 2', heading: ['Област 2: Хора'], rows: [{ row: 1, cells: ['2.1. М', '2.1.1. Д'] }] },
    ]);
  });

  it('keeps the value of a merged area row in its first cell and records the gridSpan', async () => {
    const [sheet] = await readDocx(docx([{ table: [['Мярка', 'Дейност', 'Начало'], [{ text: 'Област 1: Лидерство', span: 3 }], ['1.1. М', '1.1.1. Д', '01.03.2023']] }]), 'plan.docx');
    expect(sheet!.rows[1]).toEqual({ row: 2, cells: ['Област 1: Лидерство'] });
    expect(sheet!.rows[2]!.cells).toEqual(['1.1. М', '1.1.1. Д', '01.03.2023']);
    expect(sheet!.merges).toEqual([{ top: 2, left: 0, bottom: 2, right: 2 }]);
  });

  it('reads an area row merged across with the older w:hMerge (documents from Word 97-2003) as one merged cell', async () => {
    const h = (value: 'restart' | null, text = '') => ({ raw: `<w:tc><w:tcPr><w:hMerge${value ? ` w:val="${value}"` : ''}/></w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>` });
    const [sheet] = await readDocx(docx([{ table: [['Мярка', 'Дейност', 'Начало'], [h('restart', 'Област 1: Лидерство'), h(null), h(null)], ['1.1. М', '1.1.1. Д', '01.03.2023']] }]), 'plan.docx');
    expect(sheet!.rows.map((row) => row.cells)).toEqual([['Мярка', 'Дейност', 'Начало'], ['Област 1: Лидерство'], ['1.1. М', '1.1.1. Д', '01.03.2023']]);
    expect(sheet!.merges).toEqual([{ top: 2, left: 0, bottom: 2, right: 2 }]);
  });

  it('keeps the value of a measure merged down (vMerge) in its top cell and records the range', async () => {
    const [sheet] = await readDocx(
      docx([
        {
          table: [
            ['Мярка', 'Дейност'],
            [{ text: '1.1. Мярка', vMerge: 'restart' }, '1.1.1. Първа'],
            [{ vMerge: 'continue' }, '1.1.2. Втора'],
            [{ vMerge: 'continue' }, '1.1.3. Трета'],
            [{ text: '1.2. Друга', vMerge: 'restart' }, '1.2.1. Д'],
            ['1.3. Сама', '1.3.1. Д'],
          ],
        },
      ]),
      'plan.docx',
    );
    expect(sheet!.rows.map((row) => row.cells)).toEqual([
      ['Мярка', 'Дейност'],
      ['1.1. Мярка', '1.1.1. Първа'],
      [null, '1.1.2. Втора'],
      [null, '1.1.3. Трета'],
      ['1.2. Друга', '1.2.1. Д'],
      ['1.3. Сама', '1.3.1. Д'],
    ]);
    // A restart that nothing continues is no merge.
    expect(sheet!.merges).toEqual([{ top: 2, left: 0, bottom: 4, right: 0 }]);
  });

  it('reads a two-row header with a merged group header: the group across, the cells beside it merged down', async () => {
    const [sheet] = await readDocx(
      docx([
        {
          table: [
            [{ text: 'Мярка', vMerge: 'restart' }, { text: 'Дейност', vMerge: 'restart' }, { text: 'Срок', span: 2 }],
            [{ vMerge: 'continue' }, { vMerge: 'continue' }, 'Начало', 'Край'],
            ['1.1. М', '1.1.1. Д', '01.03.2023', '30.06.2023'],
          ],
          headerRows: 2,
        },
      ]),
      'plan.docx',
    );
    expect(sheet!.rows).toEqual([
      { row: 1, cells: ['Мярка', 'Дейност', 'Срок'], header: true },
      { row: 2, cells: [null, null, 'Начало', 'Край'], header: true },
      { row: 3, cells: ['1.1. М', '1.1.1. Д', '01.03.2023', '30.06.2023'] },
    ]);
    expect(sheet!.merges).toEqual([
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 3 },
    ]);
  });

  it('places cells by grid column after w:gridBefore, and marks hidden rows; drops rows deleted with tracked changes', async () => {
    const rows =
      '<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr>' +
      '<w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr><w:tc><w:p><w:r><w:t>deleted</w:t></w:r></w:p></w:tc></w:tr>' +
      '<w:tr><w:trPr><w:hidden/></w:trPr><w:tc><w:p><w:r><w:t>hidden</w:t></w:r></w:p></w:tc></w:tr>';
    const [sheet] = await readDocx(docx([{ raw: `<w:tbl>${rows}</w:tbl>` }]), 'plan.docx');
    expect(sheet!.rows).toEqual([
      { row: 1, cells: [null, null, 'c'] },
      { row: 2, cells: ['hidden'], hidden: true },
    ]);
  });

  it('joins a table split at a page break (no text between, the same first row or the same columns) to the table before, rows and merges numbered on', async () => {
    const header = ['Мярка', 'Дейност'];
    const sheets = await readDocx(
      docx([
        { paragraph: 'Област 1' },
        { table: [header, [{ text: '1.1. М', vMerge: 'restart' }, '1.1.1. Д']], headerRows: 1 },
        { paragraph: '' },
        { table: [header, [{ vMerge: 'restart' }, '1.1.2. Д'], [{ vMerge: 'continue' }, '1.1.3. Д']], headerRows: 1 },
        { table: [['1.2. М', '1.2.1. Д']] },
        { paragraph: 'Област 2' },
        { table: [header, ['2.1. М', '2.1.1. Д']] },
        { table: [['един', 'ред', 'по-широк']] },
      ]),
      'plan.docx',
    );
    expect(sheets.map((sheet) => [sheet.name, sheet.heading, sheet.rows.map((row) => [row.row, row.cells[1]])])).toEqual([
      ['Таблица 1', ['Област 1'], [[1, 'Дейност'], [2, '1.1.1. Д'], [3, 'Дейност'], [4, '1.1.2. Д'], [5, '1.1.3. Д'], [6, '1.2.1. Д']]],
      ['Таблица 2', ['Област 2'], [[1, 'Дейност'], [2, '2.1.1. Д']]],
      ['Таблица 3', undefined, [[1, 'ред']]],
    ]);
    expect(sheets[0]!.merges).toEqual([{ top: 4, left: 0, bottom: 5, right: 0 }]);
  });

  it('keeps only the first rows asked for, and counts all of them', async () => {
    const table = Array.from({ length: 20 }, (_, i) => [`р${i}`]);
    const [sheet] = await readDocx(docx([{ table }]), 'plan.docx', 3);
    expect(sheet!.rows.map((row) => row.cells[0])).toEqual(['р0', 'р1', 'р2']);
  });
});

describe('readDocx: text in cells', () => {
  it('joins paragraphs with "\\n"; w:br and w:cr are line breaks, w:tab a space; empty paragraphs at the ends dropped', async () => {
    const p = '<w:p/><w:p><w:r><w:t>Главен</w:t><w:tab/><w:t>секретар</w:t></w:r></w:p><w:p><w:r><w:t>Директор</w:t><w:br/><w:t>АПОФУС</w:t><w:cr/><w:t>x</w:t></w:r></w:p><w:p/>';
    expect(await firstCell(cellDoc(p))).toBe('Главен секретар\nДиректор\nАПОФУС\nx');
  });

  it('reads what Word shows: inserted text, field results, links, content controls; not deleted or hidden text, field codes, drawings', async () => {
    const p =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:vanish/></w:rPr></w:pPr>' +
      '<w:r><w:t xml:space="preserve">A </w:t></w:r>' +
      '<w:ins w:id="1"><w:r><w:t>B</w:t></w:r></w:ins>' +
      '<w:del w:id="2"><w:r><w:delText>DELETED</w:delText></w:r></w:del>' +
      '<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>' +
      '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>C</w:t></w:r>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE \\@ "dd.MM.yyyy"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>01.03.2023</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:fldSimple w:instr="PAGE"><w:r><w:t>7</w:t></w:r></w:fldSimple>' +
      '<w:hyperlink r:id="rId5" xmlns:r="r"><w:r><w:t>връзка</w:t></w:r></w:hyperlink>' +
      '<w:sdt><w:sdtPr><w:placeholder><w:docPart w:val="x"/></w:placeholder><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>поле</w:t></w:r></w:sdtContent></w:sdt>' +
      '<w:r><w:drawing><wp:inline xmlns:wp="wp"><w:t>IN A DRAWING</w:t></wp:inline></w:drawing><w:t>-</w:t><w:noBreakHyphen/><w:t>край</w:t></w:r>' +
      '<w:moveFrom w:id="3"><w:r><w:t>MOVED AWAY</w:t></w:r></w:moveFrom>' +
      '</w:p>';
    expect(await firstCell(cellDoc(p))).toBe('A BC01.03.20237връзкаполе--край');
  });

  it('flattens a table in a cell into the cell, a line per paragraph', async () => {
    const nested = tableXml([['вътре 1', 'вътре 2'], ['вътре 3', null]]);
    expect(await firstCell(cellDoc(`${paragraphXml('преди')}${nested}${paragraphXml('след')}`))).toBe('преди\nвътре 1\nвътре 2\nвътре 3\nслед');
  });

  it('reads content controls around rows and cells, and around block paragraphs and tables', async () => {
    const sdt = (inner: string) => `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
    const table = `<w:tbl>${sdt(`<w:tr>${sdt('<w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>')}<w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>`)}</w:tbl>`;
    const sheets = await readDocx(docx([{ raw: sdt(paragraphXml('Заглавие') + table) }]), 'plan.docx');
    expect(sheets).toEqual([{ name: 'Таблица 1', heading: ['Заглавие'], rows: [{ row: 1, cells: ['a', 'b'] }] }]);
  });
});

describe('readDocx: automatic numbering', () => {
  const numbering =
    `<w:numbering ${W}>` +
    '<w:abstractNum w:abstractNumId="0">' +
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>' +
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>' +
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3."/><w:suff w:val="nothing"/></w:lvl>' +
    '</w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>' +
    '<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>' +
    '</w:numbering>';
  const numbered = (numId: number, level: number, text: string) =>
    `<w:p><w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

  it('writes the numbers of decimal lists "1." and "1.1." in front of the text, as Word shows them', async () => {
    const rows = [
      [numbered(1, 0, 'Област'), numbered(1, 1, 'Мярка'), numbered(1, 2, 'Дейност')],
      ['', numbered(1, 1, 'Мярка'), numbered(1, 2, 'Дейност')],
      ['', '', numbered(1, 2, 'Дейност')],
      [numbered(1, 0, 'Област'), numbered(1, 1, 'Мярка'), numbered(2, 0, 'точка')],
      [numbered(3, 0, 'римско'), numbered(4, 0, 'отначало'), numbered(9, 0, 'няма такъв списък')],
    ];
    const xml = rows.map((cells) => `<w:tr>${cells.map((p) => `<w:tc>${p || '<w:p/>'}</w:tc>`).join('')}</w:tr>`).join('');
    const [sheet] = await readDocx(docx([{ raw: `<w:tbl>${xml}</w:tbl>` }], { numbering }), 'plan.docx');
    expect(sheet!.rows.map((row) => row.cells)).toEqual([
      ['1. Област', '1.1. Мярка', '1.1.1.Дейност'],
      [null, '1.2. Мярка', '1.2.1.Дейност'],
      [null, null, '1.2.2.Дейност'],
      ['2. Област', '2.1. Мярка', 'точка'],
      ['III) римско', '5. отначало', 'няма такъв списък'],
    ]);
  });

  it('holds a list to what Word can write: a start of 0 to 32,767, letters up to "zzz", a level text of 255 characters', async () => {
    const list = (id: number, start: string, format: string, text: string) =>
      `<w:abstractNum w:abstractNumId="${id}"><w:lvl w:ilvl="0"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl></w:abstractNum><w:num w:numId="${id}"><w:abstractNumId w:val="${id}"/></w:num>`;
    const lists = `<w:numbering ${W}>${list(1, '78', 'lowerLetter', '%1)')}${list(2, '1000000000', 'lowerLetter', '%1)')}${list(3, '1e300', 'upperLetter', '%1)')}${list(4, '2', 'decimal', '%1'.repeat(1000))}</w:numbering>`;
    const rows = [[numbered(1, 0, 'а'), numbered(2, 0, 'б'), numbered(3, 0, 'в'), numbered(4, 0, 'г')], [numbered(1, 0, 'д'), '', '', '']];
    const xml = rows.map((cells) => `<w:tr>${cells.map((p) => `<w:tc>${p || '<w:p/>'}</w:tc>`).join('')}</w:tr>`).join('');
    const [sheet] = await readDocx(docx([{ raw: `<w:tbl>${xml}</w:tbl>` }], { numbering: lists }), 'plan.docx');
    expect(sheet!.rows.map((row) => row.cells)).toEqual([
      // A start Word could not have written is 1; the level text is cut at 255 characters.
      ['zzz) а', 'a) б', 'A) в', `${'2'.repeat(127)}% г`],
      ['79) д'],
    ]);
  });

  it('shows no numbers without word/numbering.xml', async () => {
    expect(await firstCell(cellDoc(numbered(1, 0, 'Област')))).toBe('Област');
  });
});

describe('readDocx: broken and hostile files', () => {
  it('says where the XML of the document breaks', async () => {
    expect(await failure(docx([], { documentXml: documentXml('<w:p><w:r></w:p>') }))).toMatch(
      /^plan\.docx: the document could not be read \(word\/document\.xml, line 1, column \d+: <\/w:p> where <\/w:r> was due\)$/,
    );
  });

  it('refuses a DTD and absurd nesting', async () => {
    expect(await failure(docx([], { documentXml: `<!DOCTYPE d [<!ENTITY a "x">]>${documentXml('')}` }))).toBe(
      'plan.docx: refused: word/document.xml holds a DTD or entity declarations (<!DOCTYPE ...>), which no spreadsheet or document has',
    );
    const nested = '<w:tbl><w:tr><w:tc>'.repeat(30) + '</w:tc></w:tr></w:tbl>'.repeat(30);
    expect(await failure(docx([{ raw: nested }]))).toBe('plan.docx: refused: word/document.xml nests its XML elements more than 64 deep, which no spreadsheet or document does');
  });

  it('refuses a zip without word/document.xml, and a row wider than any table', async () => {
    expect(await failure(docx([], { documentXml: undefined, extra: [] }).subarray(0, 10))).toMatch(/^plan\.docx: the file is damaged or truncated/);
    const wide = `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999"/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>`;
    expect(await failure(docx([{ raw: wide }]))).toMatch(/a table row wider than 16384 columns/);
  });
});

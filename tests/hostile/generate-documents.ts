/**
 * Hostile Word (.docx) and LibreOffice (.ods, .odt) files, made on the fly like the rest of the
 * corpus (tests/hostile/generate.ts): bombs, nesting, DTDs, huge and repeated tables.
 */
import { contentXml, docx, documentXml, lovechDocx, lovechOds, odsTableXml, openDocument, paragraphXml, tableXml } from './document-builder';
import { deflatedZeros, MB, once, zipWithRawEntry, type Expectation, type HostileFile } from './generate';
import { PLAN_HEADER, planRows } from './xlsx-builder';

const CATEGORY = 'Word and Calc files';
const planTable = () => planRows().slice(1) as (string | null)[][];
const planDocx = (extra = '') => docx([{ paragraph: 'ПЛАН ЗА ПОДОБРЕНИЕ 2023-2024' }, { table: planTable() }, { raw: extra }]);
const odsRow = (cells: string) => `<table:table-row>${cells}</table:table-row>`;
const odsText = (text: string, attributes = '') => `<table:table-cell office:value-type="string"${attributes}><text:p>${text}</text:p></table:table-cell>`;
const odsPlanRows = () => planRows().map((cells) => odsRow(cells.map((cell) => (cell === null ? '<table:table-cell/>' : odsText(String(cell)))).join(''))).join('');
const ods = (rows: string) => openDocument(`<table:table table:name="План">${rows}</table:table>`);
const numbering = (start: string, format: string, text: string) =>
  `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
const numberedParagraph = (text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const DTD = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';

export function documentFiles(): HostileFile[] {
  const files: [string, string, () => Uint8Array | Promise<Uint8Array>, Expectation, RegExp?, boolean?][] = [
    ['docx/lovech', 'plan.docx', async () => (await lovechDocx()).bytes, 'parsed'],
    ['ods/lovech', 'plan.ods', lovechOds, 'parsed'],
    ['docx/truncated', 'plan.docx', async () => (await lovechDocx()).bytes.subarray(0, 3000), 'refused', /damaged or truncated/],
    ['ods/truncated', 'plan.ods', async () => (await lovechOds()).subarray(0, 1000), 'refused', /damaged or truncated/],
    // Zip bombs: one entry that unpacks 150 MB of zeros.
    ['docx/zip-bomb-ratio', 'plan.docx', once(async () => zipWithRawEntry('word/document.xml', await deflatedZeros(150 * MB), 0, 150 * MB, [{ name: '[Content_Types].xml', data: '<Types/>' }])), 'refused', /would unpack to 150 MB \(limit 50 MB\).*zip bomb/, true],
    ['ods/zip-bomb-ratio', 'plan.ods', once(async () => zipWithRawEntry('content.xml', await deflatedZeros(150 * MB), 0, 150 * MB, [{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', deflate: false }])), 'refused', /would unpack to 150 MB \(limit 50 MB\).*zip bomb/, true],
    // Nesting.
    ['docx/tables-nested-1000-deep', 'plan.docx', () => planDocx('<w:tbl><w:tr><w:tc>'.repeat(1000) + '<w:p/>' + '</w:tc></w:tr></w:tbl>'.repeat(1000)), 'refused', /word\/document\.xml nests its XML elements more than 64 deep/],
    ['docx/tables-nested-15-deep', 'plan.docx', () => planDocx('<w:tbl><w:tr><w:tc>'.repeat(15) + paragraphXml('дълбоко') + '</w:tc></w:tr></w:tbl>'.repeat(15)), 'parsed'],
    ['docx/runs-nested-100000-unclosed', 'plan.docx', () => docx([], { documentXml: documentXml(paragraphXml('x') + '<w:p>' + '<w:r>'.repeat(100_000)).replace('</w:body></w:document>', '') }), 'refused', /more than 64 deep/],
    ['ods/spans-nested-100000', 'plan.ods', () => ods(odsPlanRows() + odsRow(`<table:table-cell>${'<text:p><text:span>'.repeat(50_000)}</table:table-cell>`)), 'refused', /content\.xml nests its XML elements more than 64 deep/],
    // DTDs and entities.
    ['docx/dtd-in-document', 'plan.docx', () => docx([], { documentXml: DTD + documentXml(`<w:p><w:r><w:t>&lol1;</w:t></w:r></w:p>${tableXml(planTable())}`) }), 'refused', /word\/document\.xml holds a DTD/],
    ['docx/dtd-in-numbering', 'plan.docx', () => docx([{ table: planTable() }], { numbering: `${DTD}<w:numbering xmlns:w="w"/>` }), 'refused', /word\/numbering\.xml holds a DTD/],
    ['docx/external-entity', 'plan.docx', () => docx([], { documentXml: `<!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${documentXml('<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>')}` }), 'refused', /holds a DTD/],
    ['ods/dtd-in-content', 'plan.ods', () => openDocument('', 'spreadsheet', { contentXml: DTD + contentXml(`<table:table table:name="П">${odsRow(odsText('&lol1;'))}</table:table>`) }), 'refused', /content\.xml holds a DTD/],
    // Huge tables.
    ['docx/200000-rows', 'plan.docx', once(() => docx([{ table: [PLAN_HEADER, ...Array.from({ length: 200_000 }, (_, i) => ['1.1. М', `1.1.${i + 1}. Д`])] }])), 'refused', /the file has more than 100,000 rows.*Таблица 1/, true],
    ['ods/200000-rows', 'plan.ods', once(() => ods(odsRow(PLAN_HEADER.map((h) => odsText(h)).join('')) + odsRow(odsText('1.1. М') + odsText('1.1.1. Д')).repeat(200_000))), 'refused', /the file has more than 100,000 rows.*План/, true],
    ['ods/one-row-repeated-200000', 'plan.ods', () => ods(odsPlanRows() + `<table:table-row table:number-rows-repeated="200000">${odsText('1.1. М')}${odsText('1.1.1. Д')}</table:table-row>`), 'refused', /more than 100,000 rows/],
    ['ods/value-in-every-cell', 'plan.ods', () => ods(`<table:table-row table:number-rows-repeated="1048576">${odsText('x', ' table:number-columns-repeated="16384"')}</table:table-row>`), 'refused', /more than 3,000,000 cells \(sheet "План", row \d+ reaches column XFD\)/],
    ['ods/padded-to-last-row-and-column', 'plan.ods', () => openDocument(odsTableXml('План', planRows() as (string | null)[][])), 'parsed'],
    ['ods/repeats-beyond-any-sheet', 'plan.ods', () => ods(odsPlanRows() + `<table:table-row table:number-rows-repeated="999999999999"><table:table-cell table:number-columns-repeated="999999999999"/></table:table-row>`), 'parsed'],
    ['ods/span-over-everything', 'plan.ods', () => ods(odsRow(odsText('x', ' table:number-columns-spanned="16384" table:number-rows-spanned="1048576"')) + odsPlanRows()), 'parsed'],
    ['ods/cell-beyond-last-column', 'plan.ods', () => ods(odsPlanRows() + odsRow(`<table:table-cell table:number-columns-repeated="16384"/>${odsText('x')}`)), 'refused', /a cell beyond column XFD/],
    ['docx/cell-with-nested-table-of-40000-rows', 'plan.docx', () => docx([{ table: [...planTable(), [{ raw: `<w:tc>${tableXml(Array.from({ length: 40_000 }, () => ['вложен ред']))}</w:tc>` }]] }]), 'refused', /holds [\d,]+ characters \(a cell holds at most 32,767\)/],
    ['docx/grid-span-huge', 'plan.docx', () => docx([{ table: [...planTable(), [{ text: 'x', span: 1_000_000_000 }, 'y']] }]), 'refused', /a table row wider than 16384 columns/],
    ['docx/vmerge-continue-without-restart', 'plan.docx', () => docx([{ table: [...planTable(), [{ vMerge: 'continue' }, { vMerge: 'continue' }]] }]), 'parsed'],
    ['docx/100000-paragraphs-above', 'plan.docx', () => docx([...Array.from({ length: 100_000 }, (_, i) => ({ paragraph: `абзац ${i}` })), { paragraph: 'ПЛАН ЗА ПОДОБРЕНИЕ 2023-2024' }, { table: planTable() }]), 'parsed'],
    // Word's numbering made to run away: a list starting at a billion in letters ("a" repeated 38 million times
    // per paragraph), a level text of a million characters, a start beyond any number.
    ['docx/numbering-letters-from-a-billion', 'plan.docx', () => docx([{ raw: numberedParagraph('абзац').repeat(1000) }, { table: planTable() }], { numbering: numbering('1000000000', 'lowerLetter', '%1.') }), 'parsed'],
    ['docx/numbering-level-text-1mb', 'plan.docx', () => docx([{ raw: numberedParagraph('абзац').repeat(10_000) }, { table: planTable() }], { numbering: numbering('1', 'decimal', '%1'.repeat(500_000)) }), 'parsed'],
    ['docx/numbering-start-1e300', 'plan.docx', () => docx([{ raw: numberedParagraph('абзац') }, { table: planTable() }], { numbering: numbering('1e300', 'upperLetter', '%1)') }), 'parsed'],
    ['docx/zip-bomb-numbering', 'plan.docx', once(async () => zipWithRawEntry('word/numbering.xml', await deflatedZeros(150 * MB), 0, 150 * MB, [{ name: 'word/document.xml', data: documentXml(tableXml(planTable())) }])), 'refused', /would unpack to 150 MB \(limit 50 MB\).*zip bomb/, true],
    // Huge tables: 50,000 tables of one row; a table split into 99,000 pieces; 90,000 rows of one merge; rows reaching the last column.
    ['docx/50000-tables', 'plan.docx', () => docx(Array.from({ length: 50_000 }, (_, i) => ({ table: [i % 2 ? ['а', 'б'] : ['а', 'б', 'в']] }))), 'refused', /no header row found/],
    ['docx/table-split-99000-times', 'plan.docx', () => docx([{ table: planTable() }, ...Array.from({ length: 99_000 }, (_, i) => ({ table: [['1.1. М', `1.1.${i + 1}. Д`]] }))]), 'either', undefined, true],
    ['docx/vmerge-over-90000-rows', 'plan.docx', () => docx([{ table: [...planTable(), [{ text: '1.1. М', vMerge: 'restart' }, '1.1.1. Д'], ...Array.from({ length: 90_000 }, (_, i) => [{ vMerge: 'continue' as const }, `1.1.${i + 2}. Д`])] }]), 'either', undefined, true],
    ['docx/rows-reaching-last-column', 'plan.docx', () => docx([], { documentXml: documentXml(tableXml(planTable()).replace('</w:tbl>', `${'<w:tr><w:trPr><w:gridBefore w:val="16383"/></w:trPr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>'.repeat(200)}</w:tbl>`)) }), 'refused', /more than 3,000,000 cells \(sheet "Таблица 1", row \d+ reaches column XFD\)/],
    ['odt/plan-table', 'plan.odt', () => openDocument(`<text:p>ПЛАН 2023-2024</text:p>${odsTableXml('Т', planTable(), false)}`, 'text'), 'parsed'],
  ];
  return files.map(([id, fileName, bytes, expect, message, large]) => ({ id, category: CATEGORY, fileName, expect, message, bytes, large }));
}

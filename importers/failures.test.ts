import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { utf8, workbookBytes } from './test-support';
import { ImportError, parsePlanFile, previewRows } from './index';

const lovech = () => new Uint8Array(readFileSync(new URL('../tests/fixtures/lovech-2022-2024.xlsx', import.meta.url)));

async function failure(bytes: Uint8Array, fileName = 'plan.xlsx'): Promise<string> {
  const error = await parsePlanFile(bytes, fileName).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).message;
}

/** Sets the uncompressed size the central directory declares for the sheet. */
function declareSheetSize(bytes: Uint8Array, size: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  const name = 'xl/worksheets/sheet1.xml';
  for (let at = 0; at < copy.length - 46; at++) {
    const isEntry = view.getUint32(at, true) === 0x02014b50 && view.getUint16(at + 28, true) === name.length;
    if (isEntry && new TextDecoder().decode(copy.subarray(at + 46, at + 46 + name.length)) === name) {
      view.setUint32(at + 24, size, true);
      return copy;
    }
  }
  throw new Error('no central directory entry for the sheet');
}

describe('files that cannot be read', () => {
  it('an empty file', async () => {
    expect(await failure(new Uint8Array())).toBe('plan.xlsx: the file is empty');
  });

  it('a PDF renamed to .xlsx', async () => {
    expect(await failure(utf8('%PDF-1.7\n1 0 obj\n'))).toBe('plan.xlsx: not an Excel .xlsx file (it is a PDF document)');
  });

  it('an old .xls (or an encrypted .xlsx)', async () => {
    expect(await failure(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(
      'plan.xlsx: not an Excel .xlsx file (it is an old .xls file or a password-protected workbook; save it as .xlsx' +
        ' (Excel: File > Save As > Excel Workbook (*.xlsx); LibreOffice: File > Save As > Excel 2007-365 (.xlsx)), without a password)',
    );
    expect(await failure(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'plan.docx')).toBe(
      'plan.docx: not a Word .docx file (it is an old .doc file or a password-protected document; save it as .docx' +
        ' (Word: File > Save As > Word Document (*.docx); LibreOffice: File > Save As > Word 2007-365 (.docx)), without a password)',
    );
  });

  it('old .xls, .doc and .rtf files, in both languages, with how to save them', async () => {
    expect(await failure(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]), 'plan.xls')).toBe(
      'plan.xls: the old Excel 97-2003 format (.xls) is not read; save it as .xlsx' +
        ' (Excel: File > Save As > Excel Workbook (*.xlsx); LibreOffice: File > Save As > Excel 2007-365 (.xlsx))',
    );
    const doc = await parsePlanFile(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]), 'План.DOC').catch((e: ImportError) => e);
    expect((doc as ImportError).in('bg')).toBe(
      'План.DOC: старият формат на Word 97-2003 (.doc) не се чете; запишете го като .docx' +
        ' (Word: Файл > Запиши като > Документ на Word (*.docx); LibreOffice: Файл > Запазване като > Word 2007-365 (.docx))',
    );
    expect(await failure(utf8('{\\rtf1\\ansi x}'), 'plan.rtf')).toMatch(/^plan\.rtf: RTF documents \(\.rtf\) are not read; save it as \.docx \(Word: /);
  });

  it('a .docx that is really RTF or a web page, an .xlsx that is really HTML', async () => {
    expect(await failure(utf8('{\\rtf1\\ansi ПЛАН}'), 'plan.docx')).toMatch(/^plan\.docx: not a Word \.docx file \(it is an RTF document; save it as \.docx \(Word: File > Save As/);
    expect(await failure(utf8('\ufeff<!DOCTYPE html><html><body><table></table></body></html>'), 'plan.docx')).toMatch(
      /^plan\.docx: not a Word \.docx file \(it is a web page \(HTML\); save it as \.docx/,
    );
    expect(await failure(utf8('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook>'), 'plan.xlsx')).toMatch(
      /^plan\.xlsx: not an Excel \.xlsx file \(it is an Office 2003 XML file; save it as \.xlsx \(Excel: /,
    );
    expect(await failure(utf8('<html xmlns:o="urn:schemas-microsoft-com:office:office"><table>'), 'plan.xlsx')).toMatch(
      /^plan\.xlsx: not an Excel \.xlsx file \(it is a web page \(HTML\); save it as \.xlsx \(Excel: /,
    );
  });

  it('a truncated .xlsx', async () => {
    const bytes = lovech();
    expect(await failure(bytes.subarray(0, bytes.length / 2))).toBe(
      'plan.xlsx: the file is damaged or truncated (its zip directory is missing or incomplete)',
    );
  });

  it('an .xlsx whose compressed data is damaged', async () => {
    const bytes = lovech();
    bytes.fill(0x55, 2000, 6000);
    expect(await failure(bytes)).toBe('plan.xlsx: the file is damaged (xl/worksheets/sheet1.xml does not unpack)');
  });

  it('a zip bomb, by its total size', async () => {
    expect(await failure(declareSheetSize(lovech(), 250 * 1024 * 1024))).toBe(
      'plan.xlsx: refused: the archive would unpack to 250 MB (limit 50 MB); it looks like a zip bomb',
    );
  });

  it('a zip bomb, by its compression ratio', async () => {
    expect(await failure(declareSheetSize(lovech(), 40 * 1024 * 1024))).toBe(
      'plan.xlsx: refused: xl/worksheets/sheet1.xml would unpack 12391 times its size (limit 1000); it looks like a zip bomb',
    );
  });

  it('a ZIP64 workbook: not supported, to be saved again (not "damaged")', async () => {
    // As a writer that forces ZIP64 lays it out: a ZIP64 end record and its locator before the
    // end record, whose counts, size and offset say "see the ZIP64 record".
    const bytes = lovech();
    const view = new DataView(bytes.buffer);
    let end = bytes.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    const count = view.getUint16(end + 10, true);
    const size = view.getUint32(end + 12, true);
    const offset = view.getUint32(end + 16, true);
    const zip64End = Buffer.alloc(56);
    zip64End.writeUInt32LE(0x06064b50, 0);
    zip64End.writeBigUInt64LE(44n, 4);
    zip64End.writeUInt16LE(45, 12);
    zip64End.writeUInt16LE(45, 14);
    zip64End.writeBigUInt64LE(BigInt(count), 24);
    zip64End.writeBigUInt64LE(BigInt(count), 32);
    zip64End.writeBigUInt64LE(BigInt(size), 40);
    zip64End.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(end), 8);
    locator.writeUInt32LE(1, 16);
    const endRecord = Buffer.from(bytes.subarray(end));
    endRecord.writeUInt16LE(0xffff, 8);
    endRecord.writeUInt16LE(0xffff, 10);
    endRecord.writeUInt32LE(0xffffffff, 12);
    endRecord.writeUInt32LE(0xffffffff, 16);
    const zip64 = new Uint8Array(Buffer.concat([bytes.subarray(0, end), zip64End, locator, endRecord]));
    expect(await failure(zip64)).toBe(
      'plan.xlsx: not supported: it is a ZIP64 archive, which Excel and LibreOffice do not write for a workbook; open it and save it again from Excel or LibreOffice',
    );
  });

  it('an .xlsx whose directory understates what an entry unpacks to', async () => {
    expect(await failure(declareSheetSize(lovech(), 1000))).toBe(
      'plan.xlsx: the file is damaged (xl/worksheets/sheet1.xml does not unpack)',
    );
  });

  it('a file type it does not know', async () => {
    expect(await failure(utf8('x'), 'plan.pdf')).toBe(
      'plan.pdf: unsupported file type ".pdf" (expected .xlsx, .xlsm, .docx, .ods, .odt, .csv, .tsv, .txt)',
    );
  });

  it('a sheet without the required activity column', async () => {
    const bytes = await workbookBytes([
      { name: 'План', rows: [['ПЛАН ЗА ПОДОБРЕНИЕ'], ['Индикатор', 'Начало (дата)', 'Край (дата)', null, 'Отговорник'], ['1 бр.', '1.1.2023', '31.1.2023', null, 'А']] },
    ]);
    expect(await failure(bytes)).toBe(
      'plan.xlsx: required column activity title ("Наименование на дейността", "Дейност", "Activity") is missing' +
        ' (sheet "План", row 2; headers found: "Индикатор", "Начало (дата)", "Край (дата)", "Отговорник")',
    );
  });

  it('no header row in any sheet', async () => {
    const bytes = await workbookBytes([
      { name: 'Sheet1', rows: [['Отчет'], ['1', '2', '3']] },
      { name: 'Sheet2', rows: [['Бележки']] },
    ]);
    expect(await failure(bytes)).toBe(
      'plan.xlsx: no header row found in any sheet (looked for columns such as "Мярка", "Наименование на дейността",' +
        ' "Начало (дата)", "Край (дата)" in "Sheet1", "Sheet2")',
    );
  });

  it('a CSV without a header row', async () => {
    expect(await failure(utf8('a;b;c\n1;2;3\n'), 'data/plan.csv')).toBe(
      'plan.csv: no header row found in any sheet (looked for columns such as "Мярка", "Наименование на дейността",' +
        ' "Начало (дата)", "Край (дата)" in "plan.csv")',
    );
  });

  it('the preview refuses the same files', async () => {
    await expect(previewRows(utf8('%PDF-1.4'), 'plan.xlsx')).rejects.toThrow('plan.xlsx: not an Excel .xlsx file (it is a PDF document)');
  });
});

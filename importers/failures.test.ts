import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError, parsePlanFile, previewRows } from './index';
import { utf8, workbookBytes } from './test-support';

const lovech = () => new Uint8Array(readFileSync(new URL('../tests/fixtures/lovech-2022-2024.xlsx', import.meta.url)));

async function failure(bytes: Uint8Array, fileName = 'plan.xlsx'): Promise<string> {
  const error = await parsePlanFile(bytes, fileName).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).message;
}

/** Sets the declared uncompressed size of the first central-directory entry. */
function declareUncompressedSize(bytes: Uint8Array, size: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let at = copy.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) === 0x02014b50) {
      view.setUint32(at + 24, size, true);
      return copy;
    }
  }
  throw new Error('no central directory entry');
}

describe('files that cannot be read', () => {
  it('an empty file', async () => {
    expect(await failure(new Uint8Array())).toBe('plan.xlsx: the file is empty');
  });

  it('a PDF renamed to .xlsx', async () => {
    expect(await failure(utf8('%PDF-1.7\n1 0 obj\n'))).toBe('plan.xlsx: not an Excel .xlsx file (it is a PDF document)');
  });

  it('an old .xls renamed to .xlsx', async () => {
    expect(await failure(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(
      'plan.xlsx: not an Excel .xlsx file (it is an old .xls or .doc file; save it as .xlsx)',
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
    expect(await failure(bytes)).toMatch(/^plan\.xlsx: the workbook could not be read \(.+\)$/);
  });

  it('a zip bomb, by its total size', async () => {
    expect(await failure(declareUncompressedSize(lovech(), 250 * 1024 * 1024))).toBe(
      'plan.xlsx: refused: the archive would unpack to 250 MB (limit 200 MB); it looks like a zip bomb',
    );
  });

  it('a zip bomb, by its compression ratio', async () => {
    const bytes = lovech();
    const message = await failure(declareUncompressedSize(bytes, 150 * 1024 * 1024));
    expect(message).toMatch(/^plan\.xlsx: refused: xl\/worksheets\/sheet1\.xml would unpack \d+ times its size \(limit 1000\); it looks like a zip bomb$/);
  });

  it('a file type it does not know', async () => {
    expect(await failure(utf8('x'), 'plan.docx')).toBe(
      'plan.docx: unsupported file type ".docx" (expected .xlsx, .xlsm, .csv, .tsv, .txt)',
    );
  });

  it('a sheet without the required activity column', async () => {
    const bytes = await workbookBytes([
      { name: 'План', rows: [['ПЛАН ЗА ПОДОБРЕНИЕ'], ['Мярка', 'Начало (дата)', 'Край (дата)', null, 'Отговорник'], ['1.1. М', '1.1.2023', '31.1.2023', null, 'А']] },
    ]);
    expect(await failure(bytes)).toBe(
      'plan.xlsx: required column activity title ("Наименование на дейността", "Дейност", "Activity") is missing' +
        ' (sheet "План", row 2; headers found: "Мярка", "Начало (дата)", "Край (дата)", "Отговорник")',
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

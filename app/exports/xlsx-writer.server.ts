/**
 * What exceljs's streaming writer (4.4) does not do as the report needs: print setup with a
 * centred page, rows of automatic height, and merges without its quadratic overlap check.
 */
import type ExcelJS from 'exceljs';
import { columnLetter } from './xlsx-cells.server';

export type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;
export type Sheet = ExcelJS.Worksheet;

/** Print setup given when a sheet is made (the streaming writer writes it at the sheet's top): A4 landscape, fit to width. */
export function printOptions(footer: string, fitToHeight: 0 | 1): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight,
      horizontalCentered: true,
      margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C${footer}` },
  };
}

/**
 * The rows whose height is only our estimate of their wrapped text, to be written as
 * automatic rows (no customHeight): Excel fits such rows to their text when it opens the file
 * and both Excel and LibreOffice refit them when a text is edited, where a custom height stays
 * as it is and cuts a longer report off. The estimate is still written because LibreOffice
 * keeps a row's written height when opening a file, and prints a row written without one a
 * single line high. exceljs marks every height it writes custom, so the mark is taken off
 * these rows' XML as the streaming writer writes it.
 */
export function autoHeightRows(sheet: Sheet): Set<number> {
  const rows = new Set<number>();
  const stream = (sheet as unknown as { stream: { write(chunk: unknown): boolean } }).stream;
  const write = stream.write.bind(stream);
  stream.write = (chunk: unknown) => {
    if (typeof chunk === 'string') {
      const row = /^<row r="(\d+)"( ht="[^"]*") customHeight="1"/.exec(chunk);
      if (row && rows.delete(Number(row[1]))) return write(`<row r="${row[1]}"${row[2]}${chunk.slice(row[0].length)}`);
    }
    return write(chunk);
  };
  return rows;
}

/**
 * exceljs's streaming writer drops pageSetup.horizontalCentered (it writes no printOptions
 * element): written here, where the schema puts it, just before pageMargins.
 */
export function writeHorizontalCentering(sheet: Sheet): void {
  const writer = sheet as unknown as { _writePageMargins(): void; stream: { write(xml: string): void } };
  const writeMargins = writer._writePageMargins.bind(writer);
  writer._writePageMargins = () => {
    writer.stream.write('<printOptions horizontalCentered="1"/>');
    writeMargins();
  };
}

/**
 * Merges a range. exceljs checks every new merge against all earlier ones (quadratic: tens
 * of seconds for 10,000 activities); the ranges here are made not to overlap, so they are
 * recorded directly, as WorksheetWriter.mergeCells (exceljs 4.4) does after its check.
 */
export function merge(sheet: Sheet, top: number, left: number, bottom: number, right: number): void {
  const writer = sheet as unknown as { _merges: unknown[]; getCell(r: number, c: number): ExcelJS.Cell };
  const master = writer.getCell(top, left);
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      if (r > top || c > left) (writer.getCell(r, c) as unknown as { merge(m: ExcelJS.Cell): void }).merge(master);
    }
  }
  writer._merges.push(new MergedRange(top, left, bottom, right));
}

/** What WorksheetWriter keeps of a merge: it writes `${merge}` and checks later merges with intersects(). */
class MergedRange {
  constructor(
    readonly top: number,
    readonly left: number,
    readonly bottom: number,
    readonly right: number,
  ) {}
  intersects(other: MergedRange): boolean {
    return !(other.bottom < this.top || other.top > this.bottom || other.right < this.left || other.left > this.right);
  }
  toString(): string {
    return `${columnLetter(this.left)}${this.top}:${columnLetter(this.right)}${this.bottom}`;
  }
}

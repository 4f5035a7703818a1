/** Helpers for the importer tests: workbooks built in memory, plans compared without sources. */
import ExcelJS from 'exceljs';
import type { CellValue, ParsedActivity, ParsedPlan, Sheet } from './types';

export type Row = ExcelJS.CellValue[];

/** An .xlsx made by exceljs from sheets given as rows (merges as "A5:A7" ranges). */
export async function workbookBytes(
  sheets: { name: string; rows: Row[]; merges?: string[] }[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, rows, merges = [] } of sheets) {
    const worksheet = workbook.addWorksheet(name);
    rows.forEach((row, index) => {
      row.forEach((value, column) => {
        if (value !== null && value !== undefined) worksheet.getCell(index + 1, column + 1).value = value;
      });
    });
    for (const range of merges) worksheet.mergeCells(range);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function withoutSources(plan: ParsedPlan) {
  return {
    ...plan,
    areas: plan.areas.map((area) => ({
      ...area,
      measures: area.measures.map((measure) => ({
        ...measure,
        activities: measure.activities.map(({ source: _source, ...activity }) => activity),
      })),
    })),
  };
}

export function activities(plan: ParsedPlan) {
  return plan.areas.flatMap((area) => area.measures.flatMap((measure) => measure.activities));
}

export function measures(plan: ParsedPlan) {
  return plan.areas.flatMap((area) => area.measures);
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** A sheet as a reader gives it: rows numbered from 1, hidden rows and merged ranges ("A5:A7") as given. */
export function sheetOf(
  name: string,
  rows: CellValue[][],
  { hidden = [], merges = [] }: { hidden?: number[]; merges?: string[] } = {},
): Sheet {
  return {
    name,
    rows: rows.map((cells, index) => ({ row: index + 1, cells, ...(hidden.includes(index + 1) ? { hidden: true } : {}) })),
    merges: merges.map((range) => {
      const [from, to] = range.split(':').map(cellAddress);
      return { top: from.row, left: from.column, bottom: to.row, right: to.column };
    }),
  };
}

function cellAddress(address: string): { row: number; column: number } {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(digits), column: column - 1 };
}

/** The fields of each activity a test compares (all but the source), in plan order. */
export function activityRows(plan: ParsedPlan) {
  return plan.areas.flatMap((area) =>
    area.measures.flatMap((measure) => measure.activities.map(({ source: _source, ...activity }) => ({ area: area.code, measure: measure.code, ...activity }))),
  );
}

/** An activity as activityRows gives it: every field, those not given empty. */
export function expectedActivity(area: string, measure: string, code: string, title: string, fields: Partial<ParsedActivity> = {}) {
  return {
    area,
    measure,
    code,
    title,
    start: null,
    end: null,
    ongoing: false,
    ongoingText: null,
    indicator: null,
    target: null,
    owners: [],
    resources: null,
    note: null,
    status: null,
    ...fields,
  };
}

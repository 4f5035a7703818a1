/** Helpers for the importer tests: workbooks built in memory, plans compared without sources. */
import ExcelJS from 'exceljs';
import type { ParsedPlan } from './types';

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

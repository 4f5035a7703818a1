/**
 * A large improvement plan in the Lovech layout, written with exceljs's streaming writer:
 * title block, header, column-numbering row, area rows merged full width, and the measure,
 * strategic and quick-win cells merged down over each measure's activities. Deterministic.
 */
import ExcelJS from 'exceljs';

export interface GeneratedWorkbook {
  areas: number;
  measures: number;
  activities: number;
}

const HEADER = [
  'Мярка',
  'Наименование на дейността',
  'Стратегически мерки',
  'Бързи победи',
  'Начало (дата)',
  'Край (дата)',
  'Целеви стойности на резултата',
  'Отговорници и подпомагачи',
  'Забележка',
];
const CAF_REFS = ['1.1', '1.2', '2.3', '3.1', '4.5', '5.1', '6.2', '7.2', '8.1', '9.2'];
const OWNERS = ['Главен секретар, директори на дирекции', 'Главен секретар, директор на дирекция АПОФУС', 'експерт ИТ'];
const DAY_MS = 86_400_000;

export async function generateWorkbook(fileName: string, activityCount: number, areaCount = 10): Promise<GeneratedWorkbook> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: fileName, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('План за подобрение');
  // rows are committed (and written out) only after their merges: exceljs cannot merge committed rows
  const add = (values: ExcelJS.CellValue[]) => sheet.addRow(values);
  for (const line of ['УТВЪРЖДАВАМ: .....', 'ОБЛАСТЕН УПРАВИТЕЛ', 'ПЛАН ЗА ПОДОБРЕНИЕ НА ОБЛАСТНА АДМИНИСТРАЦИЯ', 'за периода 2022-2024 г.']) {
    add([line]);
  }
  add(HEADER);
  add(HEADER.map((_, i) => `${i + 1}.`)).commit();

  let activity = 0;
  let measures = 0;
  const perArea = Math.ceil(activityCount / areaCount);
  for (let area = 1; area <= areaCount && activity < activityCount; area++) {
    const areaRow = add([`Област ${area}: Направление за подобрение номер ${area} на организационното развитие`]);
    sheet.mergeCells(areaRow.number, 1, areaRow.number, HEADER.length);
    areaRow.commit();
    const areaEnd = Math.min(activityCount, activity + perArea);
    for (let measure = 1; activity < areaEnd; measure++) {
      measures++;
      const size = Math.min(1 + (measures % 4), areaEnd - activity); // 1 to 4 activities, as in Lovech
      const code = `${area}.${measure}`;
      const ref = CAF_REFS[measures % CAF_REFS.length];
      const strategic = measures % 3 !== 0;
      let firstRow = 0;
      let lastRow: ExcelJS.Row | null = null;
      for (let n = 1; n <= size; n++, activity++) {
        const start = Date.UTC(2022, 2, 14) + (activity % 300) * DAY_MS;
        const row = add([
          n === 1 ? `${code}. Мярка ${code}: подобряване на комуникацията със заинтересованите страни „${measures}“.` : null,
          `${code}.${n}. Дейност ${activity + 1} – подготовка, обсъждане и одобряване на документ № ${activity + 1}.`,
          n === 1 && strategic ? ref : null,
          n === 1 && !strategic ? ref : null,
          new Date(start),
          activity % 50 === 0 ? 'текущо, в процеса на изпълнение на Плана за подобрение' : new Date(start + 90 * DAY_MS),
          `Изпълнена дейност ${activity + 1}; публикуван отчет.`,
          OWNERS[activity % OWNERS.length],
          null,
        ]);
        row.getCell(5).numFmt = 'd.m.yyyy';
        row.getCell(6).numFmt = 'd.m.yyyy';
        if (n === 1) firstRow = row.number;
        lastRow = row;
      }
      if (size > 1) {
        for (const column of [1, 3, 4]) sheet.mergeCells(firstRow, column, firstRow + size - 1, column);
      }
      lastRow?.commit();
    }
  }
  sheet.commit();
  await workbook.commit();
  return { areas: areaCount, measures, activities: activity };
}

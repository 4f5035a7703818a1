/**
 * A plan layout as administrations write their tables (the classes of issue 14: headers,
 * numbering, levels, kinds, noise and their mixtures), and what it makes of the corpus
 * content (content.ts): the sheets to write and the plan the importer must read back.
 */
import type { ColumnMeaning } from '../../importers/mapping';
import type { CellValue, MeasureKind } from '../../importers/types';
import { CONTENT, type ContentActivity, type ContentArea } from './content';

export type Field =
  | 'code' | 'measureCode' | 'owners2' | 'area' | 'measure' | 'activity' | 'title' | 'strategic' | 'quickWin' | 'kind' | 'caf'
  | 'start' | 'end' | 'deadline' | 'range' | 'owners' | 'indicator' | 'target' | 'status' | 'resources' | 'note'
  | 'blank' | 'unknown';

export interface ColumnSpec {
  field: Field;
  header: string;
  /** Under a group header (two header rows): the sub-header; `header` is then the group's text. */
  sub?: string;
  /** The meaning the preview must show (default: by field). */
  meaning?: ColumnMeaning;
}

export type AreaStyle = 'Цел' | 'caps' | 'code-roman' | 'Област' | 'roman' | 'Критерий' | 'Criterion' | 'AREA' | 'plain' | 'column' | 'above' | 'sheet-name' | 'none';

export interface Layout {
  name: string;
  /** The classes this layout stands for. */
  classes: string[];
  columns: ColumnSpec[];
  levels: 'columns' | 'numbering' | 'one-level';
  areas: AreaStyle;
  /** Area rows merged across the table (else in the first column only). */
  areaMerged?: boolean;
  codes: 'text' | 'column' | 'none' | 'named';
  /** Numbering layouts: activities under a measure marked so instead of numbered. */
  activityMarks?: 'а)' | '-' | '1.';
  /** Kind words or marks in the kind columns (default: CAF references in the strategic / quick-win columns). */
  kindCells?: 'refs' | 'marks' | 'words' | 'english-words' | 'abbreviations';
  /** 'per-kind': sheets "Стратегически мерки" and "Бързи победи". */
  sheets?: 'one' | 'per-area' | 'per-kind' | 'sections';
  sheetName?: string;
  numberingRow?: '1.' | '1' | '(1)';
  /** Sections: the header written again under the second section's title (a second table on the sheet). */
  sectionHeader?: boolean;
  /** Columns layouts with measure rows of their own: the dates on the measure's row only (its activities take them). */
  datesOn?: 'measure';
  /** A sheet more in the workbook: a summary table by area (not a plan table). */
  summarySheet?: boolean;
  dates?: 'date' | 'text' | 'text-g' | 'short';
  /** Columns layouts: the measure's cells merged down over its activities (else written on its first row only). */
  measureMerged?: boolean;
  /** Code-column layouts: the № column holds "Мярка 1.1" on the measure's first row (merged down with it), the activities no number. */
  codeOfMeasure?: boolean;
  /** Columns layouts: the measure on every row of its activities, or on a row of its own above them. */
  measureRow?: 'repeated' | 'own';
  noise?: { approve?: boolean; mergedTitle?: boolean; english?: boolean; totals?: boolean; footnotes?: boolean; hidden?: boolean; emptyRows?: boolean };
  /** Warnings (by their English text) the plan must give besides those the layout implies. */
  warnings?: RegExp[];
  confidence?: 'high' | 'medium';
}

export interface CorpusSheet {
  name: string;
  rows: CellValue[][];
  /** "A5:C5" ranges. */
  merges: string[];
  /** 1-based rows the file hides. */
  hidden: number[];
  /** 1-based rows repeated at the top of each printed page (the header; Calc: table:table-header-rows). */
  repeated?: number[];
}

export interface ExpectedActivity {
  code: string;
  title: string;
  start: string | null;
  end: string | null;
  ongoing: boolean;
  indicator: string | null;
  target: string | null;
  owners: string[];
  resources: string | null;
  note: string | null;
  status: string | null;
}
export interface ExpectedMeasure { code: string; title: string; kind: MeasureKind | null; cafRefs: string[]; activities: ExpectedActivity[] }
export interface ExpectedArea { code: string; title: string; measures: ExpectedMeasure[] }
export interface ExpectedPlan { title: string | null; period: string | null; areas: ExpectedArea[] }

export interface CorpusCase {
  layout: Layout;
  sheets: CorpusSheet[];
  expected: ExpectedPlan;
  warnings: RegExp[];
  /** Per sheet with a table: header rows and each header column's meaning by letter. */
  understanding: { sheet: string; headerRows: number[]; columns: Record<string, ColumnMeaning>; levelsFound: string[] }[];
  confidence: 'high' | 'medium';
}

const MEANING_OF: Partial<Record<Field, ColumnMeaning>> = { deadline: 'period', range: 'period', blank: 'ignore', unknown: 'ignore', title: 'activity' };
const ROMAN = ['I', 'II', 'III', 'IV', 'V'];
const LETTERS = ['а', 'б', 'в', 'г'];
const KIND_SHEETS: Record<MeasureKind, string> = { strategic: 'Стратегически мерки', quick_win: 'Бързи победи' };
const FOOTNOTES = ['* Сроковете са ориентировъчни и могат да бъдат актуализирани.', 'Забележка: Планът се преглежда на всяко тримесечие.', 'Изготвил: ............ (Мария Иванова, главен експерт)', 'Съгласувал: ............'];

const has = (layout: Layout, field: Field) => layout.columns.some((c) => c.field === field);

/** The first word of an area's title: what fits a sheet's name. */
const shortTitle = (area: ContentArea) => area.title.split(' ')[0]!.replace(/,$/, '');

function letter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** The content as the layout numbers it: without areas, measures are numbered 1, 2, ... across the plan. */
function numbered(layout: Layout): ContentArea[] {
  if (layout.areas !== 'none') return CONTENT;
  let n = 0;
  return CONTENT.map((area) => ({
    ...area,
    measures: area.measures.map((m) => {
      const code = String(++n);
      return { ...m, code, activities: m.activities.map((a, j) => ({ ...a, code: `${code}.${j + 1}` })) };
    }),
  }));
}

function areaText(layout: Layout, area: ContentArea): { text: string; code: string; title: string } {
  const { code, title, english } = area;
  switch (layout.areas) {
    case 'code-roman': case 'roman': return { text: `${ROMAN[Number(code) - 1]}. ${title.toUpperCase()}`, code, title: title.toUpperCase() };
    case 'Критерий': return { text: `Критерий ${code} - ${title}`, code, title };
    case 'Criterion': return { text: `Criterion ${code} - ${english}`, code, title: english };
    case 'AREA': return { text: `AREA ${code} - ${english.toUpperCase()}`, code, title: english.toUpperCase() };
    case 'plain': return { text: title, code, title };
    case 'column': return { text: `${code}. ${title}`, code, title };
    case 'sheet-name': return { text: '', code, title: shortTitle(area) };
    case 'Цел': return { text: `Цел ${code}: ${title}`, code, title };
    case 'caps': return { text: `${code}. ${title.toUpperCase()}`, code, title: title.toUpperCase() };
    default: return { text: `Област ${code}: ${title}`, code, title };
  }
}

function dateCell(layout: Layout, iso: string): CellValue {
  const [y, m, d] = iso.split('-');
  switch (layout.dates ?? 'date') {
    case 'text': return `${d}.${m}.${y}`;
    case 'text-g': return `${d}.${m}.${y} г.`;
    case 'short': return `${Number(d)}.${Number(m)}.${y}`;
    default: return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  }
}

function codedText(layout: Layout, level: 'measure' | 'activity', code: string, title: string): string {
  if (layout.codes === 'text') return `${code}. ${title}`;
  if (layout.codes === 'named') return `${level === 'measure' ? 'Мярка' : 'Дейност'} ${code}: ${title}`;
  return title;
}

/** The cells of an activity's own fields. */
function activityCell(layout: Layout, field: Field, a: ContentActivity, row: number): CellValue {
  switch (field) {
    case 'start': return dateCell(layout, a.start);
    case 'end': case 'deadline': return dateCell(layout, a.end);
    case 'range': return `${cellDay(dateCell({ ...layout, dates: 'text' }, a.start))} - ${cellDay(dateCell({ ...layout, dates: 'text' }, a.end))}`;
    case 'owners': return a.owners.length > 1 && has(layout, 'owners2') ? a.owners[0]! : a.ownersText;
    case 'owners2': return a.owners.slice(1).join(', ') || null;
    case 'indicator': return a.indicator;
    case 'target': return a.target;
    case 'status': return a.status.text;
    case 'resources': return a.resources;
    case 'note': return a.note;
    case 'unknown': return row % 2 === 0 ? 'Стратегия за развитие 2021-2027, цел 2' : 'Програма за управление';
    default: return null;
  }
}
const cellDay = (value: CellValue) => String(value);

function kindCell(layout: Layout, field: Field, kind: MeasureKind, caf: string[]): CellValue {
  const cells = layout.kindCells ?? 'refs';
  if (field === 'caf') return caf.join(', ');
  if (field === 'kind') {
    if (cells === 'english-words') return kind === 'strategic' ? 'Strategic' : 'Quick win';
    if (cells === 'abbreviations') return kind === 'strategic' ? 'СМ' : 'БП';
    return kind === 'strategic' ? 'стратегическа' : 'бърза победа';
  }
  const mine = (field === 'strategic') === (kind === 'strategic');
  if (!mine) return null;
  return cells === 'marks' ? (kind === 'strategic' ? 'х' : '✓') : caf.join(', ');
}

const MEASURE_FIELDS: Field[] = ['strategic', 'quickWin', 'kind', 'caf'];
const DATE_FIELDS: Field[] = ['start', 'end', 'deadline', 'range'];

/** A measure's own dates: its first activity's start, its last end. */
function measureDates(activities: ContentActivity[]): { start: string; end: string } {
  return { start: activities.map((a) => a.start).sort()[0]!, end: activities.map((a) => a.end).sort().at(-1)! };
}

/** A summary sheet by area, as some workbooks have beside the plan. */
function summarySheet(): CorpusSheet {
  const rows: CellValue[][] = [['Обобщение на плана'], ['Област', 'Брой мерки', 'Брой дейности']];
  for (const area of CONTENT) rows.push([area.title, area.measures.length, area.measures.flatMap((m) => m.activities).length]);
  rows.push(['Общо', 5, 9]);
  return { name: 'Обобщение', rows, merges: [], hidden: [] };
}

/** Writes the layout's sheets and the plan expected from them. */
export function buildCase(layout: Layout): CorpusCase {
  const content = numbered(layout);
  const groups: { name: string; areas: ContentArea[]; kind: MeasureKind | null }[] =
    layout.sheets === 'per-area'
      ? content.map((area) => ({ name: layout.areas === 'sheet-name' ? `Област ${area.code} ${shortTitle(area)}` : `Лист${area.code}`, areas: [area], kind: null }))
      : layout.sheets === 'per-kind' || layout.sheets === 'sections'
        ? (['strategic', 'quick_win'] as const).map((kind) => ({
            name: layout.sheets === 'sections' ? 'План' : KIND_SHEETS[kind],
            areas: content.map((area) => ({ ...area, measures: area.measures.filter((m) => m.kind === kind) })).filter((a) => a.measures.length > 0),
            kind,
          }))
        : [{ name: layout.sheetName ?? 'План', areas: content, kind: null }];
  const sheets =
    layout.sheets === 'sections'
      ? [writeSheet(layout, 'План', groups.map((g) => ({ title: KIND_SHEETS[g.kind!], areas: g.areas })), true)]
      : groups.map((group, index) => writeSheet(layout, group.name, [{ title: null, areas: group.areas }], index === 0));
  if (layout.summarySheet) sheets.push(summarySheet());
  const expectedAreas: ExpectedArea[] = [];
  for (const group of groups) {
    for (const area of group.areas) {
      const heading = areaText(layout, area);
      const code = layout.areas === 'none' ? '1' : heading.code;
      const title = layout.areas === 'none' ? (layout.sheets === 'per-kind' ? (layout.noise?.approve ? 'ПЛАН ЗА ПОДОБРЕНИЕ' : 'plan') : group.name) : heading.title;
      let target = expectedAreas.find((a) => a.code === code);
      if (!target) expectedAreas.push((target = { code, title, measures: [] }));
      target.measures.push(...expectedMeasures(layout, area, target.measures.length));
    }
  }
  const warnings = [...(layout.warnings ?? [])];
  if (layout.areas === 'none') warnings.push(layout.sheets === 'per-kind' ? /area 1 is named after the plan/ : /area 1 is named after the sheet/);
  if (layout.areas === 'plain') warnings.push(/^area row without a number; given \d$/);
  if (layout.codes === 'none' && layout.levels === 'columns') warnings.push(/^the measures have no numbers; numbered in order/, /^the activities have no numbers; numbered in order/);
  if (layout.codes === 'none' && layout.levels === 'one-level') warnings.push(/^the rows have no numbers; numbered in order/);
  if (layout.levels === 'one-level') warnings.push(/^one level only/);
  if (has(layout, 'unknown')) warnings.push(/^column not read \(\d+ cells\)/);
  if (layout.summarySheet) warnings.push(/^sheet ignored: /);
  const understanding = sheets.filter((sheet) => sheet.name !== 'Обобщение').map((sheet) => {
    const headerRows = headerRowsOf(layout, sheet);
    const columns: Record<string, ColumnMeaning> = {};
    layout.columns.forEach((c, i) => (columns[letter(i)] = c.meaning ?? MEANING_OF[c.field] ?? (c.field as ColumnMeaning)));
    const levelsFound = layout.levels === 'one-level' ? ['activity'] : ['measure', 'activity'];
    if (layout.areas !== 'none') levelsFound.unshift('area');
    return { sheet: sheet.name, headerRows, columns, levelsFound };
  });
  const medium = layout.codes === 'none' || layout.levels === 'one-level' || !['start', 'end', 'deadline', 'range'].some((f) => has(layout, f as Field));
  const title = layout.noise?.approve ? (layout.noise.english ? 'IMPROVEMENT PLAN' : 'ПЛАН ЗА ПОДОБРЕНИЕ') : null;
  return {
    layout,
    sheets,
    expected: { title, period: layout.noise?.approve ? '2024-2025' : null, areas: expectedAreas },
    warnings,
    understanding,
    confidence: layout.confidence ?? (medium ? 'medium' : 'high'),
  };
}

function headerRowsOf(layout: Layout, sheet: CorpusSheet): number[] {
  const first = sheet.rows.findIndex((cells) => cells.filter((c) => c !== null && c !== '').length >= 2) + 1;
  return layout.columns.some((c) => c.sub !== undefined) ? [first, first + 1] : [first];
}

function expectedMeasures(layout: Layout, area: ContentArea, before: number): ExpectedMeasure[] {
  // Only a quick-win column: the measures it does not mark are of no known kind.
  const quickWinsOnly = has(layout, 'quickWin') && !has(layout, 'strategic') && !has(layout, 'kind');
  const kindKnown = layout.sheets === 'per-kind' || layout.sheets === 'sections' || MEASURE_FIELDS.slice(0, 3).some((f) => has(layout, f));
  const cafKnown = has(layout, 'caf') || ((layout.kindCells ?? 'refs') === 'refs' && (has(layout, 'strategic') || has(layout, 'quickWin')));
  const activity = (written: ContentActivity, code: string, title: string): ExpectedActivity => {
    const m = area.measures.find((x) => x.activities.includes(written))!;
    const a = layout.datesOn === 'measure' ? { ...written, ...measureDates(m.activities) } : written;
    return {
    code,
    title,
    start: has(layout, 'start') || has(layout, 'range') ? a.start : null,
    end: has(layout, 'end') || has(layout, 'deadline') || has(layout, 'range') ? a.end : null,
    ongoing: false,
    indicator: has(layout, 'indicator') ? a.indicator : null,
    target: has(layout, 'target') ? a.target : null,
    owners: has(layout, 'owners') ? a.owners : [],
    resources: has(layout, 'resources') ? a.resources : null,
    note: has(layout, 'note') ? a.note : null,
    status: has(layout, 'status') ? a.status.status : null,
    };
  };
  if (layout.levels === 'one-level') {
    return area.measures.flatMap((m) => m.activities).map((a, i) => {
      const n = before + i + 1;
      const code = layout.areas !== 'none' ? `${area.code}.${n}` : layout.codes === 'none' ? `1.${n}` : String(n);
      return { code, title: a.title, kind: null, cafRefs: [], activities: [activity(a, `${code}.1`, a.title)] };
    });
  }
  return area.measures.map((m) => ({
    code: m.code,
    title: m.title,
    kind: kindKnown && (m.kind === 'quick_win' || !quickWinsOnly) ? m.kind : null,
    cafRefs: cafKnown ? m.caf : [],
    activities: m.activities.map((a) => activity(a, a.code, a.title)),
  }));
}

function writeSheet(layout: Layout, name: string, sections: { title: string | null; areas: ContentArea[] }[], first: boolean): CorpusSheet {
  const areas = sections[0]!.areas;
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  const hidden: number[] = [];
  const width = layout.columns.length;
  const last = letter(width - 1);
  const add = (cells: CellValue[]) => rows.push(cells) && rows.length;
  const lone = (text: string, merged: boolean, column = 0) => {
    const cells: CellValue[] = Array(width).fill(null);
    cells[column] = text;
    const row = add(cells);
    if (merged) merges.push(`${letter(column)}${row}:${last}${row}`);
    return row;
  };
  if (layout.noise?.approve && first) {
    if (layout.noise.english) ['APPROVED BY:', 'SECRETARY GENERAL', '............ /Ivan Petrov/', null, 'IMPROVEMENT PLAN', 'of the Regional Administration for 2024 - 2025', null].forEach((t) => add([t]));
    else ['УТВЪРЖДАВАМ:', 'КМЕТ НА ОБЩИНА ПРИМЕР', '............ /Иван Петров/', 'Дата: 12.01.2024 г.', null, 'ПЛАН ЗА ПОДОБРЕНИЕ', 'на Общинска администрация Пример за периода 2024 – 2025 г.', null].forEach((t) =>
      t === null || !layout.noise?.mergedTitle ? add([t]) : lone(t, true),
    );
  }
  if (layout.sheets === 'per-kind') lone(name.toUpperCase(), true);
  if (layout.areas === 'above') lone(areaText({ ...layout, areas: 'Област' }, areas[0]).text, true);
  const headerRows: number[] = [];
  writeHeader();
  // The header: one row, or a group row over sub-headers (the other columns merged down over both).
  function writeHeader() {
  const double = layout.columns.some((c) => c.sub !== undefined);
  const first = headerRows.length === 0; // a second table's header is not repeated on each page
  const top = add(layout.columns.map((c, i) => (c.sub !== undefined && layout.columns[i - 1]?.header === c.header && layout.columns[i - 1]?.sub !== undefined ? null : c.header || null)));
  if (first) headerRows.push(top);
  if (double) {
    const sub = add(layout.columns.map((c) => c.sub ?? null));
    if (first) headerRows.push(sub);
    layout.columns.forEach((c, i) => {
      if (c.sub === undefined) merges.push(`${letter(i)}${top}:${letter(i)}${sub}`);
      else if (layout.columns[i - 1]?.header !== c.header || layout.columns[i - 1]?.sub === undefined) {
        let end = i;
        while (layout.columns[end + 1]?.sub !== undefined && layout.columns[end + 1]?.header === c.header) end++;
        if (end > i) merges.push(`${letter(i)}${top}:${letter(end)}${top}`);
      }
    });
  }
  if (layout.numberingRow) {
    let n = 0;
    add(layout.columns.map((c) => (c.field === 'blank' ? null : layout.numberingRow === '(1)' ? `(${++n})` : `${++n}${layout.numberingRow === '1.' ? '.' : ''}`)));
  }
  }
  const col = (field: Field) => layout.columns.findIndex((c) => c.field === field);
  const titleField: Field = layout.levels === 'columns' ? 'activity' : has(layout, 'title') ? 'title' : has(layout, 'activity') ? 'activity' : 'measure';
  let item = 0;
  for (const [index, section] of sections.entries()) {
    if (section.title !== null) lone(section.title.toUpperCase(), true);
    if (index > 0 && layout.sectionHeader) writeHeader();
    for (const area of section.areas) writeArea(area);
  }
  function writeArea(area: ContentArea) {
    const heading = areaText(layout, area);
    if (layout.areas !== 'none') item = 0;
    if (['Цел', 'caps', 'Област', 'roman', 'Критерий', 'Criterion', 'AREA', 'plain'].includes(layout.areas)) lone(heading.text, layout.areaMerged ?? false);
    if (layout.areas === 'code-roman') {
      const cells: CellValue[] = Array(width).fill(null);
      cells[col('code')] = ROMAN[Number(area.code) - 1]!;
      cells[col('code') + 1] = heading.title;
      const at = add(cells);
      merges.push(`${letter(col('code') + 1)}${at}:${last}${at}`);
    }
    let areaWritten = false;
    for (const measure of area.measures) {
      const measureRows: number[] = [];
      const row = (): CellValue[] => Array(width).fill(null);
      if (layout.levels === 'numbering') {
        const cells = row();
        cells[col(titleField)] = layout.codes === 'column' ? measure.title : codedText(layout, 'measure', measure.code, measure.title);
        if (layout.codes === 'column') cells[col('code')] = measure.code;
        for (const f of MEASURE_FIELDS) if (has(layout, f)) cells[col(f)] = kindCell(layout, f, measure.kind, measure.caf);
        add(cells);
      }
      measure.activities.forEach((a, j) => {
        const cells = row();
        layout.columns.forEach((c, i) => (cells[i] = activityCell(layout, c.field, a, rows.length + 1)));
        if (layout.levels === 'one-level') {
          item++;
          const code = layout.areas === 'none' ? String(item) : `${area.code}.${item}`;
          cells[col(titleField)] = layout.codes === 'column' ? a.title : layout.codes === 'none' ? a.title : `${code}. ${a.title}`;
          if (layout.codes === 'column') cells[col('code')] = code;
        } else if (layout.levels === 'numbering') {
          const mark = layout.activityMarks;
          cells[col(titleField)] =
            mark === 'а)' ? `${LETTERS[j]}) ${a.title}` : mark === '-' ? `- ${a.title}` : mark === '1.' ? `${j + 1}. ${a.title}` : layout.codes === 'column' ? a.title : codedText(layout, 'activity', a.code, a.title);
          if (layout.codes === 'column' && !mark) cells[col('code')] = a.code;
        } else {
          cells[col('activity')] = layout.codes === 'column' || layout.codes === 'none' ? a.title : codedText(layout, 'activity', a.code, a.title);
          if (layout.codes === 'column') cells[col('code')] = !layout.codeOfMeasure ? a.code : j === 0 ? `Мярка ${measure.code}` : null;
          const measureText = layout.codes === 'column' || layout.codes === 'none' ? measure.title : codedText(layout, 'measure', measure.code, measure.title);
          if (j === 0 && has(layout, 'measureCode')) cells[col('measureCode')] = measure.code;
          if (j === 0 && layout.measureRow === 'own') {
            const own = row();
            own[col('measure')] = measureText;
            if (layout.codes === 'column') own[col('code')] = measure.code;
            for (const f of MEASURE_FIELDS) if (has(layout, f)) own[col(f)] = kindCell(layout, f, measure.kind, measure.caf);
            if (layout.datesOn === 'measure') {
              const dates = measureDates(measure.activities);
              for (const f of DATE_FIELDS) if (has(layout, f)) own[col(f)] = activityCell(layout, f, { ...a, ...dates }, 0);
            }
            add(own);
          } else if (j === 0 || layout.measureRow === 'repeated') {
            cells[col('measure')] = measureText;
            for (const f of MEASURE_FIELDS) if (has(layout, f)) cells[col(f)] = kindCell(layout, f, measure.kind, measure.caf);
          }
          if (layout.datesOn === 'measure') for (const f of DATE_FIELDS) if (has(layout, f)) cells[col(f)] = null;
          if (has(layout, 'area') && !areaWritten) cells[col('area')] = heading.text;
          areaWritten = true;
        }
        measureRows.push(add(cells));
      });
      if (layout.measureMerged && measureRows.length > 1) {
        const [from, to] = [measureRows[0], measureRows.at(-1)!];
        for (const f of ['measure', ...MEASURE_FIELDS, ...(layout.codeOfMeasure ? ['code' as const] : [])] as Field[]) if (has(layout, f)) merges.push(`${letter(col(f))}${from}:${letter(col(f))}${to}`);
      }
      if (layout.noise?.hidden && measure.code.endsWith('.2') && layout.levels !== 'one-level') {
        const cells = row();
        cells[col(layout.levels === 'columns' ? 'activity' : titleField)] = 'Отпаднала дейност (скрит ред)';
        hidden.push(add(cells));
      }
    }
    if (layout.noise?.emptyRows) add([]);
  }
  if (layout.noise?.totals && has(layout, 'resources')) {
    const cells: CellValue[] = Array(width).fill(null);
    cells[0] = 'ОБЩО:';
    cells[col('resources')] = '22 000 лв.';
    add(cells);
  }
  if (layout.noise?.footnotes) {
    add([]);
    for (const text of FOOTNOTES) add([text]);
    add([null, 'Главен секретар: ............', null, null]);
  }
  return { name, rows, merges, hidden, repeated: headerRows };
}

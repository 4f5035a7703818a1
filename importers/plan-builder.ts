import { kindFromType, parseCafRefs } from './caf';
import { codeDepth, parseAreaHeading, splitCode, type CodedText } from './codes';
import { readDate, type DateBound, type DateRead } from './dates';
import {
  REQUIRED_COLUMN_LABEL,
  columnAt,
  findHeader,
  type ColumnKey,
  type Header,
  type HeaderSearch,
} from './header';
import { formatDate } from '../app/domain/dates';
import type { Lang } from '../app/domain/lang';
import { ImportError, type Message } from './import-error';
import { cellText, isBlank, normaliseSpace, splitOwners } from './text';
import type {
  CellValue,
  ImportWarning,
  MeasureKind,
  ParsedArea,
  ParsedMeasure,
  ParsedPlan,
  Sheet,
  SheetRow,
  SourceRef,
} from './types';

const KIND_COLUMNS: ColumnKey[] = ['strategic', 'quickWin', 'type', 'caf'];
const KIND_NAMES: Record<MeasureKind, Message> = {
  strategic: { en: 'a strategic measure', bg: 'стратегическа мярка' },
  quick_win: { en: 'a quick win', bg: 'бърза победа' },
};
const PERIOD = /(\d{4})\s*[-–—]\s*(\d{4})/;
const PLAN_TITLE = /^(?:план|plan)(?:\s|$)|improvement plan/i;
const COLUMN_NUMBER = /^\d{1,2}\.?$/;
/** Warnings listed; beyond them only counted (a hostile file could make millions, one per cell). */
const MAX_WARNINGS = 1000;

/**
 * Turns the rows of every sheet into the plan tree, with warnings in the given language;
 * throws ImportError when no sheet holds a plan table.
 */
export function buildPlan(sheets: Sheet[], fileName: string, lang: Lang): ParsedPlan {
  const searches = sheets.map((sheet) => ({ sheet, search: findHeader(sheet.rows) }));
  const tables = searches.flatMap(({ sheet, search }) => (search.kind === 'table' ? [{ sheet, header: search.header }] : []));
  if (tables.length === 0) throw noTableError(searches, fileName);

  const builder = new PlanBuilder(lang);
  for (const { sheet, search } of searches) {
    if (search.kind === 'table') builder.readSheet(sheet, search.header);
    else builder.warn({ sheet: sheet.name, row: null, column: null, message: ignoredSheetReason(search)[lang] });
  }
  const titleBlock = tables.flatMap(({ sheet, header }) => sheet.rows.slice(0, header.rowIndex));
  return { ...readTitleBlock(titleBlock), areas: builder.areas, warnings: builder.listedWarnings() };
}

class PlanBuilder {
  readonly areas: ParsedArea[] = [];
  readonly warnings: ImportWarning[] = [];
  private area: ParsedArea | null = null;
  private measure: ParsedMeasure | null = null;
  private readonly activitySources = new Map<string, SourceRef>();
  private sheetName = '';
  private header!: Header;

  private unlisted = 0;

  constructor(private readonly lang: Lang) {}

  warn(warning: ImportWarning): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(warning);
    else this.unlisted += 1;
  }

  /** The warnings, and a last one counting those not listed. */
  listedWarnings(): ImportWarning[] {
    if (this.unlisted === 0) return this.warnings;
    const last = this.warnings[this.warnings.length - 1]!;
    const message = {
      en: `${this.unlisted.toLocaleString('en-US')} more warnings not listed (only the first ${MAX_WARNINGS} are)`,
      bg: `още ${this.unlisted.toLocaleString('bg-BG')} предупреждения не са изброени (изброени са само първите ${MAX_WARNINGS})`,
    }[this.lang];
    return [...this.warnings, { sheet: last.sheet, row: null, column: null, message }];
  }

  readSheet(sheet: Sheet, header: Header): void {
    this.sheetName = sheet.name;
    this.header = header;
    this.area = null;
    this.measure = null;
    for (const row of sheet.rows.slice(header.rowIndex + 1)) this.readRow(row);
  }

  private readRow({ row, cells }: SheetRow): void {
    const filled: number[] = [];
    for (let index = 0; index < cells.length; index++) if (!isBlank(cells[index])) filled.push(index);
    if (filled.length === 0 || isColumnNumbering(cells, filled)) return;
    if (this.readAreaRow(cells, filled, row)) return;

    this.cells = cells;
    this.placed.clear();
    const activityText = normaliseSpace(cellText(this.peek('activity')));
    if (activityText === this.label('activity')) return; // the header repeated, as on every printed page

    if (this.has('measure')) this.openMeasure(cellText(this.take('measure')), row);
    const measure = this.measure ?? (activityText ? this.measureFromActivityCode(activityText, row) : null);
    let reason: Message = { en: 'the row has no activity', bg: 'редът няма дейност' };
    if (measure) {
      for (const key of KIND_COLUMNS) if (this.has(key)) this.applyKind(measure, key, cellText(this.take(key)), row);
      if (activityText) this.addActivity(measure, activityText, row);
    } else if (activityText) {
      reason = { en: 'no measure above this row', bg: 'над този ред няма мярка' };
    }
    for (const index of filled) {
      if (this.placed.has(index)) continue;
      const column = columnAt(this.header, index);
      const why = column.key === null ? { en: 'the column is not one the importer reads', bg: 'приложението не чете тази колона' } : reason;
      const text = shorten(cellText(cells[index]));
      this.warnAt(row, column.label, { en: `not imported (${why.en}): "${text}"`, bg: `не е внесено (${why.bg}): „${text}“` });
    }
  }

  // The row being read, and the columns of it that went into the plan (the rest is reported).
  // Methods rather than closures made per row: a large plan has tens of thousands of rows.
  private cells: CellValue[] = [];
  private readonly placed = new Set<number>();

  private peek(key: ColumnKey): CellValue {
    const index = this.header.keys[key];
    return index === undefined ? null : (this.cells[index] ?? null);
  }

  private take(key: ColumnKey): CellValue {
    const index = this.header.keys[key];
    if (index !== undefined) this.placed.add(index);
    return this.peek(key);
  }

  private has(key: ColumnKey): boolean {
    return !isBlank(this.peek(key));
  }

  /** "Област 2: ...", or a single first-column cell holding no measure code. */
  private readAreaRow(cells: CellValue[], filled: number[], row: number): boolean {
    if (filled.length !== 1) return false;
    const [index] = filled;
    const text = cellText(cells[index]);
    let heading: CodedText | null = parseAreaHeading(text);
    if (!heading) {
      const firstColumn = Math.min(...this.header.columns.filter((c) => c.key !== null).map((c) => c.index));
      if (index !== firstColumn || columnAt(this.header, index).key === 'activity') return false;
      heading = splitCode(text);
      if (codeDepth(heading.code) > 1) return false;
    }
    const code = heading.code ?? String(this.areas.length + 1);
    if (heading.code === null) {
      this.warnAt(row, columnAt(this.header, index).label, {
        en: `area row without a number; given ${code}`,
        bg: `ред на област без номер; даден е ${code}`,
      });
    }
    this.openArea(code, heading.title);
    return true;
  }

  private openArea(code: string, title: string): ParsedArea {
    this.area = { code, title, measures: [] };
    this.areas.push(this.area);
    this.measure = null;
    return this.area;
  }

  /** Rows before any area row: the sheet is the area ("Област 1" or any other name). */
  private currentArea(row: number): ParsedArea {
    if (this.area) return this.area;
    const heading = parseAreaHeading(this.sheetName);
    if (heading) return this.openArea(heading.code, heading.title || this.sheetName);
    const code = String(this.areas.length + 1);
    this.warnAt(row, null, {
      en: `no area row above this row; area ${code} is named after the sheet`,
      bg: `над този ред няма ред на област; област ${code} е наречена на листа`,
    });
    return this.openArea(code, this.sheetName);
  }

  /** A measure cell: a new measure, or the current one repeated (same code, or same text without code). */
  private openMeasure(text: string, row: number): void {
    const { code, title } = splitCode(text);
    const current = this.measure;
    if (current && (code !== null ? code === current.code : title === current.title)) {
      if (title !== current.title) {
        this.warnAt(row, this.label('measure'), {
          en: `measure ${code} has another title on this row; the first one is kept`,
          bg: `мярка ${code} има друго наименование на този ред; запазено е първото`,
        });
      }
      return;
    }
    const area = this.currentArea(row);
    const measureCode = code ?? `${area.code}.${area.measures.length + 1}`;
    if (code === null) {
      this.warnAt(row, this.label('measure'), { en: `measure has no code; given ${measureCode}`, bg: `мярката няма код; даден е ${measureCode}` });
    }
    this.measure = { code: measureCode, title, kind: null, cafRefs: [], activities: [] };
    area.measures.push(this.measure);
  }

  /** Without a measure column, "1.2.3" belongs to measure "1.2" (created without a title). */
  private measureFromActivityCode(activityText: string, row: number): ParsedMeasure | null {
    if (this.header.keys.measure !== undefined) return null;
    const { code } = splitCode(activityText);
    if (codeDepth(code) < 2) return null;
    const measureCode = code!.split('.').slice(0, -1).join('.');
    const area = this.currentArea(row);
    const existing = area.measures.find((m) => m.code === measureCode);
    if (existing) return existing;
    this.warnAt(row, this.label('activity'), {
      en: `no measure column; measure ${measureCode} made from the activity code, without a title`,
      bg: `няма колона за мярка; мярка ${measureCode} е създадена от кода на дейността, без наименование`,
    });
    const measure: ParsedMeasure = { code: measureCode, title: '', kind: null, cafRefs: [], activities: [] };
    area.measures.push(measure);
    return measure;
  }

  /** Kind and CAF references belong to the measure, whichever of its rows holds them. */
  private applyKind(measure: ParsedMeasure, key: ColumnKey, text: string, row: number): void {
    const column = this.label(key);
    const { refs, unknown } = parseCafRefs(text);
    const kind = key === 'strategic' ? 'strategic' : key === 'quickWin' ? 'quick_win' : key === 'type' ? kindFromType(text) : null;
    if (key === 'type' && kind === null && refs.length === 0) {
      this.warnAt(row, column, {
        en: `type "${shorten(text)}" is neither a strategic measure nor a quick win`,
        bg: `видът „${shorten(text)}“ не е нито стратегическа мярка, нито бърза победа`,
      });
    }
    if (kind !== null && measure.kind === null) measure.kind = kind;
    else if (kind !== null && measure.kind !== null && kind !== measure.kind) {
      const kind = KIND_NAMES[measure.kind];
      this.warnAt(row, column, {
        en: `measure ${measure.code} is already ${kind.en}; "${shorten(text)}" does not change it`,
        bg: `мярка ${measure.code} вече е ${kind.bg}; „${shorten(text)}“ не променя това`,
      });
    }
    for (const ref of refs) if (!measure.cafRefs.includes(ref)) measure.cafRefs.push(ref);
    for (const ref of unknown) {
      this.warnAt(row, column, {
        en: `"${ref}" is not a CAF 2020 criterion or sub-criterion; not linked`,
        bg: `„${ref}“ не е критерий или подкритерий на CAF 2020; не е свързан`,
      });
    }
  }

  private addActivity(measure: ParsedMeasure, text: string, row: number): void {
    this.take('activity');
    const split = splitCode(text);
    const code = split.code ?? `${measure.code}.${measure.activities.length + 1}`;
    if (split.code === null) {
      this.warnAt(row, this.label('activity'), { en: `activity has no code; given ${code}`, bg: `дейността няма код; даден е ${code}` });
    }
    const source: SourceRef = { sheet: this.sheetName, row };
    const first = this.activitySources.get(code);
    if (first === undefined) this.activitySources.set(code, source);
    else {
      const sameSheet = first.sheet === source.sheet;
      this.warnAt(row, this.label('activity'), {
        en: `activity code ${code} is used twice (also on ${sameSheet ? '' : `sheet "${first.sheet}" `}row ${first.row}); both kept`,
        bg: `кодът на дейност ${code} е използван два пъти (и на ${sameSheet ? '' : `лист „${first.sheet}“, `}ред ${first.row}); запазени са и двете`,
      });
    }

    const start = this.readDateCell(this.take('start'), 'start', row);
    const end = this.readDateCell(this.take('end'), 'end', row);
    const startIso = start.kind === 'date' ? start.iso : null;
    const endIso = end.kind === 'date' ? end.iso : null;
    if (startIso && endIso && startIso > endIso) {
      this.warnAt(row, this.label('end'), {
        en: `the start ${startIso} is after the end ${endIso}`,
        bg: `началото ${formatDate(startIso, 'bg')} е след края ${formatDate(endIso, 'bg')}`,
      });
    }
    measure.activities.push({
      code,
      title: split.title,
      start: startIso,
      end: endIso,
      ongoing: start.kind === 'ongoing' || end.kind === 'ongoing',
      ongoingText: null,
      indicator: null,
      resources: null,
      status: null,
      target: normaliseSpace(cellText(this.take('target'))) || null,
      owners: splitOwners(cellText(this.take('owners'))),
      note: normaliseSpace(cellText(this.take('note'))) || null,
      source,
    });
  }

  private readDateCell(value: CellValue, bound: DateBound, row: number): DateRead {
    const read = readDate(value, bound);
    if (read.kind === 'invalid') {
      const text = shorten(cellText(value));
      this.warnAt(row, this.label(bound), {
        en: `cannot read the date "${text}" (${read.reason.en}); left empty`,
        bg: `датата „${text}“ не може да бъде прочетена (${read.reason.bg}); оставена е празна`,
      });
    }
    return read;
  }

  private label(key: ColumnKey): string | null {
    const index = this.header.keys[key];
    return index === undefined ? null : columnAt(this.header, index).label;
  }

  private warnAt(row: number, column: string | null, message: Message): void {
    this.warn({ sheet: this.sheetName, row, column, message: message[this.lang] });
  }
}

/** The row under the header that only numbers the columns: 1. 2. 3. ... */
function isColumnNumbering(cells: CellValue[], filled: number[]): boolean {
  return filled.length >= 3 && filled.every((index) => COLUMN_NUMBER.test(cellText(cells[index]).trim()));
}

function readTitleBlock(rows: SheetRow[]): Pick<ParsedPlan, 'title' | 'period'> {
  const lines = rows.map((row) => normaliseSpace(row.cells.map(cellText).join(' '))).filter((line) => line !== '');
  const period = lines.map((line) => PERIOD.exec(line)).find((match) => match !== null);
  return {
    title: lines.find((line) => PLAN_TITLE.test(line)) ?? null,
    period: period ? `${period[1]}-${period[2]}` : null,
  };
}

function ignoredSheetReason(search: Exclude<HeaderSearch, { kind: 'table' }>): Message {
  if (search.kind === 'missing-required') {
    return {
      en: `sheet ignored: its header (row ${search.row}) has no ${REQUIRED_COLUMN_LABEL.en} column`,
      bg: `листът е пропуснат: в заглавния му ред (ред ${search.row}) няма колона ${REQUIRED_COLUMN_LABEL.bg}`,
    };
  }
  return {
    en: 'sheet ignored: no plan table in it (no header row with the plan columns)',
    bg: 'листът е пропуснат: в него няма таблица на план (няма заглавен ред с колоните на плана)',
  };
}

function noTableError(searches: { sheet: Sheet; search: HeaderSearch }[], fileName: string): ImportError {
  for (const { sheet, search } of searches) {
    if (search.kind === 'missing-required') {
      return new ImportError(fileName, {
        en: `required column ${REQUIRED_COLUMN_LABEL.en} is missing (sheet "${sheet.name}", row ${search.row}; headers found: ${search.labels.map((label) => `"${label}"`).join(', ')})`,
        bg: `липсва задължителната колона ${REQUIRED_COLUMN_LABEL.bg} (лист „${sheet.name}“, ред ${search.row}; намерени заглавия: ${search.labels.map((label) => `„${label}“`).join(', ')})`,
      });
    }
  }
  const names = (open: string, close: string) => searches.map(({ sheet }) => `${open}${sheet.name}${close}`).join(', ');
  return new ImportError(fileName, {
    en: `no header row found in any sheet (looked for columns such as "Мярка", "Наименование на дейността", "Начало (дата)", "Край (дата)" in ${names('"', '"') || 'an empty workbook'})`,
    bg: `в нито един лист няма заглавен ред (търсени са колони като „Мярка“, „Наименование на дейността“, „Начало (дата)“, „Край (дата)“ в ${names('„', '“') || 'празна работна книга'})`,
  });
}

function shorten(text: string): string {
  const clean = normaliseSpace(text);
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}

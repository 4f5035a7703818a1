import { importPlanWords as words } from '../app/i18n/import-plan';
import { inBoth } from '../app/i18n/words';
import { kindFromType } from './caf';
import { KIND_COLUMNS, applyKind } from './kinds';
import { codeDepth, listedItems, parseAreaHeading, readCodeCell, splitCode, type CodedText, type Level } from './codes';
import { columnAt, type ColumnKey } from './header';
import { titleKey } from './levels';
import { readMerges } from './merges';
import { ACTIVITY_FIELD_KEYS, readActivity } from './activity-fields';
import type { PlanWarnings } from './plan-warnings';
import { TableCells, type TableLayout, type TableRead } from './table-cells';
import { areaHeading, isSkipped, levelOf, numberingWarnings, ROMAN_CELL, SECTION_KIND, type UncodedRow } from './table-rows';
import { cellText, isBlank, normaliseSpace } from './text';
import type { Message } from './import-error';
import type { CellValue, MeasureKind, ParsedArea, ParsedMeasure, SheetRow, SourceRef } from './types';

interface PendingMeasure {
  measure: ParsedMeasure;
  cells: CellValue[];
  row: number;
}

/** Reads the rows of plan tables into one tree of areas, measures and activities. */
export class TableReader extends TableCells {
  readonly areas: ParsedArea[] = [];
  private readonly activitySources = new Map<string, SourceRef>();
  private sharedArea: ParsedArea | null = null;

  constructor(
    warnings: PlanWarnings,
    /** Title of the area that gathers sheets of one kind without areas of their own. */
    private readonly planTitle: string,
  ) {
    super(warnings);
  }

  // The table being read (t and read: TableCells).
  private area: ParsedArea | null = null;
  private measure: ParsedMeasure | null = null;
  private pending: PendingMeasure | null = null;
  private sectionKind: MeasureKind | null = null;
  private tableAreas: ParsedArea[] = [];
  private defaultArea: ParsedArea | null = null;
  /** Area rows without a number: warned about once they hold measures (else they were text under the table). */
  private uncodedAreas: { area: ParsedArea; row: number; column: string }[] = [];
  private uncodedRows: UncodedRow[] = [];
  private coded = { measure: 0, activity: 0 };
  private across = new Set<number>();
  private filledDown = new Map<number, CellValue[]>();
  private codeDown = new Map<number, string>();

  readTable(layout: TableLayout): TableRead {
    this.t = layout;
    this.read = {
      counts: { areas: 0, measures: 0, activities: 0, skipped: 0, unread: 0 },
      levelsFound: [],
      dates: { read: 0, invalid: 0 },
      unreadColumns: new Map(),
      uncoded: false,
      kindFromSections: false,
    };
    this.area = null;
    this.measure = null;
    this.pending = null;
    this.sectionKind = null;
    this.tableAreas = [];
    this.defaultArea = null;
    this.uncodedAreas = [];
    this.uncodedRows = [];
    this.coded = { measure: 0, activity: 0 };
    ({ across: this.across, filledDown: this.filledDown, codeDown: this.codeDown } = readMerges(layout.sheet, layout.header));
    if (layout.area) this.openArea(layout.area.code, layout.area.title);
    for (const row of layout.sheet.rows.slice(layout.header.rowIndexes.at(-1)! + 1)) this.readRow(row);
    this.closeMeasure();
    this.finishTable();
    return this.read;
  }

  private readRow(sheetRow: SheetRow): void {
    const { row, hidden } = sheetRow;
    const cells = this.filledDown.get(row) ?? sheetRow.cells;
    const filled: number[] = [];
    for (let index = 0; index < cells.length; index++) if (!isBlank(cells[index]) && !this.t.ignored.has(index)) filled.push(index);
    if (hidden || filled.length === 0 || isSkipped(cells, filled, this.t.header)) {
      this.read.counts.skipped++;
      return;
    }
    const first = normaliseSpace(cellText(cells[filled[0]]));
    this.cells = cells;
    this.placed.clear();
    const lone = filled.length === 1 || (this.across.has(row) && new Set(filled.map((i) => cellText(cells[i]))).size === 1);
    if (lone && this.readGroupRow(first, filled[0], row)) return;

    const before = this.read.counts.activities + this.read.counts.measures + this.read.counts.areas;
    let reason = inBoth(words, 'rowHasNoActivity');
    if (this.t.levels.by === 'columns') this.readColumnsRow(row);
    else reason = this.readItemRow(row) ?? reason;
    if (this.read.counts.activities + this.read.counts.measures + this.read.counts.areas === before && !this.pending) this.read.counts.unread++;
    this.reportUnplaced(filled, row, reason);
  }

  /** A row of one cell: a kind section ("Бързи победи"), an area ("Област 1:", "I. ЛИДЕРСТВО", a row merged across). */
  private readGroupRow(text: string, index: number, row: number): boolean {
    if (SECTION_KIND.test(text) && text.length <= 60) {
      this.sectionKind = kindFromType(text);
      this.read.kindFromSections = true;
      this.closeMeasure();
      return true;
    }
    const heading = areaHeading(text, index, row, this.t, this.across, this.measure !== null || this.pending !== null);
    if (!heading) return false;
    this.closeMeasure();
    const code = heading.code || String(this.areas.length + 1);
    const area = this.openArea(code, heading.title);
    if (heading.code === '') this.uncodedAreas.push({ area, row, column: columnAt(this.t.header, index).label });
    return true;
  }

  private readColumnsRow(row: number): void {
    const activityText = normaliseSpace(cellText(this.peek('activity')));
    const codeText = cellText(this.peek('code')).trim();
    if (ROMAN_CELL.test(codeText)) {
      // "II" in the № column, the area's title beside it.
      this.take('code');
      this.openArea(readCodeCell(codeText)!, normaliseSpace(cellText(this.take('measure'))) || normaliseSpace(cellText(this.take('activity'))));
      return;
    }
    const measureText = this.has('measure') ? cellText(this.take('measure')) : '';
    if (this.has('area')) this.openAreaFromColumn(cellText(this.take('area')), row);
    // A code column on a row that starts a measure numbers the measure ("1.1"), unless it is deeper
    // ("1.1.1": the activity's, its measure's being the rest); on other rows it numbers the activity.
    const activitySplit = splitCode(activityText);
    // Two № columns: the first numbers the measure, the second the activity.
    const ownCode = this.activityCode();
    const measureCodeCell = ownCode === undefined ? null : readCodeCell(cellText(this.take('code')));
    let codeCell = readCodeCell(cellText(ownCode === undefined ? this.peek('code') : ownCode));
    if (measureText) {
      const split = splitCode(measureText);
      let code = split.code ?? measureCodeCell;
      const starts = this.measure === null || (code !== null ? code !== this.measure.code : split.title !== this.measure.title);
      if (code === null && codeCell !== null && starts && codeCell !== activitySplit.code) {
        if (codeDepth(codeCell) < 3) {
          code = codeCell;
          this.take('code');
          codeCell = null;
        } else code = codeCell.split('.').slice(0, -1).join('.');
      }
      this.openMeasure(code, split.title, row);
    }
    const measure = this.measure ?? (activityText ? this.measureFromActivityCode(activityText, row) : null);
    if (!measure) return;
    this.applyKinds(measure, row);
    const listed = this.t.header.keys.activity === undefined ? null : listedItems(cellText(this.peek('activity')));
    if (listed) {
      this.take('activity');
      if (codeCell !== null) this.take('code'); // the lines' own numbers number the activities
      for (const item of listed) this.addItem(measure, row, item.code, item.title, item.bullet === true);
      this.warnAt(row, this.label('activity'), inBoth(words, 'cellListsActivities', { count: listed.length }));
    } else if (activityText) {
      this.take('activity');
      if (codeCell !== null) this.take('code');
      this.addItem(measure, row, activitySplit.code ?? codeCell, activitySplit.title, activitySplit.bullet === true);
    } else if (this.pending?.measure === measure && this.pending.row === row) this.keepForPending();
  }

  /** A row of a table with one title column: its level from its number, its list mark, or the level rule. */
  private readItemRow(row: number): Message | null {
    const key = titleKey(this.t.header)!;
    const text = normaliseSpace(cellText(this.take(key)));
    const codeText = cellText(this.take('code')).trim();
    if (this.has('area')) this.openAreaFromColumn(cellText(this.take('area')), row);
    if (!text) return null;
    const split = splitCode(text);
    if (ROMAN_CELL.test(codeText)) {
      this.closeMeasure();
      this.openArea(readCodeCell(codeText)!, split.title);
      return null;
    }
    const mergedCode = this.codeDown.get(row);
    if (mergedCode !== undefined) return this.readUnderMergedCode(mergedCode, split, row);
    const code = readCodeCell(codeText) ?? split.code;
    const title = split.title;
    const level = levelOf(this.t.levels, code, split.level, split.bullet === true, this.measure !== null);
    if (level === 'area') {
      this.closeMeasure();
      this.openArea(code!, title);
      return null;
    }
    if (level === 'measure') {
      this.openMeasure(code, title, row);
      this.applyKinds(this.measure!, row);
      this.keepForPending();
      if (this.t.levels.by === 'every-row') this.closeMeasure();
      return null;
    }
    const measure = this.measureForActivity(code, row);
    if (!measure) return inBoth(words, 'noMeasureAbove');
    this.applyKinds(measure, row);
    this.addItem(measure, row, code, title, split.bullet === true);
    return null;
  }

  /**
   * A row under a № cell merged down over it ("Мярка 1.1" beside rows of activities, no measure
   * column): the code is the measure's (made without a title), the row's text its activity, numbered
   * by its own number or in order.
   */
  private readUnderMergedCode(measureCode: string, split: CodedText, row: number): null {
    if (this.measure?.code !== measureCode) {
      this.openMeasure(measureCode, '', row);
      this.warnAt(row, this.label('code'), inBoth(words, 'mergedCodeCell', { code: measureCode }));
    }
    const measure = this.measure!;
    this.applyKinds(measure, row);
    this.addItem(measure, row, split.code, split.title, split.bullet === true);
    return null;
  }

  /** An area row: a new area, or one of the same number and title met before (on another sheet of the plan: its quick wins, say). */
  private openArea(code: string, title: string): ParsedArea {
    this.closeMeasure();
    const key = normaliseSpace(title).toLocaleLowerCase('bg');
    const same = this.areas.find((area) => area.code === code && normaliseSpace(area.title).toLocaleLowerCase('bg') === key);
    this.area = same ?? { code, title, measures: [] };
    if (!same) this.areas.push(this.area);
    if (!this.tableAreas.includes(this.area)) this.tableAreas.push(this.area);
    this.read.counts.areas++;
    return this.area;
  }

  /** An area column: a new area when its text changes. */
  private openAreaFromColumn(text: string, row: number): void {
    const heading = parseAreaHeading(text) ?? (({ code, title }) => ({ code: code ?? '', title }))(splitCode(text));
    if (this.area && (heading.code ? heading.code === this.area.code : heading.title === this.area.title)) return;
    const code = heading.code || String(this.areas.length + 1);
    if (!heading.code) this.warnAt(row, this.label('area'), inBoth(words, 'areaWithoutNumber', { code }));
    this.openArea(code, heading.title);
  }

  /** Rows before any area row: the area is the sheet (or, for a sheet of one kind, one area for all such sheets). */
  private currentArea(row: number): ParsedArea {
    if (this.area) return this.area;
    const heading = parseAreaHeading(this.t.sheet.name);
    if (heading) return this.openArea(heading.code, heading.title || this.t.sheet.name);
    if (this.t.kind !== null && this.sharedArea) {
      this.area = this.sharedArea;
      this.defaultArea = this.sharedArea;
      return this.area;
    }
    const code = String(this.areas.length + 1);
    const title = this.t.kind !== null ? this.planTitle : this.t.sheet.name;
    this.warnAt(row, null, inBoth(words, this.t.kind === null ? 'areaNamedAfterSheet' : 'areaNamedAfterPlan', { code }));
    const area = this.openArea(code, title);
    this.defaultArea = area;
    if (this.t.kind !== null) this.sharedArea = area;
    return area;
  }

  /** A measure: a new one, or the current one repeated (same code, or same text without code). */
  private openMeasure(code: string | null, title: string, row: number): void {
    const current = this.measure;
    if (current && (code !== null ? code === current.code : title === current.title)) {
      if (title !== current.title && title !== '') {
        this.warnAt(row, this.label(this.measureKey()), inBoth(words, 'measureOtherTitle', { code: current.code }));
      }
      return;
    }
    this.closeMeasure();
    const area = this.currentArea(row);
    const measureCode = code ?? `${area.code}.${area.measures.length + 1}`;
    if (code === null) this.uncodedRows.push({ row, level: 'measure', code: measureCode, column: this.label(this.measureKey()) });
    else this.coded.measure++;
    this.measure = { code: measureCode, title, kind: this.sectionKind ?? this.t.kind, cafRefs: [], activities: [] };
    area.measures.push(this.measure);
    this.read.counts.measures++;
    this.pending = { measure: this.measure, cells: [], row };
  }

  private measureKey(): ColumnKey {
    return this.t.header.keys.measure !== undefined ? 'measure' : titleKey(this.t.header)!;
  }

  /** The cells of a measure's own row: its activities' fields where theirs are empty, or its one activity. */
  private keepForPending(): void {
    if (!this.pending) return;
    this.pending.cells = this.cells;
    for (const key of ACTIVITY_FIELD_KEYS) if (this.has(key)) this.take(key);
  }

  /** A measure without activity rows becomes one activity of the same title (code: the measure's + ".1"). */
  private closeMeasure(): void {
    const pending = this.pending;
    this.pending = null;
    this.measure = null;
    if (!pending || pending.measure.activities.length > 0) return;
    const { measure, cells, row } = pending;
    const [rowCells, placed] = [this.cells, [...this.placed]];
    this.cells = cells;
    this.addActivity(measure, row, `${measure.code}.1`, measure.title, true);
    this.cells = rowCells;
    this.placed.clear();
    for (const index of placed) this.placed.add(index);
    if (this.t.levels.by !== 'every-row') {
      this.warnAt(row, this.label(this.measureKey()), inBoth(words, 'measureAsActivity', { code: measure.code }));
    }
  }

  /** Without a measure level, "1.2.3" belongs to measure "1.2" (created without a title). */
  private measureFromActivityCode(activityText: string, row: number): ParsedMeasure | null {
    if (this.t.header.keys.measure !== undefined) return null;
    const { code } = splitCode(activityText);
    return codeDepth(code) < 2 ? null : this.measureOfPrefix(code!, row);
  }

  private measureOfPrefix(activityCode: string, row: number): ParsedMeasure {
    const measureCode = activityCode.split('.').slice(0, -1).join('.');
    const area = this.currentArea(row);
    const existing = area.measures.find((m) => m.code === measureCode);
    if (existing) return existing;
    this.warnAt(row, this.label(titleKey(this.t.header)!), inBoth(words, 'measureFromActivityCode', { code: measureCode }));
    const measure: ParsedMeasure = { code: measureCode, title: '', kind: this.sectionKind ?? this.t.kind, cafRefs: [], activities: [] };
    area.measures.push(measure);
    this.read.counts.measures++;
    this.measure = measure;
    return measure;
  }

  private measureForActivity(code: string | null, row: number): ParsedMeasure | null {
    const levels = this.t.levels;
    const noMeasureLevel = levels.by === 'numbering' && levels.depths.measure === undefined;
    if (noMeasureLevel && code !== null && codeDepth(code) >= 2) {
      if (this.measure && code.startsWith(`${this.measure.code}.`)) return this.measure;
      return this.measureOfPrefix(code, row);
    }
    return this.measure;
  }

  /** Kind and CAF references belong to the measure, whichever of its rows holds them. */
  private applyKinds(measure: ParsedMeasure, row: number): void {
    for (const key of KIND_COLUMNS) {
      if (this.has(key)) applyKind(measure, key, cellText(this.take(key)), (message) => this.warnAt(row, this.label(key), message));
    }
  }

  /** An activity row: its code as written, a number within its measure ("1.", "а)"), or the next in order. */
  private addItem(measure: ParsedMeasure, row: number, rawCode: string | null, title: string, bullet: boolean): void {
    const next = `${measure.code}.${measure.activities.length + 1}`;
    let code = rawCode ?? next;
    if (rawCode !== null && !rawCode.startsWith(`${measure.code}.`) && codeDepth(rawCode) <= codeDepth(measure.code)) {
      code = codeDepth(rawCode) === 1 ? `${measure.code}.${rawCode}` : next; // numbered within the measure
    }
    if (rawCode === null && !bullet) this.uncodedRows.push({ row, level: 'activity', code, column: this.label(titleKey(this.t.header)!) });
    else this.coded.activity++;
    this.addActivity(measure, row, code, title, false);
  }

  private addActivity(measure: ParsedMeasure, row: number, code: string, title: string, fromMeasureRow: boolean): void {
    const source: SourceRef = { sheet: this.t.sheet.name, row };
    const first = this.activitySources.get(code);
    if (first === undefined) this.activitySources.set(code, source);
    else {
      const key = first.sheet === source.sheet ? 'activityCodeTwice' : 'activityCodeTwiceOtherSheet';
      this.warnAt(row, this.label(titleKey(this.t.header)!), inBoth(words, key, { code, sheet: first.sheet, row: first.row }));
    }
    this.fallback = !fromMeasureRow && this.pending?.measure === measure && this.pending.row !== row ? this.pending.cells : null;
    this.row = row;
    const activity = readActivity(code, title, source, this);
    measure.activities.push(activity);
    this.read.counts.activities++;
  }

  /** The numbering warnings (numberingWarnings), area rows without numbers, trailing text rows that are not areas, columns not read. */
  private finishTable(): void {
    const numbering = numberingWarnings(this.uncodedRows, this.coded, this.t.levels.by);
    this.read.uncoded = numbering.uncoded;
    for (const { row, column, message } of numbering.warnings) this.warnAt(row, column, message);
    for (const { area, row, column } of this.uncodedAreas) {
      if (area.measures.length > 0) this.warnAt(row, column, inBoth(words, 'areaRowWithoutNumber', { code: area.code }));
    }
    // Text under the table read as area rows with nothing in them: a footnote, not an area.
    for (const area of this.tableAreas) {
      if (area.measures.length > 0 || area === this.sharedArea) continue;
      this.areas.splice(this.areas.indexOf(area), 1);
      this.read.counts.areas--;
      this.read.counts.skipped++;
    }
    this.read.levelsFound = this.levelsFound();
    this.warnUnreadColumns();
  }

  private levelsFound(): Level[] {
    const levels: Level[] = [];
    if (this.tableAreas.some((area) => area !== this.defaultArea && area.measures.length > 0)) levels.push('area');
    if (this.t.levels.by !== 'every-row') levels.push('measure');
    levels.push('activity');
    return levels;
  }
}

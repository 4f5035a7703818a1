import { parseStatusWord } from '../app/domain/status';
import { formatDate } from '../app/domain/dates';
import { importPlanWords as words } from '../app/i18n/import-plan';
import { inBoth } from '../app/i18n/words';
import { readDate, readPeriod, type DateBound, type PeriodRead } from './dates';
import type { ColumnKey } from './header';
import type { Message } from './import-error';
import { shorten } from './plan-warnings';
import { cellText, normaliseSpace, splitOwners } from './text';
import type { CellValue, ParsedActivity, ParsedActivityStatus, SourceRef } from './types';

/** The columns that hold an activity's own fields (on a measure's row: defaults for its activities). */
export const ACTIVITY_FIELD_KEYS: ColumnKey[] = ['start', 'end', 'period', 'owners', 'indicator', 'target', 'status', 'resources', 'note'];

/** Where an activity's fields come from: the cells of its row by meaning, and where to warn. */
export interface FieldSource {
  field(key: ColumnKey): CellValue;
  label(key: ColumnKey): string | null;
  warnField(column: string | null, message: Message): void;
  readonly dates: { read: number; invalid: number };
}

/** Longer than a status word and a percentage: the cell is kept as the status update's comment. */
const MAX_BARE_STATUS_LENGTH = 30;
const BOUNDS: DateBound[] = ['start', 'end'];

/** Reads an activity's fields from its row's cells (by meaning); what cannot be read is warned about. */
export function readActivity(code: string, title: string, source: SourceRef, from: FieldSource): ParsedActivity {
  const dates = from.dates;
  let start: string | null = null;
  let end: string | null = null;
  let ongoingText: string | null = null;
  let rangeEnd: string | null = null;
  for (const bound of BOUNDS) {
    const value = from.field(bound);
    const read = readDate(value, bound);
    if (read.kind === 'date') {
      dates.read++;
      if (bound === 'start') {
        start = read.iso;
        // A start column holding a range ("от 01.03.2023 до 30.06.2023") gives the end too, when the end column does not.
        const range = readPeriod(value);
        if (range.kind === 'range' && range.start !== null) rangeEnd = range.end;
      } else {
        end = read.iso;
        // A deadline column holding a range ("2024 - 2025 г.") gives the start too, when no start column does.
        const range: PeriodRead | null = start === null ? readPeriod(value) : null;
        if (range?.kind === 'range') start = range.start;
      }
    } else if (read.kind === 'ongoing') {
      dates.read++;
      ongoingText ??= normaliseSpace(cellText(value));
    } else if (read.kind === 'invalid') {
      dates.invalid++;
      from.warnField(from.label(bound), unreadDate(value, read.reason));
    }
  }
  end ??= rangeEnd;
  const periodValue = from.field('period');
  const period = readPeriod(periodValue);
  if (period.kind === 'range') {
    dates.read++;
    start ??= period.start;
    end ??= period.end;
  } else if (period.kind === 'ongoing') {
    dates.read++;
    ongoingText ??= period.wording;
  } else if (period.kind === 'invalid') {
    dates.invalid++;
    from.warnField(from.label('period'), unreadDate(periodValue, period.reason));
  }
  if (start && end && start > end) {
    const shown = (iso: string) => ({ en: iso, bg: formatDate(iso, 'bg') }); // the ISO day in English
    from.warnField(from.label('end') ?? from.label('period'), inBoth(words, 'startAfterEnd', { start: shown(start), end: shown(end) }));
  }
  return {
    code,
    title,
    start,
    end,
    ongoing: ongoingText !== null,
    ongoingText,
    indicator: text(from.field('indicator')),
    target: text(from.field('target')),
    owners: splitOwners(cellText(from.field('owners'))),
    resources: text(from.field('resources')),
    note: text(from.field('note')),
    status: readStatus(from.field('status'), from.label('status'), from),
    source,
  };
}

function text(value: CellValue): string | null {
  return normaliseSpace(cellText(value)) || null;
}

function unreadDate(value: CellValue, reason: Message): Message {
  return inBoth(words, 'unreadDate', { text: shorten(cellText(value)), reason });
}

/** A status column: the activity's first status update ("изпълнена", "в процес, 40%"). */
function readStatus(value: CellValue, column: string | null, from: FieldSource): ParsedActivityStatus | null {
  const written = text(value);
  if (written === null) return null;
  const percentOnly = typeof value === 'number' && value >= 0 && value <= 1 ? `${Math.round(value * 100)}%` : written;
  const read = parseStatusWord(percentOnly);
  if (read === null) {
    from.warnField(column, inBoth(words, 'unknownStatus', { text: shorten(written) }));
    return null;
  }
  return { status: read.status, percent: read.percent, comment: written.length > MAX_BARE_STATUS_LENGTH ? written : null };
}

import { parseStatusWord } from '../app/domain/status';
import { formatDate } from '../app/domain/dates';
import { readDate, type DateBound } from './dates';
import type { ColumnKey } from './header';
import type { Message } from './import-error';
import { readPeriod } from './pending-readers';
import { shorten } from './plan-warnings';
import { cellText, normaliseSpace, splitOwners } from './text';
import type { CellValue, ParsedActivity, ParsedActivityStatus } from './types';

/** The columns that hold an activity's own fields (on a measure's row: defaults for its activities). */
export const ACTIVITY_FIELD_KEYS: ColumnKey[] = ['start', 'end', 'period', 'owners', 'indicator', 'target', 'status', 'resources', 'note'];

type Fields = Omit<ParsedActivity, 'code' | 'title' | 'source'>;
type Warn = (column: string | null, message: Message) => void;

/** Longer than a status word and a percentage: the cell is kept as the status update's comment. */
const MAX_BARE_STATUS_LENGTH = 30;

/** Reads an activity's fields from its row's cells (by meaning); what cannot be read is warned about. */
export function readActivityFields(
  cell: (key: ColumnKey) => CellValue,
  label: (key: ColumnKey) => string | null,
  warn: Warn,
  dates: { read: number; invalid: number },
): Fields {
  let start: string | null = null;
  let end: string | null = null;
  let ongoingText: string | null = null;
  for (const bound of ['start', 'end'] as DateBound[]) {
    const value = cell(bound);
    const read = readDate(value, bound);
    if (read.kind === 'date') {
      dates.read++;
      if (bound === 'start') start = read.iso;
      else end = read.iso;
    } else if (read.kind === 'ongoing') {
      dates.read++;
      ongoingText ??= normaliseSpace(cellText(value));
    } else if (read.kind === 'invalid') {
      dates.invalid++;
      warn(label(bound), unreadDate(value, read.reason));
    }
  }
  const periodValue = cell('period');
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
    warn(label('period'), unreadDate(periodValue, period.reason));
  }
  if (start && end && start > end) {
    warn(label('end') ?? label('period'), {
      en: `the start ${start} is after the end ${end}`,
      bg: `началото ${formatDate(start, 'bg')} е след края ${formatDate(end, 'bg')}`,
    });
  }
  return {
    start,
    end,
    ongoing: ongoingText !== null,
    ongoingText,
    indicator: text(cell('indicator')),
    target: text(cell('target')),
    owners: splitOwners(cellText(cell('owners'))),
    resources: text(cell('resources')),
    note: text(cell('note')),
    status: readStatus(cell('status'), label('status'), warn),
  };
}

function text(value: CellValue): string | null {
  return normaliseSpace(cellText(value)) || null;
}

function unreadDate(value: CellValue, reason: Message): Message {
  const shown = shorten(cellText(value));
  return {
    en: `cannot read the date "${shown}" (${reason.en}); left empty`,
    bg: `датата „${shown}“ не може да бъде прочетена (${reason.bg}); оставена е празна`,
  };
}

/** A status column: the activity's first status update ("изпълнена", "в процес, 40%"). */
function readStatus(value: CellValue, column: string | null, warn: Warn): ParsedActivityStatus | null {
  const written = text(value);
  if (written === null) return null;
  const percentOnly = typeof value === 'number' && value >= 0 && value <= 1 ? `${Math.round(value * 100)}%` : written;
  const read = parseStatusWord(percentOnly);
  if (read === null) {
    warn(column, {
      en: `status "${shorten(written)}" is not one the importer knows; no status update made`,
      bg: `състоянието „${shorten(written)}“ не е разпознато; не е създадено отчитане`,
    });
    return null;
  }
  return { status: read.status, percent: read.percent, comment: written.length > MAX_BARE_STATUS_LENGTH ? written : null };
}

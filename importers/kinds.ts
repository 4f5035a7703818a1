import { importPlanWords as words } from '../app/i18n/import-plan';
import { inBoth } from '../app/i18n/words';
import { kindFromType, parseCafRefs, readKindMark } from './caf';
import type { ColumnKey } from './header';
import type { Message } from './import-error';
import { shorten } from './plan-warnings';
import type { MeasureKind, ParsedMeasure } from './types';

/** The columns that say a measure's kind or its CAF references. */
export const KIND_COLUMNS: ColumnKey[] = ['strategic', 'quickWin', 'kind', 'caf'];
const KIND_NAMES: Record<MeasureKind, Message> = {
  strategic: inBoth(words, 'kindStrategic'),
  quick_win: inBoth(words, 'kindQuickWin'),
};

/**
 * Kind and CAF references belong to the measure, whichever of its rows holds them: a CAF
 * reference or a mark ("х", "да", "✓") in a strategic / quick-win column makes it of that kind
 * ("не" does not), the words in a kind column say it; the first kind stays.
 */
export function applyKind(measure: ParsedMeasure, key: ColumnKey, text: string, warn: (message: Message) => void): void {
  const mark = key === 'strategic' || key === 'quickWin' ? readKindMark(text) : null;
  if (mark === false) return;
  const { refs, unknown } = mark === true ? { refs: [], unknown: [] } : parseCafRefs(text);
  const kind = key === 'strategic' ? 'strategic' : key === 'quickWin' ? 'quick_win' : key === 'kind' ? kindFromType(text) : null;
  if (key === 'kind' && kind === null && refs.length === 0) {
    warn(inBoth(words, 'unknownMeasureKind', { text: shorten(text) }));
  }
  if (kind !== null && measure.kind === null) measure.kind = kind;
  else if (kind !== null && measure.kind !== null && kind !== measure.kind) {
    warn(inBoth(words, 'measureKindKept', { code: measure.code, kind: KIND_NAMES[measure.kind], text: shorten(text) }));
  }
  for (const ref of refs) if (!measure.cafRefs.includes(ref)) measure.cafRefs.push(ref);
  for (const ref of unknown) warn(inBoth(words, 'unknownCafRef', { ref }));
}

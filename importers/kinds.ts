import { kindFromType, parseCafRefs } from './caf';
import type { ColumnKey } from './header';
import type { Message } from './import-error';
import { readKindMark } from './pending-readers';
import { shorten } from './plan-warnings';
import type { MeasureKind, ParsedMeasure } from './types';

/** The columns that say a measure's kind or its CAF references. */
export const KIND_COLUMNS: ColumnKey[] = ['strategic', 'quickWin', 'kind', 'caf'];
const KIND_NAMES: Record<MeasureKind, Message> = {
  strategic: { en: 'a strategic measure', bg: 'стратегическа мярка' },
  quick_win: { en: 'a quick win', bg: 'бърза победа' },
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
    warn({
      en: `type "${shorten(text)}" is neither a strategic measure nor a quick win`,
      bg: `видът „${shorten(text)}“ не е нито стратегическа мярка, нито бърза победа`,
    });
  }
  if (kind !== null && measure.kind === null) measure.kind = kind;
  else if (kind !== null && measure.kind !== null && kind !== measure.kind) {
    const name = KIND_NAMES[measure.kind];
    warn({
      en: `measure ${measure.code} is already ${name.en}; "${shorten(text)}" does not change it`,
      bg: `мярка ${measure.code} вече е ${name.bg}; „${shorten(text)}“ не променя това`,
    });
  }
  for (const ref of refs) if (!measure.cafRefs.includes(ref)) measure.cafRefs.push(ref);
  for (const ref of unknown) {
    warn({
      en: `"${ref}" is not a CAF 2020 criterion or sub-criterion; not linked`,
      bg: `„${ref}“ не е критерий или подкритерий на CAF 2020; не е свързан`,
    });
  }
}

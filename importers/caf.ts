import { CAF_CRITERIA } from '../app/domain/caf2020';
import { MAX_CELL_CHARS } from './limits';
import { normaliseSpace } from './text';
import type { MeasureKind } from './types';

const KNOWN_REFS = new Set(CAF_CRITERIA.flatMap((c) => [c.code, ...c.subCriteria.map((s) => s.code)]));

export interface CafRefs {
  refs: string[];
  /** References that are neither a CAF 2020 criterion nor a sub-criterion. */
  unknown: string[];
}

/** A number, or a range of sub-criteria of one criterion ("1.1-1.3", "2.1 – 2.4"). */
const REF = /(\d+(?:\.\d+)*)(?:\s?[-\u2010-\u2015]\s?(\d+(?:\.\d+)*))?/g;

/**
 * Reads CAF references from a cell: "2.3", "1.1.", "Критерий 1.1", "подкритерий 2.3",
 * "CAF 3.2", "1.1, 1.2", "1.1; 2.3", "1.1 и 2.3", "6.1/6.2", a whole criterion "6", and a range
 * within one criterion "1.1-1.3" (1.1, 1.2 and 1.3). "CAF 2020" is the model's name, not a reference.
 */
export function parseCafRefs(text: string): CafRefs {
  const found: string[] = [];
  for (const m of text.slice(0, MAX_CELL_CHARS).replace(/caf\s*20\d\d/gi, '').matchAll(REF)) {
    found.push(...(m[2] === undefined ? [m[1]!] : expanded(m[1]!, m[2])));
  }
  const unique = [...new Set(found)];
  return {
    refs: unique.filter((ref) => KNOWN_REFS.has(ref)),
    unknown: unique.filter((ref) => !KNOWN_REFS.has(ref)),
  };
}

/** "1.1"-"1.3" -> 1.1, 1.2, 1.3 when both are sub-criteria of one criterion; otherwise the two ends as written. */
function expanded(first: string, last: string): string[] {
  const [a, b] = [first.split('.'), last.split('.')];
  if (a.length !== 2 || b.length !== 2 || a[0] !== b[0] || !KNOWN_REFS.has(first) || !KNOWN_REFS.has(last)) return [first, last];
  const refs: string[] = [];
  for (let n = Number(a[1]); n <= Number(b[1]); n++) refs.push(`${a[0]}.${n}`);
  return refs.length > 0 ? refs : [first, last];
}

const QUICK_WIN = /бърз|quick|(?:^|[^\p{L}])(?:qw|бп)(?![\p{L}])/iu;
const STRATEGIC = /стратег|strateg|(?:^|[^\p{L}])см(?![\p{L}])/iu;

/**
 * Reads a "type" cell: "стратегическа (мярка)", "Strategic (measure)", "СМ", "бърза победа",
 * "бързи победи", "Quick win", "QW", "БП". Null when it names neither, or both.
 */
export function kindFromType(text: string): MeasureKind | null {
  const head = text.slice(0, 200);
  const quick = QUICK_WIN.test(head);
  const strategic = STRATEGIC.test(head);
  if (quick === strategic) return null;
  return quick ? 'quick_win' : 'strategic';
}

const MARKED = new Set(['х', 'x', '✓', '✔', '✅', '☑', '☒', '✗', '✘', '×', 'да', 'yes', 'y', '+', '1', 'true', 'истина']);
const UNMARKED = new Set(['не', 'no', 'n', '-', '–', '—', '0', 'false', 'неистина', 'лъжа']);

/**
 * Reads a cell of a kind column ("Стратегическа" / "Бърза победа") that holds a mark: true
 * when marked ("х" Cyrillic or "x" Latin, "да", "✓", "yes", "+", "1", TRUE), false when it
 * says no ("не", "no", "-", "0", FALSE), null when empty or anything else: a column of CAF
 * references ("1.1") is read with parseCafRefs, and whether "1" is a mark or criterion 1 is
 * for the caller to decide from the column's other cells.
 */
export function readKindMark(text: string): boolean | null {
  if (text.length > 20) return null;
  const word = normaliseSpace(text).toLowerCase().replace(/^\(|\)$/g, '').replace(/(?<=\p{L})\.$/u, '');
  if (MARKED.has(word)) return true;
  if (UNMARKED.has(word)) return false;
  return null;
}

import { CLOSE, END, OPEN, type Token, type XmlScanner } from './xml-scanner';

/**
 * Word's automatic numbering (word/numbering.xml), enough to show the numbers of simple lists
 * as Word shows them: "1.", "1.1.", "а)", "IV." in front of a paragraph. A list (w:num) points
 * at a definition (w:abstractNum) whose levels say where they start, how they count (decimal,
 * letters, roman) and how the number is written ("%1.%2."). Lists that share a definition count
 * on together, as Word counts them, unless a list restarts a level (w:startOverride). Bullets
 * and formats other than decimal, letters and roman numbers show no number.
 */
export class Numbering {
  /** The counters of each definition, by level; a level below the one counted restarts. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly restarted = new Set<string>();

  constructor(
    private readonly definitions: Map<string, Level[]>,
    private readonly lists: Map<string, { definition: string; starts: Map<number, number> }>,
  ) {}

  /** The number of the next paragraph of list `numId` at `level`, with what follows it ("1.1. "); '' when none shows. */
  next(numId: string, level: number): string {
    const list = this.lists.get(numId);
    const levels = list ? this.definitions.get(list.definition) : undefined;
    const format = levels?.[level];
    if (!list || !levels || !format) return '';
    const counters = this.counters.get(list.definition) ?? [];
    this.counters.set(list.definition, counters);
    const start = (at: number) => list.starts.get(at) ?? levels[at]?.start ?? 1;
    if (!this.restarted.has(numId)) {
      this.restarted.add(numId);
      for (const at of list.starts.keys()) counters[at] = undefined;
    }
    for (let at = 0; at < level; at++) counters[at] ??= start(at);
    counters[level] = counters[level] === undefined ? start(level) : counters[level]! + 1;
    counters.length = level + 1;
    if (format.format === 'bullet' || format.format === 'none') return '';
    let unknown = false;
    const text = format.text.replace(/%([1-9])/g, (_, digit: string) => {
      const at = Number(digit) - 1;
      const shown = formatNumber(counters[at] ?? start(at), format.legal ? 'decimal' : (levels[at]?.format ?? 'decimal'));
      if (shown === null) unknown = true;
      return shown ?? '';
    });
    return unknown || text === '' ? '' : text + format.suffix;
  }
}

interface Level {
  start: number;
  format: string;
  text: string;
  /** What Word puts between the number and the text: a tab (shown as a space), a space or nothing. */
  suffix: string;
  /** w:isLgl: every level's number written as a decimal. */
  legal: boolean;
}

/** Reads the definitions and lists of word/numbering.xml. */
export function readNumbering(xml: XmlScanner): Numbering {
  const definitions = new Map<string, Level[]>();
  const lists = new Map<string, { definition: string; starts: Map<number, number> }>();
  for (let token = xml.next(); token !== END; token = xml.next()) {
    if (token !== OPEN) continue;
    if (xml.name === 'abstractNum') {
      const id = xml.attribute('abstractNumId') ?? '';
      const levels: Level[] = [];
      children(xml, () => {
        if (xml.name !== 'lvl') return xml.skipElement();
        const at = levelIndex(xml.attribute('ilvl'));
        if (at !== null) levels[at] = readLevel(xml);
        else xml.skipElement();
      });
      definitions.set(id, levels);
    } else if (xml.name === 'num') {
      const id = xml.attribute('numId') ?? '';
      const list = { definition: '', starts: new Map<number, number>() };
      children(xml, () => {
        if (xml.name === 'abstractNumId') list.definition = xml.attribute('val') ?? '';
        else if (xml.name === 'lvlOverride') {
          const at = levelIndex(xml.attribute('ilvl'));
          children(xml, () => {
            const start = startValue(xml.attribute('val'));
            if (xml.name === 'startOverride' && at !== null && start !== null) list.starts.set(at, start);
          });
        }
      });
      lists.set(id, list);
    }
  }
  return new Numbering(definitions, lists);
}

/** Word starts a list at 0 to 32,767; its level text is at most 255 characters. A file claiming more is held to these. */
const MAX_START = 32_767;
const MAX_LEVEL_TEXT = 255;

/** A w:start or w:startOverride value Word could have written, or null. */
function startValue(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= MAX_START ? n : null;
}

function readLevel(xml: XmlScanner): Level {
  const level: Level = { start: 1, format: 'decimal', text: '', suffix: ' ', legal: false };
  children(xml, () => {
    const value = xml.attribute('val');
    if (xml.name === 'start') level.start = startValue(value) ?? 1;
    else if (xml.name === 'numFmt') level.format = value ?? 'decimal';
    else if (xml.name === 'lvlText') level.text = (value ?? '').slice(0, MAX_LEVEL_TEXT);
    else if (xml.name === 'suff') level.suffix = value === 'nothing' ? '' : ' ';
    else if (xml.name === 'isLgl') level.legal = value !== '0' && value !== 'false';
  });
  return level;
}

/** Word has levels 0 to 8. */
function levelIndex(value: string | null): number | null {
  const at = Number(value);
  return Number.isInteger(at) && at >= 0 && at <= 8 ? at : null;
}

/** Calls `visit` at each child of the element just opened. */
function children(xml: XmlScanner, visit: () => void): void {
  const depth = xml.depth;
  let token: Token;
  while ((token = xml.next()) !== CLOSE || xml.depth >= depth) {
    if (token === OPEN && xml.depth === depth + 1) visit();
  }
}

const MAX_LETTER_NUMBER = 78;
const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

/** A counter as the format writes it; null for a format not shown here. */
export function formatNumber(n: number, format: string): string | null {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'lowerLetter':
    case 'upperLetter': {
      // Past "zzz" (78) a letter repeated so often is no number anybody reads: the decimal is shown.
      if (n < 1 || n > MAX_LETTER_NUMBER) return String(n);
      // a..z, then aa..zz, aaa..: Word repeats the letter.
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      if (n < 1 || n > 3999) return String(n);
      let rest = n;
      let roman = '';
      for (const [value, digits] of ROMAN) for (; rest >= value; rest -= value) roman += digits;
      return format === 'upperRoman' ? roman.toUpperCase() : roman;
    }
    default:
      return null;
  }
}

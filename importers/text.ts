import { MAX_CELL_CHARS } from './limits';
import type { CellValue } from './types';

// Any whitespace but a plain space, two spaces, or a space at either end (the same as /\s\s|[^\S ]|^ | $/, faster).
const UNTIDY_SPACE = /[^\S ]| {2}|^ | $/;

/** Collapses runs of whitespace (including line breaks and no-break spaces) and trims. */
export function normaliseSpace(text: string): string {
  return UNTIDY_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** Letters, all capitals ("ЛИДЕРСТВО"): how group rows are written. */
export function inCapitals(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toLocaleUpperCase('bg');
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** The cell as raw text: dates as ISO (UTC, as exceljs gives them), empty cells as ''. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return isoDate(value);
  return String(value);
}

export function isoDate(date: Date): string {
  return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Excel column letters for a 0-based column index: 0 -> A, 26 -> AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Owners named in one cell. Split on commas, semicolons, line breaks, bullets, " / ", " & ",
 * and on " и " / " and " when what follows names another owner (a role or unit word, a quoted
 * name or an abbreviation): "Главен секретар и директори" is two, "Дирекция Финанси и
 * администрация" one. Never inside quotes or brackets: Дирекция „Финанси и администрация“
 * is one owner. Names listed after a role share it, in the singular: "директори на дирекции
 * „АПОФУС“ и „АКРРДС“" is "директор на дирекция „АПОФУС“" and "директор на дирекция „АКРРДС“"
 * (each directorate then finds its own activities). List marks and trailing dots go; the same
 * owner written twice (see ownerKey) is kept once, as first written. Reads no more than a
 * cell can hold (the readers cut longer text already).
 */
export function splitOwners(text: string): string[] {
  if (text.length > MAX_CELL_CHARS) text = text.slice(0, MAX_CELL_CHARS);
  const owners = new Map<string, string>();
  let previous: string | null = null;
  for (const part of ownerParts(text)) {
    let owner = part;
    const role = previous === null ? null : sharedRole(previous);
    if (role !== null && isBareName(owner)) {
      owner = `${singular(role.prefix)} ${owner}`;
      if (role.prefix !== singular(role.prefix)) rename(owners, previous!, `${singular(role.prefix)} ${role.name}`);
    }
    const key = ownerKey(owner);
    if (key !== '' && !owners.has(key)) owners.set(key, owner);
    previous = owner;
  }
  return [...owners.values()];
}

/**
 * The form in which two spellings of one owner are equal: lower case, single spaces, no
 * quotes of any style, no trailing dots, Latin letters that look Cyrillic made Cyrillic in
 * Cyrillic words ("AПОФУС" typed with a Latin A). "Дирекция „АПОФУС“" and "дирекция АПОФУС."
 * have the same key. Looks at no more than a cell can hold.
 */
export function ownerKey(name: string): string {
  return normaliseSpace(name.slice(0, MAX_CELL_CHARS).replace(QUOTES, ' '))
    .toLocaleLowerCase('bg')
    .replace(LATIN_BY_CYRILLIC, (c) => LOOKALIKE[c]!)
    .replace(LATIN_BY_CYRILLIC, (c) => LOOKALIKE[c]!)
    .replace(/[\s.,;:]+$/, '')
    .replace(/^[\s.,;:]+/, '');
}

const QUOTES = /["„“”«»‘’'`]/g;
/** A Latin letter that looks Cyrillic next to a Cyrillic one (twice over, for two in a row). */
const LATIN_BY_CYRILLIC = /(?<=[а-яѝ])[aeopcxykmthb]|[aeopcxykmthb](?=[а-яѝ])/g;
const LOOKALIKE: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в' };

/** Pairs that protect what is between them from splitting; "„" closes with "“" (Bulgarian), "”" or '"'. */
const CLOSERS: Record<string, string> = { '„': '“”"', '“': '”"', '"': '"', '«': '»', '(': ')' };
/**
 * Between two owners (outside quotes): , ; line breaks, bullets, "/" with a space after it, " & "; and
 * " и ", " and ", " както и " when the next words name an owner.
 */
const SEPARATOR = /[,;\n\r•▪·]|\s?\/\s|\s&\s|\s(?:както\sи|и|and)\s/gi;
const SOFT = /^\s(?:както\sи|и|and)\s$/i;
/** Words that begin an owner's name: roles and units, in Bulgarian and English. */
const OWNER_WORD =
  /^(?:директор|дирекци|главн|главен|гл\.|ст\.|мл\.|секретар|заместник|зам\.|началник|ръководител|експерт|старши|младши|специалист|служител|отдел|сектор|звен|комисия|работн|екип|кмет|областн|председател|член|юрисконсулт|счетоводител|инспектор|одитор|администратор|координатор|съветник|връзки|служба|director|head|chief|secretary|deputy|expert|manager|officer|department|unit|team|staff|committee|working|coordinator|advisor|adviser|specialist|all\b|всички)/i;
/** A name on its own: in quotes, or an abbreviation of one word ("АПОФУС", "ИТ", "HR"). */
const NAME = String.raw`["„“«][^"„“”«»]+["“”»]|[A-ZА-Я]{2,10}`;
const BARE_NAME = new RegExp(`^(?:${NAME})$`);
/** A role ending in a name: "директори на дирекции „АПОФУС“" -> prefix and name. */
const ROLE_WITH_NAME = new RegExp(String.raw`^(.*\S)\s(${NAME})$`);
const LIST_MARK = /^(?:[-–—•·▪*]|\d{1,2}[.)]|[а-яa-z]\))\s+/;

/** The cell cut at its separators, with list marks and trailing dots taken off. */
function ownerParts(text: string): string[] {
  const masked = maskProtected(text);
  const parts: string[] = [];
  let start = 0;
  const cut = (end: number, next: number) => {
    const part = normaliseSpace(text.slice(start, end)).replace(LIST_MARK, '').replace(/[\s.,;:]+$/, '');
    if (part !== '') parts.push(part);
    start = next;
  };
  for (const m of masked.matchAll(SEPARATOR)) {
    const after = m.index + m[0].length;
    if (!SOFT.test(m[0]) || namesOwner(text.slice(after, after + 40))) cut(m.index, after);
  }
  cut(text.length, text.length);
  return parts;
}

/** Whether text after " и " begins another owner: a role or unit word, a quoted name, an abbreviation. */
function namesOwner(next: string): boolean {
  return OWNER_WORD.test(next) || /^["„“«]/.test(next) || /^[A-ZА-Я]{2,}(?![a-zа-я])/u.test(next);
}

/** The text with what is inside quotes and brackets replaced by "_" (same length), so no separator is found there. */
function maskProtected(text: string): string {
  const missing = new Set<string>();
  const chunks: string[] = [];
  let kept = 0;
  const opener = /["„“«(]/g;
  for (let m = opener.exec(text); m !== null; m = opener.exec(text)) {
    const close = closingIndex(text, m.index, CLOSERS[m[0]]!, missing);
    if (close === -1) continue;
    chunks.push(text.slice(kept, m.index + 1), '_'.repeat(close - m.index - 1));
    kept = close;
    opener.lastIndex = close + 1;
  }
  chunks.push(text.slice(kept));
  return chunks.join('');
}

/** The nearest closer after `open`; each closer missing from the rest of the text is looked for once only. */
function closingIndex(text: string, open: number, closers: string, missing: Set<string>): number {
  let nearest = -1;
  for (const closer of closers) {
    if (missing.has(closer)) continue;
    const at = text.indexOf(closer, open + 1);
    if (at === -1) missing.add(closer);
    else if (nearest === -1 || at < nearest) nearest = at;
  }
  return nearest;
}

/** The role an owner's name begins with, when it ends in a name; names of over 200 characters are not looked into. */
function sharedRole(owner: string): { prefix: string; name: string } | null {
  if (owner.length > 200) return null;
  const m = ROLE_WITH_NAME.exec(owner);
  return m && isBareName(m[2]!) ? { prefix: m[1]!, name: m[2]! } : null;
}

/** "„АКРРДС“", "АКРРДС", not "ДИРЕКТОР" (a role in capitals). */
function isBareName(text: string): boolean {
  return text.length <= 200 && BARE_NAME.test(text) && !OWNER_WORD.test(text.replace(/^["„“«]/, ''));
}

const SINGULAR: Record<string, string> = {
  директори: 'директор', директорите: 'директор', дирекции: 'дирекция', дирекциите: 'дирекция',
  отдели: 'отдел', отделите: 'отдел', сектори: 'сектор', секторите: 'сектор', началници: 'началник', началниците: 'началник',
  ръководители: 'ръководител', ръководителите: 'ръководител', звена: 'звено', звената: 'звено', експерти: 'експерт',
  експертите: 'експерт', служители: 'служител', служителите: 'служител', directors: 'director', heads: 'head',
  departments: 'department', units: 'unit', teams: 'team',
};

/** "директори на дирекции" -> "директор на дирекция" (the capital kept). */
function singular(words: string): string {
  return words.replace(/\p{L}+/gu, (word) => {
    const one = SINGULAR[word.toLocaleLowerCase('bg')];
    if (one === undefined) return word;
    return word[0] === word[0]!.toLocaleLowerCase('bg') ? one : one[0]!.toLocaleUpperCase('bg') + one.slice(1);
  });
}

function rename(owners: Map<string, string>, from: string, to: string): void {
  const key = ownerKey(from);
  if (owners.get(key) !== from) return;
  const entries = [...owners].map(([k, v]): [string, string] => (k === key ? [ownerKey(to), to] : [k, v]));
  owners.clear();
  for (const [k, v] of entries) if (!owners.has(k)) owners.set(k, v);
}

/** Paragraphs above a table kept as its heading (Sheet.heading): the nearest ones. */
const MAX_HEADING_PARAGRAPHS = 30;
const MAX_HEADING_CHARS = 32_767;

/** Adds a paragraph of text above a table to its heading lines: trimmed, empty ones left out, only the nearest kept. */
export function addHeadingLine(lines: string[], paragraph: string): void {
  const line = paragraph.trim();
  if (line === '') return;
  lines.push(line.length > MAX_HEADING_CHARS ? line.slice(0, MAX_HEADING_CHARS) : line);
  if (lines.length > MAX_HEADING_PARAGRAPHS) lines.shift();
}

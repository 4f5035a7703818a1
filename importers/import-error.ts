import type { Lang } from '../app/domain/lang';
import { importFileWords } from '../app/i18n/import-files';
import { fill, inBoth, type WordSet } from '../app/i18n/words';
import type { Understanding } from './mapping';

/**
 * What the importer says, in each interface language: the importer knows no request, so
 * whoever shows the message picks the language (the person's, or the CLI's --lang).
 */
export type Message = Record<Lang, string>;

/**
 * A text of a word set in both languages whose placeholders may be messages themselves (what a
 * file is called, the reason in brackets, a number written the way each language writes it):
 * each filled in its own language.
 */
export function inBothWith<K extends string>(words: WordSet<K>, key: K, params: Record<string, Message | string | number>): Message {
  const inLang = (lang: Lang) =>
    fill(words[lang][key], Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'object' ? value[lang] : value])));
  return { bg: inLang('bg'), en: inLang('en') };
}

/**
 * Thrown when a file cannot be read at all; the message is one line and names the file.
 * `message` is the English text (logs); `in(lang)` is what a person is shown.
 */
export class ImportError extends Error {
  constructor(
    readonly fileName: string,
    private readonly reason: Message,
    /** How the file was understood, when it was read but nothing in it made a plan: what a mapping form starts from. */
    readonly understanding?: Understanding,
  ) {
    super(describe(fileName, reason.en));
    this.name = 'ImportError';
  }

  in(lang: Lang): string {
    return describe(this.fileName, this.reason[lang]);
  }

  /** The same refusal with what may explain it added (the encoding a CSV file was read in, say). */
  withNote(note: Message): ImportError {
    return new ImportError(this.fileName, { en: `${this.reason.en}; ${note.en}`, bg: `${this.reason.bg}; ${note.bg}` }, this.understanding);
  }
}

export const EMPTY_FILE: Message = inBoth(importFileWords, 'emptyFile');

function describe(fileName: string, reason: string): string {
  return `${printableName(baseName(fileName))}: ${oneLine(reason)}`;
}

export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

const MAX_NAME_CHARS = 120;
const MAX_REASON_CHARS = 1000;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** The name as it can go into a one-line message: control characters shown as "?", a long name shortened in the middle. */
function printableName(name: string): string {
  const clean = name.replace(CONTROL, '?');
  if (clean.length <= MAX_NAME_CHARS) return clean;
  return `${clean.slice(0, MAX_NAME_CHARS - 31)}…${clean.slice(-30)}`;
}

/** The reason on one line (names of sheets and zip entries come from the file) and of a sane length. */
function oneLine(reason: string): string {
  const clean = reason.replace(CONTROL, '?');
  return clean.length <= MAX_REASON_CHARS ? clean : `${clean.slice(0, MAX_REASON_CHARS - 1)}…`;
}

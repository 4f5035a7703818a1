import type { Lang } from '../app/domain/lang';
import { importFileWords } from '../app/i18n/import-files';
import { inBoth, type InBoth } from '../app/i18n/words';
import type { Understanding } from './mapping';

/**
 * What the importer says, in each interface language: the importer knows no request, so
 * whoever shows the message picks the language (the person's, or the CLI's --lang).
 */
export type Message = InBoth;

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

/**
 * What a reader read, or why the file cannot be read at all (the ImportError's one line, in the
 * person's language); any other error is thrown on.
 */
export async function readOrRefuse<T>(reading: Promise<T>, lang: Lang): Promise<{ read: T } | { refusal: string }> {
  try {
    return { read: await reading };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return { refusal: error.in(lang) };
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

/** Thrown when a file cannot be read at all; the message is one line and names the file. */
export class ImportError extends Error {
  constructor(
    readonly fileName: string,
    reason: string,
  ) {
    super(`${printableName(baseName(fileName))}: ${oneLine(reason)}`);
    this.name = 'ImportError';
  }
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

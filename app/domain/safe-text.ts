/**
 * Characters that must not reach a title, a name or a link text: C0/C1 control characters
 * (NUL, ESC, ...; tab, line feed and carriage return are kept) and the Unicode bidirectional
 * overrides and isolates that can make a text read other than it is stored (U+202A-U+202E,
 * U+2066-U+2069), plus U+200E/U+200F marks and the byte-order mark inside a text.
 */
 
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** The text without control and bidi-override characters: for everything a person or a file sends in. */
export function stripUnsafeChars(text: string): string {
  return text.replace(UNSAFE, '');
}

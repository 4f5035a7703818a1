import { normaliseSpace } from './text';

export interface CodedText {
  code: string | null;
  title: string;
}

// "2.10. Продължаване", "3.1.1.Сформиране", "2.9.1 Актуализиране", "1.1000) ...": the code, then the
// title. A code never stops before a digit, and its first number has at most 3 digits: "2022 г." is no code.
const LEADING_CODE = /^(\d{1,3}(?:\.\d+)*)(?!\.?\d)[.)]?\s*(?!\d)(.*)$/s;

/** Takes the leading number out of a measure or activity text. */
export function splitCode(text: string): CodedText {
  const clean = normaliseSpace(text);
  const match = LEADING_CODE.exec(clean);
  if (!match) return { code: null, title: clean };
  return { code: match[1], title: match[2].trim() };
}

// "Област 2: Управление ...", "Area 2 - People", "ОБЛАСТ № 3. ..."
const AREA_HEADING = /^(?:област|area)\s*(?:№\s*)?(\d{1,3})\s*[:.)\-–—]?\s*(.*)$/is;

export interface AreaHeading {
  code: string;
  title: string;
}

/** Reads an explicit area heading; null when the text is not one. */
export function parseAreaHeading(text: string): AreaHeading | null {
  const match = AREA_HEADING.exec(normaliseSpace(text));
  return match ? { code: match[1], title: match[2].trim() } : null;
}

export function codeDepth(code: string | null): number {
  return code === null ? 0 : code.split('.').length;
}

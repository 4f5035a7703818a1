/**
 * The columns of a self-assessment table, recognised by meaning from their header text, in
 * Bulgarian and English: where the sub-criterion's code is, its score or its PDCA / trend /
 * target scores, its strengths and areas for improvement (a column each, or a kind column and a
 * text column with one item per row).
 */
import type { Vocabulary } from '../header';
import { normaliseSpace } from '../text';

export type AssessmentColumn =
  | 'subCriterion'
  | 'code'
  | 'criterion'
  | 'score'
  | 'plan'
  | 'do'
  | 'check'
  | 'act'
  | 'trends'
  | 'targets'
  | 'strengths'
  | 'improvements'
  | 'kind'
  | 'text';

/** The columns that can hold the code, most telling first: a row's code is read from the first of them that gives one. */
export const CODE_COLUMNS: AssessmentColumn[] = ['subCriterion', 'code', 'criterion'];
export const PHASE_COLUMNS = ['plan', 'do', 'check', 'act'] as const;
export const RESULT_COLUMNS = ['trends', 'targets'] as const;

/** A header cell is a phase when one of its words is the phase's (any order): "Планиране/Plan", "PLAN (планиране)", "Оценка – Проверка". */
const WORDS: [AssessmentColumn, Set<string>][] = [
  ['plan', new Set(['plan', 'планиране', 'планирай', 'p'])],
  ['do', new Set(['do', 'изпълнение', 'изпълни', 'прилагане', 'd'])],
  ['check', new Set(['check', 'проверка', 'провери', 'c'])],
  ['act', new Set(['act', 'корекция', 'коригиране', 'коригирай', 'действай', 'a'])],
  ['trends', new Set(['trends', 'trend', 'тенденции', 'тенденция', 'тенденциите'])],
  ['targets', new Set(['targets', 'target', 'цели', 'цел', 'целите'])],
];

// Checked in this order, first match wins: "Области за подобрение" is 'improvements' before a
// criterion or a code; "Подкритерий" is 'subCriterion' before 'criterion'.
const PATTERNS: [AssessmentColumn, RegExp][] = [
  ['strengths', /силн[аи] стран|strength/],
  ['improvements', /област(?:и)? за (?:подобр|усъвърш|развити)|за подобрение|improvement|слаб[аи] стран|weakness/],
  ['kind', /^(?:вид|тип|type|kind|категория|category)(?:\s|$)/],
  ['text', /^(?:текст|описание|констатаци|формулировк|съдържание|text|description|finding|item|statement)/],
  ['subCriterion', /подкритери|sub-?\s?criteri/],
  ['criterion', /критери|criteri/],
  ['code', /^(?:№|no\.?|#|код|code|номер|ref\.?)(?:\s|$)/],
  ['score', /оценк|точки|точка|score|points|rating|резултат|^общо|^total|средн|^mean|^average/],
];

const SCORE_WORD = /^(?:оценка|score|точки|points)$/;
const MAX_HEADER_CELL_LENGTH = 80;

/** What a header cell names (the group header above it, when there is one, adds context: "Оценка / P"). */
export function recogniseAssessmentColumn(text: string, group = ''): AssessmentColumn | null {
  const clean = normaliseSpace(text).toLocaleLowerCase('bg');
  if (clean === '' || clean.length > MAX_HEADER_CELL_LENGTH) return null;
  const words = clean.split(/[^\p{L}]+/u).filter(Boolean);
  // A one-letter phase ("P", "D") only on its own or beside score words ("Оценка P").
  const letterAllowed = words.every((word) => word.length === 1 || SCORE_WORD.test(word));
  const phase = WORDS.find(([, set]) => words.some((word) => set.has(word) && (word.length > 1 || letterAllowed)));
  if (phase) return phase[0];
  const named = PATTERNS.find(([, pattern]) => pattern.test(clean))?.[0];
  if (named) return named;
  return group ? recogniseAssessmentColumn(group) : null;
}

export const ASSESSMENT_VOCABULARY: Vocabulary<AssessmentColumn> = {
  recognise: recogniseAssessmentColumn,
  required: CODE_COLUMNS,
};

/**
 * The words of the dates people write in plans (Bulgarian and English), for dates.ts.
 * Everything here is matched against lower-case text with single spaces and plain hyphens.
 */

/** Month names; a word matches a month when it is at least 3 letters long and begins one of its names. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['януари', 'януарий', 'january'],
  ['февруари', 'февруарий', 'february'],
  ['март', 'march'],
  ['април', 'april'],
  ['май', 'may'],
  ['юни', 'юний', 'june'],
  ['юли', 'юлий', 'july'],
  ['август', 'august'],
  ['септември', 'септемврий', 'september'],
  ['октомври', 'октомврий', 'october'],
  ['ноември', 'ноемврий', 'november'],
  ['декември', 'декемврий', 'december'],
];

/** "март", "мартa", "Sept", "яну", "фев" -> 3, 3, 9, 1, 2; null when the word is not a month. */
export function monthNumber(word: string): number | null {
  if (word.length < 3 || word.length > 12) return null;
  const index = MONTH_NAMES.findIndex((names) => names.some((name) => name.startsWith(word)));
  return index === -1 ? null : index + 1;
}

/** Ordinals of quarters and halves: Roman or Arabic numbers, "1-во", "първо", "първото", "first", "1st". */
const ORDINALS: Record<string, number> = {
  i: 1, ii: 2, iii: 3, iv: 4,
  първо: 1, първа: 1, първи: 1, първото: 1, първата: 1, първия: 1, първият: 1,
  второ: 2, втора: 2, втори: 2, второто: 2, втората: 2, втория: 2, вторият: 2,
  трето: 3, трета: 3, трети: 3, третото: 3, третата: 3, третия: 3, третият: 3,
  четвърто: 4, четвърта: 4, четвърти: 4, четвъртото: 4, четвъртата: 4, четвъртия: 4, четвъртият: 4,
  first: 1, second: 2, third: 3, fourth: 4,
};
/** "1", "1-во", "2ро", "3-то", "4-ти", "IV-то", "1st", "2nd" -> the number. */
const NUMBERED = /^(iv|i{1,3}|[1-4])(?:-?(?:во|ро|то|ти|st|nd|rd|th))?$/;

export function ordinalNumber(word: string): number | null {
  const named = ORDINALS[word];
  if (named !== undefined) return named;
  const m = NUMBERED.exec(word);
  if (!m) return null;
  return ORDINALS[m[1]!] ?? Number(m[1]);
}

/** Words for a quarter and a half-year, as written after the ordinal ("I тримесечие", "2nd quarter"). */
export const QUARTER_WORD = String.raw`(?:тримесечие(?:то)?|трим\.?|тр\.|кв\.?|квартал(?:а|ът)?|quarter|qtr\.?)`;
export const HALF_WORD = String.raw`(?:полугодие(?:то)?|шестмесечие(?:то)?|полуг\.?|half(?:-year| year)?)`;

/**
 * What a person writes for an activity that has no end: continuous, recurring or as needed.
 * Matched at the start of the cell ("текущо, в процеса на изпълнение на Плана ...").
 */
export const ONGOING = new RegExp(
  '^(?:' +
    [
      'текущ', 'постоян', 'перманент', 'непрекъснат', 'регулярн', 'периодичн', 'целогодишн',
      'ежегодн', 'ежемесечн', 'ежеседмичн', 'ежедневн', 'ежетримесечн', 'ежеквартал', 'ежеполугод',
      'всяк[аояи]? (?:година|месец|тримесечие|полугодие|седмица|ден|квартал)',
      'всеки (?:месец|ден|квартал)',
      'при (?:необходимост|нужда|поискване|възникване)', 'по (?:необходимост|потребност)',
      'през целия (?:период|срок)', 'за целия период', '(?:по време|в рамките) на целия (?:период|срок)', 'в процеса на изпълнение', 'в хода на изпълнение',
      'on-?going', 'on going', 'continuous', 'permanent', 'recurr', 'periodic', 'regular',
      'annual', 'yearly', 'quarterly', 'monthly', 'weekly', 'daily',
      'every (?:year|quarter|month|week|day)', 'each (?:year|quarter|month|week)',
      'as (?:needed|required)', 'when (?:needed|required)', 'throughout',
    ].join('|') +
    ')',
);

/**
 * Words before a date that say which day of the period is meant, or that the date is a
 * deadline ("до ...") or a beginning ("от ..."). Longest first: "в края на" before "в".
 * "до края на X" is read as "до" then "края на X".
 */
export type Qualifier = 'until' | 'from' | 'endOf' | 'startOf' | 'in';
export const QUALIFIERS: readonly (readonly [string, Qualifier])[] = [
  ['в края на', 'endOf'],
  ['към края на', 'endOf'],
  ['края на', 'endOf'],
  ['at the end of', 'endOf'],
  ['the end of', 'endOf'],
  ['end of', 'endOf'],
  ['в началото на', 'startOf'],
  ['началото на', 'startOf'],
  ['at the beginning of', 'startOf'],
  ['the beginning of', 'startOf'],
  ['beginning of', 'startOf'],
  ['the start of', 'startOf'],
  ['start of', 'startOf'],
  ['не по-късно от', 'until'],
  ['не по- късно от', 'until'],
  ['в срок до', 'until'],
  ['срок до', 'until'],
  ['not later than', 'until'],
  ['no later than', 'until'],
  ['до', 'until'],
  ['by', 'until'],
  ['until', 'until'],
  ['till', 'until'],
  ['считано от', 'from'],
  ['начало от', 'from'],
  ['от', 'from'],
  ['from', 'from'],
  ['since', 'from'],
  ['starting', 'from'],
  ['в рамките на', 'in'],
  ['през', 'in'],
  ['в', 'in'],
  ['in', 'in'],
  ['during', 'in'],
];

/** Between the two ends of a range: "-" (any dash, after normalising), "до", "to", "/" ("2023/2024"). */
export const RANGE_SEPARATOR = / ?- ?| (?:до|to|until|till|through|thru) |\/| ?÷ ?/g;

/** What the assessment importer says, in Bulgarian and English (the one reading the preview picks). */
import type { Message } from '../import-error';
import { shorten } from '../plan-warnings';

const PHASE_NAMES: Record<string, Message> = {
  plan: { en: 'PLAN', bg: 'Планиране (PLAN)' },
  do: { en: 'DO', bg: 'Изпълнение (DO)' },
  check: { en: 'CHECK', bg: 'Проверка (CHECK)' },
  act: { en: 'ACT', bg: 'Корекция (ACT)' },
  trends: { en: 'TRENDS', bg: 'Тенденции (TRENDS)' },
  targets: { en: 'TARGETS', bg: 'Цели (TARGETS)' },
};

export const M = {
  noTable: (sheets: string[]): Message => ({
    en: `no sheet has a self-assessment table: a header row naming the sub-criterion ("Подкритерий", "Код", "Sub-criterion") and its score, phases or strengths ("Оценка", "Планиране", "Силни страни", "Score", "Strengths") (sheets read: ${sheets.map((s) => `"${s}"`).join(', ')})`,
    bg: `нито един лист няма таблица на самооценка: ред със заглавия, който назовава подкритерия („Подкритерий“, „Код“, „Sub-criterion“) и оценката, фазите или силните страни („Оценка“, „Планиране“, „Силни страни“, „Score“, „Strengths“) (прочетени листове: ${sheets.map((s) => `„${s}“`).join(', ')})`,
  }),
  noSubCriteria: (where: string[]): Message => ({
    en: `no row has a CAF 2020 sub-criterion code (1.1 to 9.2) (${where.join('; ')})`,
    bg: `нито един ред няма код на подкритерий по CAF 2020 (от 1.1 до 9.2) (${where.join('; ')})`,
  }),
  tableAt: (sheet: string, row: number, column: string): Message => ({
    en: `sheet "${sheet}", header on row ${row}, codes looked for in column "${column}"`,
    bg: `лист „${sheet}“, заглавия на ред ${row}, кодове търсени в колона „${column}“`,
  }),
  unknownCode: (code: string): Message => ({
    en: `"${code}" is not a CAF 2020 sub-criterion (1.1 to 9.2); the row is not read`,
    bg: `„${code}“ не е подкритерий по CAF 2020 (от 1.1 до 9.2); редът не е прочетен`,
  }),
  noCode: (text: string): Message => ({
    en: `"${shorten(text)}" has no sub-criterion code (such as 1.1); the row is not read`,
    bg: `„${shorten(text)}“ няма код на подкритерий (напр. 1.1); редът не е прочетен`,
  }),
  noCodeAbove: (): Message => ({
    en: 'the row has no sub-criterion code and no sub-criterion above it; it is not read',
    bg: 'редът няма код на подкритерий и над него няма подкритерий; не е прочетен',
  }),
  badScore: (text: string): Message => ({
    en: `"${shorten(text)}" is not a score from 0 to 100; not read`,
    bg: `„${shorten(text)}“ не е оценка от 0 до 100; не е прочетена`,
  }),
  secondScore: (code: string, value: number, first: number, firstRow: number): Message => ({
    en: `a second score for ${code} (${value}) differs from the one on row ${firstRow} (${first}); the first is kept`,
    bg: `втора оценка за ${code} (${value}) се различава от тази на ред ${firstRow} (${first}); запазена е първата`,
  }),
  phaseMissing: (code: string, missing: string[]): Message => ({
    en: `${code} has no ${missing.map((p) => PHASE_NAMES[p]!.en).join(', ')} score; its phase scores are not read`,
    bg: `${code} няма оценка за ${missing.map((p) => PHASE_NAMES[p]!.bg).join(', ')}; оценките по фази не са прочетени`,
  }),
  phasesOfResult: (code: string): Message => ({
    en: `${code} is a result (criteria 6-9): it is scored by TRENDS and TARGETS, not by PLAN, DO, CHECK, ACT; those scores are not read`,
    bg: `${code} е резултат (критерии 6-9): оценява се по тенденции и цели, не по фазите Планиране, Изпълнение, Проверка, Корекция; тези оценки не са прочетени`,
  }),
  resultsOfEnabler: (code: string): Message => ({
    en: `${code} is an enabler (criteria 1-5): it is scored by PLAN, DO, CHECK, ACT, not by TRENDS and TARGETS; those scores are not read`,
    bg: `${code} е фактор (критерии 1-5): оценява се по фазите Планиране, Изпълнение, Проверка, Корекция, не по тенденции и цели; тези оценки не са прочетени`,
  }),
  unknownKind: (text: string): Message => ({
    en: `"${shorten(text)}" says neither strength ("силна страна") nor area for improvement ("област за подобрение"); the item is not read`,
    bg: `„${shorten(text)}“ не казва дали е силна страна или област за подобрение; текстът не е прочетен`,
  }),
  noKind: (): Message => ({
    en: 'the text column has no kind column ("Вид": силна страна / област за подобрение) beside it, and the sheet\'s name does not say; the items are not read',
    bg: 'до колоната с текст няма колона „Вид“ (силна страна / област за подобрение), нито името на листа го казва; текстовете не са прочетени',
  }),
  missingSubCriteria: (codes: string[]): Message => ({
    en: `the file has nothing for ${codes.length} of the 28 sub-criteria: ${codes.join(', ')}`,
    bg: `във файла няма нищо за ${codes.length} от 28-те подкритерия: ${codes.join(', ')}`,
  }),
};

/** The interface languages: Bulgarian first, English second. */
export const LANGS = ['bg', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The two forms of a noun per language: the singular, and the form used after any other
 * number (Bulgarian uses the plural after numerals too: 0 дейности, 5 дни; for masculine
 * nouns that is the count form, e.g. "отчета").
 */
export type PluralForms = Record<Lang, readonly [one: string, other: string]>;

export const NOUNS = {
  activity: { bg: ['дейност', 'дейности'], en: ['activity', 'activities'] },
  measure: { bg: ['мярка', 'мерки'], en: ['measure', 'measures'] },
  day: { bg: ['ден', 'дни'], en: ['day', 'days'] },
  update: { bg: ['отчет', 'отчета'], en: ['update', 'updates'] },
} satisfies Record<string, PluralForms>;

/** "1 дейност", "5 дейности", "1 day", "0 days". */
export function plural(n: number, lang: Lang, forms: PluralForms): string {
  const [one, other] = forms[lang];
  return `${n} ${Math.abs(n) === 1 ? one : other}`;
}

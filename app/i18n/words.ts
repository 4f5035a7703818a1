/**
 * The words of one feature, kept in their own file under app/i18n/ (e.g. dashboard.ts):
 * English must have exactly the Bulgarian keys (checked by the type). A route that imports a
 * feature's words sends only those (and the common ones) to the browser.
 */
import type { Lang } from '../domain/lang';

export type WordSet<K extends string> = { readonly bg: Readonly<Record<K, string>>; readonly en: Readonly<Record<K, string>> };

/** The keys of a word set, e.g. `WordKey<typeof dashboardWords>`. */
export type WordKey<W extends WordSet<string>> = W extends WordSet<infer K> ? K : never;

export type Params = Record<string, string | number>;

export function defineWords<K extends string>(bg: Record<K, string>, en: Record<NoInfer<K>, string>): WordSet<K> {
  return { bg, en };
}

/** Two word sets as one, for a page or component that shows the words of two features. */
export function joinWords<A extends string, B extends string>(a: WordSet<A>, b: WordSet<B>): WordSet<A | B> {
  return { bg: { ...a.bg, ...b.bg }, en: { ...a.en, ...b.en } };
}

/**
 * A text with its {name} placeholders filled in, in one pass: a value that itself holds
 * "{date}" (a plan's title, say) stays as it is. Placeholders without a value stay too.
 */
export function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** A text in both languages (what inBoth returns). */
export type InBoth = Record<Lang, string>;

/**
 * One text of a word set in both languages, its placeholders filled: for code that knows no
 * request (the importers), whose messages the one who shows them puts in a language. A value
 * may itself be in both languages (a number written the language's way, a quoted name, a reason
 * made by inBoth): each text gets its own.
 */
export function inBoth<K extends string>(words: WordSet<K>, key: K, params?: Record<string, string | number | InBoth>): InBoth {
  const paramsIn = (lang: keyof InBoth): Params | undefined =>
    params && Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'object' ? value[lang] : value]));
  return { bg: fill(words.bg[key], paramsIn('bg')), en: fill(words.en[key], paramsIn('en')) };
}

/**
 * The word store without React: for loaders, actions, mails, exports and the command line.
 * Components use the hooks of './react' (both are exported by '~/i18n').
 */
import type { Language } from '../../db/schema';
import type { MessageKind } from '../domain/reminder-messages';
import { commonWords } from './common';
import { fill, type Params, type WordSet } from './words';

export { defineWords, fill, joinWords, type Params, type WordKey, type WordSet } from './words';

/** A key of the common words (every page has them). */
export type MessageKey = keyof typeof commonWords.bg;

/** A translate function: the common words and the keys K of a feature (what useT returns). */
export type Translate<K extends string = never> = (key: K | MessageKey, params?: Params) => string;

export function translate(lang: Language, key: MessageKey, params?: Params): string {
  return fill(commonWords[lang][key], params);
}

/** A feature's word (or a common one) in the given language; for loaders, actions, mails and exports. */
export function translateWith<K extends string>(lang: Language, words: WordSet<K>, key: K | MessageKey, params?: Params): string {
  const own = (words[lang] as Partial<Record<string, string>>)[key];
  return own === undefined ? translate(lang, key as MessageKey, params) : fill(own, params);
}

/** The matches a route's meta function is given (only what the title needs). */
type MetaMatch = { id: string; data: unknown };

/** The page language in a route's meta function: the root loader's, as useLang reads it. */
export function metaLang(matches: readonly MetaMatch[]): Language {
  const root = matches.find((match) => match.id === 'root')?.data as { lang?: Language } | undefined;
  return root?.lang ?? 'bg';
}

/**
 * A route's meta: the page title "<page> · <app name>" in the page language. The page is a
 * word-store key (common, or of the feature words given), or is made with the translate
 * function (titles that name a plan or activity).
 */
export function pageTitle(matches: readonly MetaMatch[], page: MessageKey | ((t: (key: MessageKey, params?: Params) => string) => string)): { title: string }[];
export function pageTitle<K extends string>(
  matches: readonly MetaMatch[],
  page: K | MessageKey | ((t: (key: K | MessageKey, params?: Params) => string) => string),
  words: WordSet<K>,
): { title: string }[];
export function pageTitle<K extends string>(
  matches: readonly MetaMatch[],
  page: K | MessageKey | ((t: (key: K | MessageKey, params?: Params) => string) => string),
  words?: WordSet<K>,
): { title: string }[] {
  const lang = metaLang(matches);
  const t = (key: K | MessageKey, params?: Params) => (words ? translateWith(lang, words, key, params) : translate(lang, key as MessageKey, params));
  return [{ title: `${typeof page === 'function' ? page(t) : t(page)} · ${t('appName')}` }];
}

/** The label of a notification's kind (notifications.kind), for the notifications list and the admin log. */
export const NOTIFICATION_KIND_LABELS: Record<MessageKind, MessageKey> = {
  start: 'notifKind_start',
  end: 'notifKind_end',
  overdue: 'notifKind_overdue',
  digest_head: 'notifKind_digest_head',
  digest_secretary: 'notifKind_digest_secretary',
  reminders: 'notifKind_reminders',
};

import { useRouteLoaderData } from '@remix-run/react';
import type { Language } from '../../db/schema';
import { translate, translateWith, type MessageKey } from './core';
import type { Params, WordSet } from './words';

/** The page language, from the root loader. */
export function useLang(): Language {
  const data = useRouteLoaderData<{ lang: Language }>('root');
  return data?.lang ?? 'bg';
}

/** The translate function of a component: the common words, and a feature's words when given. */
export function useT<K extends string>(words: WordSet<K>): (key: K | MessageKey, params?: Params) => string;
// Last, so that ReturnType<typeof useT> is the common words' function.
export function useT(): (key: MessageKey, params?: Params) => string;
export function useT<K extends string>(words?: WordSet<K>) {
  const lang = useLang();
  return words
    ? (key: K | MessageKey, params?: Params) => translateWith(lang, words, key, params)
    : (key: MessageKey, params?: Params) => translate(lang, key, params);
}

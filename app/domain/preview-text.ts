import { translateWith } from '~/i18n/core';
import { importerWords } from '~/i18n/importer';
import type { Lang } from './lang';

/**
 * The most of one text the upload preview shows (and sends): a cell of up to 32,767
 * characters, used by thousands of rows, would make the page (and its JSON) gigabytes. The
 * plan keeps every text whole: the confirm reads the file again. Under 300 with the note, so
 * a title shown here still fits the title field.
 */
export const PREVIEW_TEXT_CHARS = 200;

/** The text as the preview shows it: a long one cut, with its full length noted. */
export function previewText(text: string, lang: Lang): string {
  if (text.length <= PREVIEW_TEXT_CHARS) return text;
  return text.slice(0, PREVIEW_TEXT_CHARS) + translateWith(lang, importerWords, 'importTextCut', { count: text.length.toLocaleString(lang === 'bg' ? 'bg-BG' : 'en-US') });
}

/** The value with every text in it as the preview shows it (objects and arrays copied, the rest as is). */
export function previewTexts<T>(value: T, lang: Lang): T {
  if (typeof value === 'string') return previewText(value, lang) as T;
  if (Array.isArray(value)) return value.map((item) => previewTexts(item, lang)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, previewTexts(item, lang)])) as T;
  }
  return value;
}

/**
 * The word store (app/i18n/): one meaning per word (issue 16, item 3), and one home per word
 * (issue 15.4): every word set has the same keys in Bulgarian and English, and no key is
 * defined in two sets (else `translateWith` would quietly prefer one of them).
 */
import { describe, expect, it } from 'vitest';
import { translateWith, type WordSet } from '~/i18n';

/** Every word set of app/i18n/, by file and export name. */
const modules = import.meta.glob<Record<string, unknown>>('../app/i18n/*.ts', { eager: true });
const isWordSet = (value: unknown): value is WordSet<string> =>
  typeof value === 'object' && value !== null && 'bg' in value && 'en' in value && Object.keys(value).length === 2;
const wordSets: [string, WordSet<string>][] = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => isWordSet(value))
    .map(([name, value]) => [`${file.replace('../app/i18n/', '')} ${name}`, value as WordSet<string>] as [string, WordSet<string>]),
);

/** Every Bulgarian word of the store: [key, text]. */
const bulgarianWords = (): [string, string][] => wordSets.flatMap(([, set]) => Object.entries(set.bg));

/** The word set that defines a key. */
const setWith = (key: string) => wordSets.find(([, set]) => key in set.bg)![1];

describe('the word sets', () => {
  it('are found: the common words and the feature files', () => {
    expect(wordSets.map(([file]) => file)).toContain('common.ts commonWords');
    expect(bulgarianWords().length).toBeGreaterThan(600);
  });

  it('have the same keys in Bulgarian and English, none empty', () => {
    for (const [file, set] of wordSets) {
      expect(Object.keys(set.en).sort(), file).toEqual(Object.keys(set.bg).sort());
      for (const lang of ['bg', 'en'] as const) for (const [key, text] of Object.entries(set[lang])) expect(text.trim(), `${file} ${lang}.${key}`).not.toBe('');
    }
  });

  it('define each key once', () => {
    const homes = new Map<string, string[]>();
    for (const [file, set] of wordSets) for (const key of Object.keys(set.bg)) homes.set(key, [...(homes.get(key) ?? []), file]);
    expect([...homes].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});

describe('the word "Изпълнение"', () => {
  it('labels no two keys exactly', () => {
    expect(bulgarianWords().filter(([, text]) => text === 'Изпълнение').length).toBeLessThanOrEqual(1);
  });

  it('names the percent complete only: the dashboard share of activities done has its own name in both languages', () => {
    const dashboard = setWith('dashFigPercent');
    expect(translateWith('bg', dashboard, 'dashFigPercent')).not.toMatch(/^Изпълнение/);
    expect(translateWith('en', dashboard, 'dashFigPercent')).not.toMatch(/complete/i);
    const named = bulgarianWords()
      .filter(([, text]) => /^Изпълнение[\s,%]*$/.test(text))
      .map(([key]) => key);
    expect(named.sort()).toEqual(['col_percent', 'csvPercent', 'repPercent', 'trPercentComplete']);
  });
});

/**
 * One meaning per word (issue 16, item 3): "Изпълнение" names the percent complete (an activity's,
 * and their mean in the reports); the dashboard's share of activities done has its own name.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate } from '~/i18n';

/** The keys of the Bulgarian word store with their text, read from its source (one `key: 'text',` a line). */
function bulgarianWords(): [string, string][] {
  const source = fs.readFileSync('app/i18n.ts', 'utf8');
  const bg = source.slice(source.indexOf('const bg = {'), source.indexOf('const en: Messages = {'));
  return [...bg.matchAll(/^ {2}(\w+): '((?:[^'\\]|\\.)*)',$/gm)].map((m) => [m[1]!, m[2]!]);
}

describe('the word "Изпълнение"', () => {
  it('labels no two keys exactly', () => {
    const words = bulgarianWords();
    expect(words.length).toBeGreaterThan(500);
    expect(words.filter(([, text]) => text === 'Изпълнение').length).toBeLessThanOrEqual(1);
  });

  it('names the percent complete only: the dashboard share of activities done has its own name in both languages', () => {
    expect(translate('bg', 'dashFigPercent')).not.toMatch(/^Изпълнение/);
    expect(translate('en', 'dashFigPercent')).not.toMatch(/complete/i);
    const named = bulgarianWords()
      .filter(([, text]) => /^Изпълнение[\s,%]*$/.test(text))
      .map(([key]) => key);
    expect(named.sort()).toEqual(['repPercent', 'trPercentComplete']);
  });
});

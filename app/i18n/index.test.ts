import { describe, expect, it } from 'vitest';
import { inBoth } from './words';
import { defineWords, pageTitle, translateWith } from './index';

const words = defineWords({ hello: 'Здравей, {name}' }, { hello: 'Hello, {name}' });

describe('feature words', () => {
  it('translates a feature word in either language, with parameters', () => {
    expect(translateWith('bg', words, 'hello', { name: 'Иван' })).toBe('Здравей, Иван');
    expect(translateWith('en', words, 'hello', { name: 'Ivan' })).toBe('Hello, Ivan');
  });

  it('fills placeholders once: a value holding a placeholder (a plan called "{date} plan") stays as written', () => {
    const title = defineWords({ title: '„{plan}“ до {date}' }, { title: '"{plan}" until {date}' });
    expect(translateWith('en', title, 'title', { plan: '{date} plan', date: '2024' })).toBe('"{date} plan" until 2024');
    expect(translateWith('en', words, 'hello', {})).toBe('Hello, {name}');
  });

  it('falls back to the common words', () => {
    expect(translateWith('en', words, 'logout')).toBe('Sign out');
  });

  it('makes page titles from feature words', () => {
    const matches = [{ id: 'root', data: { lang: 'en' } }];
    expect(pageTitle(matches, 'hello', words)[0]!.title).toMatch(/^Hello, \{name\} · /);
    expect(pageTitle(matches, (t) => t('hello', { name: 'X' }), words)[0]!.title).toMatch(/^Hello, X · /);
  });
});

describe('inBoth', () => {
  it('gives a text in both languages, a value in both languages going into each its own', () => {
    const reasons = defineWords({ noDay: 'няма такъв ден', cannot: '„{text}“ ({reason})' }, { noDay: 'no such day', cannot: '"{text}" ({reason})' });
    expect(inBoth(reasons, 'cannot', { text: '31.02', reason: inBoth(reasons, 'noDay') })).toEqual({ bg: '„31.02“ (няма такъв ден)', en: '"31.02" (no such day)' });
  });
});

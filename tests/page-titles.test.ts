/**
 * Every page's title comes from the word store, in the person's language (the root loader's
 * `lang`): English pages have English titles, whether or not the page has its data.
 */
import type { MetaArgs, MetaDescriptor } from '@remix-run/node';
import { describe, expect, it } from 'vitest';
import { meta as rootMeta } from '~/root';

type RouteModule = { meta?: (args: MetaArgs) => MetaDescriptor[]; default?: unknown };
const modules = import.meta.glob<RouteModule>('../app/routes/*.tsx', { eager: true });

function titleOf(meta: NonNullable<RouteModule['meta']>, lang: 'bg' | 'en', data: unknown = undefined, error: unknown = undefined): string {
  const matches = [{ id: 'root', pathname: '/', data: { lang }, params: {}, meta: [] }];
  const descriptors = meta({ data, matches, params: {}, location: { pathname: '/', search: '', hash: '', state: null, key: 'k' }, error } as unknown as MetaArgs);
  const title = descriptors.find((d): d is { title: string } => 'title' in d);
  expect(title, 'a title').toBeDefined();
  return title!.title;
}

const CYRILLIC = /[\u0400-\u04FF]/;

describe('page titles', () => {
  const pages = Object.entries(modules).filter(([, module]) => module.default && module.meta);

  it('are given by every page', () => {
    const withoutTitle = Object.entries(modules).filter(([file, module]) => module.default && !module.meta && !/\$\.tsx$|_index\.tsx$|evidence/.test(file));
    expect(withoutTitle.map(([file]) => file)).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(17);
  });

  it('are in English for a person who reads English, in Bulgarian otherwise', () => {
    for (const [file, module] of pages) {
      const en = titleOf(module.meta!, 'en');
      expect(en, file).not.toMatch(CYRILLIC);
      expect(titleOf(module.meta!, 'bg'), file).toMatch(CYRILLIC);
    }
  });

  it('name the plan, the activity and the report period in the person\'s language', () => {
    const meta = (name: string) => modules[`../app/routes/${name}.tsx`]!.meta!;
    expect(titleOf(meta('dashboard'), 'en')).toBe('Dashboard · Improvement plan');
    expect(titleOf(meta('dashboard'), 'bg')).toBe('Табло · План за подобрение');
    expect(titleOf(meta('plans.$planId'), 'en', { plan: { title: 'ПЛАН 2022-2024' } })).toBe('ПЛАН 2022-2024 · Improvement plan');
    expect(titleOf(meta('activities.$activityId'), 'en', { activity: { code: '1.1.1', title: 'Работна група' } })).toBe('1.1.1 Работна група · Improvement plan');
    const report = { report: { period: { kind: 'quarter', year: 2023, index: 3 }, plan: { title: 'ПЛАН' } } };
    expect(titleOf(meta('reports.$planId.print'), 'en', report)).toBe('Report Q3 2023 · ПЛАН');
    expect(titleOf(meta('reports.$planId.print'), 'bg', report)).toBe('Отчет III тримесечие 2023 · ПЛАН');
  });

  it('name the error of an error page, and the app elsewhere', () => {
    const notFound = { status: 404, statusText: 'Not Found', internal: false, data: 'Not found' };
    expect(titleOf(rootMeta as NonNullable<RouteModule['meta']>, 'en', undefined, notFound)).toBe('Page not found · Improvement plan');
    expect(titleOf(rootMeta as NonNullable<RouteModule['meta']>, 'bg', undefined, new Error('boom'))).toBe('Възникна грешка · План за подобрение');
    expect(titleOf(rootMeta as NonNullable<RouteModule['meta']>, 'en')).toBe('Improvement plan');
  });
});

/**
 * A page sends the browser only the words it uses (issue 15.4): the words of a feature
 * (app/i18n/<feature>.ts) are reached only from that feature's routes, so the bundler puts them
 * in those routes' chunks; the root route, which every page loads, reaches the common words only.
 *
 * Read from the sources: the imports a route's browser bundle can follow (type-only imports and
 * *.server.ts modules never reach the browser), the same graph Vite splits the chunks by.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const APP = path.resolve('app');

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('~/') ? path.join(APP, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null; // a package
  for (const file of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  return null;
}

/** The modules of app/ whose code can reach the browser from a module. */
function browserImports(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const [, clause, spec] of source.matchAll(/^(?:import|export)\s+([^'"]*?)\s*from\s+'([^']+)'/gm)) {
    if (/^type\s/.test(clause!) || /^\{\s*(type\s+\w+\s*,?\s*)+\}$/.test(clause!)) continue; // erased
    const target = resolve(file, spec!);
    if (target && !/\.server\.tsx?$/.test(target) && !target.includes(`${path.sep}.server${path.sep}`)) found.push(target);
  }
  return found;
}

/** The word files (app/i18n/<name>.ts) a route's browser code reaches. */
function wordFilesOf(route: string): string[] {
  const seen = new Set<string>();
  const queue = [path.join(APP, route)];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...browserImports(file));
  }
  return [...seen]
    .filter((file) => path.dirname(file) === path.join(APP, 'i18n'))
    .map((file) => path.basename(file, '.ts'))
    .filter((name) => !['index', 'core', 'react', 'words'].includes(name))
    .sort();
}

const routes = fs.readdirSync(path.join(APP, 'routes')).filter((file) => /\.tsx?$/.test(file)).map((file) => `routes/${file}`);

/** Which routes may show a feature's words (by the route's file name). */
const FEATURE_ROUTES: Record<string, RegExp> = {
  login: /^routes\/login\.tsx$/,
  // The updates page is the dashboard's feed, in full.
  dashboard: /^routes\/(dashboard|updates)\.tsx$/,
  importer: /^routes\/plans\.import\.tsx$/,
  // The dashboard shows the activity lists' filters (the owner filter).
  plans: /^routes\/(plans\.|my\.tsx|activities\.|dashboard\.tsx)/,
  activities: /^routes\/activities\.\$activityId\.tsx$/,
  reports: /^routes\/(reports\.|calendar\.tsx)/,
  reminders: /^routes\/(settings|admin\.reminders|unsubscribe\.\$token)\.tsx$/,
  admin: /^routes\/admin\.(users|owners)\.tsx$/,
};

/** Words of the server only (e-mails, files): no page sends them. */
const SERVER_ONLY = ['reminder-mails', 'exports', 'report-sheet', 'assessment-import-messages', 'import-files', 'import-plan'];

describe('the words a page sends', () => {
  it('are the common words only on every page (the root route)', () => {
    expect(wordFilesOf('root.tsx')).toEqual(['common']);
  });

  it('are the sign-in words and the common ones on the sign-in page', () => {
    expect(wordFilesOf('routes/login.tsx')).toEqual(['common', 'login']);
  });

  it('are a feature\'s words only on that feature\'s pages', () => {
    const misplaced: string[] = [];
    for (const route of routes)
      for (const words of wordFilesOf(route)) if (FEATURE_ROUTES[words] && !FEATURE_ROUTES[words].test(route)) misplaced.push(`${route} → app/i18n/${words}.ts`);
    expect(misplaced).toEqual([]);
  });

  it('never hold the words of e-mails and files', () => {
    expect(routes.filter((route) => wordFilesOf(route).some((words) => SERVER_ONLY.includes(words)))).toEqual([]);
  });

  it('reach every feature\'s pages: each feature file is used by a page', () => {
    const used = new Set(routes.flatMap(wordFilesOf));
    expect(Object.keys(FEATURE_ROUTES).filter((words) => !used.has(words))).toEqual([]);
  });
});

/**
 * Which code may read which: the importers (pure: bytes in, plan out), the domain (pure logic) and
 * the components (they run in the browser) import nothing from app/models, db or any *.server
 * module, not even types. Test files are left out: they wire the rooms together.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** Every module a file names in import/export ... from '...' (type-only too) and import('...'). */
function importedModules(text: string): string[] {
  const found = [...text.matchAll(/(?:^|[\s;}])(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g), ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return found.map((match) => match[1]!);
}

/** The module a specifier names, relative to the repository ('app/models/plan.server'), or the package name. */
function resolved(file: string, specifier: string): string {
  if (specifier.startsWith('~/')) return path.join('app', specifier.slice(2));
  if (specifier.startsWith('.')) return path.normalize(path.join(path.dirname(file), specifier));
  return specifier;
}

const FORBIDDEN = [/^app\/models\//, /^db\//, /\.server(\.tsx?)?$/];

describe('rooms: importers, domain and components import nothing from the models or the database', () => {
  it('finds imports however they are written', () => {
    expect(importedModules("import type { A } from '~/models/a.server';\nimport { b,\n c } from \"../../db/client\";\nexport * from './x';\nconst m = await import('../app/models/plan-import.server');")).toEqual([
      '~/models/a.server',
      '../../db/client',
      './x',
      '../app/models/plan-import.server',
    ]);
  });

  for (const dir of ['importers', 'app/domain', 'app/components']) {
    it(dir, () => {
      const files = sourceFiles(dir);
      expect(files.length).toBeGreaterThan(0);
      const wrong = files.flatMap((file) =>
        importedModules(fs.readFileSync(path.join(root, file), 'utf8'))
          .map((specifier) => ({ file, module: resolved(file, specifier) }))
          .filter(({ module }) => FORBIDDEN.some((rule) => rule.test(module))),
      );
      expect(wrong).toEqual([]);
    });
  }
});

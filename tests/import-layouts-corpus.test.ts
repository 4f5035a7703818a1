/**
 * The held-out-like corpus of issue 14: every layout of tests/import-corpus/cases.ts written as
 * .xlsx, .ods and .csv, read back by the importer and checked field by field (areas, measures
 * with codes, kinds and CAF references, activities with every field, warnings) and in how the
 * preview understands it (header rows, each column's meaning, levels, confidence).
 */
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../importers';
import type { ParsedPlan } from '../importers/types';
import { LAYOUTS } from './import-corpus/cases';
import { fileName, formatsFor, writeFile } from './import-corpus/files';
import { buildCase, type ExpectedPlan } from './import-corpus/layouts';

const CASES = LAYOUTS.flatMap((layout, index) => {
  const corpusCase = buildCase(layout);
  return formatsFor(corpusCase.sheets, index).map((format) => ({ name: `${index + 1} ${format}: ${layout.name}`, corpusCase, format }));
});

function shape(plan: ParsedPlan): ExpectedPlan {
  return {
    title: plan.title,
    period: plan.period,
    areas: plan.areas.map((area) => ({
      code: area.code,
      title: area.title,
      measures: area.measures.map((m) => ({
        code: m.code,
        title: m.title,
        kind: m.kind,
        cafRefs: m.cafRefs,
        activities: m.activities.map((a) => ({
          code: a.code,
          title: a.title,
          start: a.start,
          end: a.end,
          ongoing: a.ongoing,
          indicator: a.indicator,
          target: a.target,
          owners: a.owners,
          resources: a.resources,
          note: a.note,
          status: a.status?.status ?? null,
        })),
      })),
    })),
  };
}

describe('the layouts corpus', () => {
  it('covers every class of the issue', () => {
    const classes = new Set(LAYOUTS.flatMap((l) => l.classes.map((c) => c.split(':')[0])));
    expect([...classes].sort()).toEqual(['headers', 'kind', 'levels', 'mixture', 'noise', 'numbering']);
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(CASES)('$name', async ({ corpusCase, format }) => {
    const bytes = await writeFile(corpusCase.sheets, format);
    const csv = format.startsWith('csv');
    const sheetName = (name: string) => (csv ? 'plan.csv' : name);
    const { plan, understanding } = await readPlanFile(bytes, fileName(format), 'en');
    const expected = structuredClone(corpusCase.expected);
    if (csv) for (const area of expected.areas) if (area.title === corpusCase.sheets[0]!.name) area.title = 'plan.csv';
    expect(shape(plan)).toEqual(expected);

    const unexpected = plan.warnings.filter((w) => !corpusCase.warnings.some((pattern) => pattern.test(w.message)));
    expect(unexpected).toEqual([]);
    for (const pattern of corpusCase.warnings) expect(plan.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(pattern));

    expect(
      understanding.tables.map((t) => ({
        sheet: t.sheet,
        headerRows: t.headerRows,
        columns: Object.fromEntries(t.columns.filter((col) => col.column in (corpusCase.understanding[0]?.columns ?? {})).map((col) => [col.column, col.meaning])),
        levelsFound: t.levelsFound,
      })),
    ).toEqual(corpusCase.understanding.map((u) => ({ ...u, sheet: sheetName(u.sheet) })));
    expect(understanding.confidence).toBe(corpusCase.confidence);
    expect(understanding.needsMapping).toBe(false);
  });
});

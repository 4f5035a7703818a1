/**
 * Hostile input, straight into the parser: every generated file (tests/hostile/generate.ts)
 * must settle within 10 s and with bounded memory, as a plan (with warnings where due) or an
 * ImportError whose one-line message names the file: never another error, never a hang.
 * One test per file, so the run lists every file with its outcome; a summary table is printed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { createElement } from 'react';
import { createStaticHandler, createStaticRouter, StaticRouterProvider, type StaticHandlerContext } from 'react-router-dom/server';
import { ImportPreview, type PreviewData } from '~/components/import-preview';
import { parsePlanFile, previewRows, understandPlanFile } from '../importers';
import type { ParsedPlan } from '../importers/types';
import { FORMULAS, hostileFiles, SCRIPTS, type HostileFile } from './hostile/generate';
import { documentFiles } from './hostile/generate-documents';
import { settle, shownName } from './hostile/settle';

const FILES = [...hostileFiles(), ...documentFiles()];
/** Growth of the resident set allowed while one file is read. */
const MAX_GROWTH_MB = 600;

const table: { file: string; expect: string; outcome: string; ms: number; peakMb: number; detail: string }[] = [];
const parsed = new Map<string, ParsedPlan>();

/** Every string in the plan: titles, owners, targets, notes, warnings. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('hostile files straight into parsePlanFile', () => {
  it('are at least 200, in every category the issue lists', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(200);
    expect(new Set(FILES.map((f) => f.id)).size).toBe(FILES.length);
    const categories = new Set(FILES.map((f) => f.category));
    for (const category of [
      'truncated zip',
      'flipped byte, local header',
      'flipped byte, central directory',
      'flipped byte, compressed data',
      'random bytes',
      'zip bomb',
      '50 MB file',
      'a million rows',
      'wrong extension',
      'encoding, BOM, NUL',
      'extremely long cell',
      'thousands of columns',
      'script and HTML in cells',
      'formula payloads',
      'absurd dates',
      'bogus XML',
      '500 sheets, merges',
      'Word and Calc files',
    ]) {
      expect(categories).toContain(category);
    }
  });

  it.each(FILES.map((file) => [file.id, file] as [string, HostileFile]))('%s', async (_id, file) => {
    const bytes = await file.bytes();
    const outcome = await settle(() => parsePlanFile(bytes, file.fileName, 'en'));
    const detail =
      outcome.kind === 'refused'
        ? outcome.error.message
        : outcome.kind === 'parsed'
          ? `${outcome.value.areas.length} areas, ${outcome.value.warnings.length} warnings`
          : outcome.kind === 'crashed'
            ? String((outcome.error as Error)?.stack ?? outcome.error)
            : 'did not settle';
    table.push({ file: file.id, expect: file.expect, outcome: outcome.kind, ms: outcome.ms, peakMb: outcome.peakMb, detail: detail.slice(0, 140) });

    expect(outcome.kind, detail).not.toBe('timeout');
    expect(outcome.kind, detail).not.toBe('crashed');
    if (file.expect !== 'either') expect(outcome.kind, detail).toBe(file.expect);
    expect(outcome.peakMb, 'memory growth in MB').toBeLessThan(MAX_GROWTH_MB);

    if (outcome.kind === 'refused') {
      const { message } = outcome.error;
      expect(message.startsWith(`${shownName(file.fileName)}: `), message).toBe(true);
      expect(message).not.toMatch(/[\r\n\u2028\u2029]/);
      expect(message.length).toBeLessThan(1300);
      if (file.message) expect(message).toMatch(file.message);
    }
    if (outcome.kind === 'parsed') {
      const plan = outcome.value;
      // What the preview sends to the browser must survive JSON as it is.
      expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
      const texts = strings(plan);
      for (const text of file.verbatim ?? []) expect(texts, `"${text}" kept as text`).toContain(text);
      parsed.set(file.id, plan);
    }
  });

  afterAll(() => {
    const counts = table.reduce<Record<string, number>>((all, row) => ({ ...all, [row.outcome]: (all[row.outcome] ?? 0) + 1 }), {});
    const lines = table.map((row) => `${row.outcome.padEnd(8)} ${String(row.ms).padStart(5)} ms ${String(row.peakMb).padStart(4)} MB  ${row.file}  ${row.detail}`);
    console.log(`hostile files: ${table.length} (${JSON.stringify(counts)})\n${lines.join('\n')}`);
  });
});

describe('what hostile files that parse give', () => {
  /** The plan read from the file: as the table above read it, or read again when run on its own. */
  async function plan(id: string): Promise<ParsedPlan> {
    const file = FILES.find((f) => f.id === id)!;
    return parsed.get(id) ?? parsePlanFile(await file.bytes(), file.fileName, 'en');
  }
  const activities = async (id: string) => (await plan(id)).areas.flatMap((a) => a.measures.flatMap((m) => m.activities));

  it('keeps script and HTML as text, in every field', async () => {
    for (const id of ['script/csv-every-column', 'script/xlsx-inline-strings', 'script/xlsx-shared-strings']) {
      const rows = await activities(id);
      expect(rows.map((a) => a.title)).toEqual(SCRIPTS);
      expect(rows.map((a) => a.target)).toEqual(SCRIPTS);
      expect(rows.map((a) => a.note)).toEqual(SCRIPTS);
      expect((await plan(id)).areas[0]!.title).toBe(SCRIPTS[0]);
      expect((await plan(id)).areas[0]!.measures[0]!.title).toBe(SCRIPTS[1]);
    }
    expect((await plan('script/xlsx-shared-strings')).title).toBe('ПЛАН <script>alert("title")</script> 2023-2024');
    // exceljs drops CDATA sections (Excel never writes them): the cell reads as empty, not as markup.
    expect((await activities('script/cdata-in-xml'))[0]!.note).toBeNull();
  });

  it('reads formula payloads as the text written, never as formulas', async () => {
    for (const id of ['formula/csv-text', 'formula/xlsx-strings']) {
      const rows = await activities(id);
      expect(rows.map((a) => a.target)).toEqual(FORMULAS);
      expect(rows.map((a) => a.note)).toEqual(FORMULAS);
      expect(rows[0]!.owners).toEqual(["=cmd|' /C calc'!A0"]);
    }
    // A real formula cell gives the result Excel saved with it, and nothing when there is none.
    const cells = (await activities('formula/xlsx-formula-cells')).map((a) => a.target);
    expect(cells[0]).toBe('cached text');
    expect(cells[1]).toBeNull();
  });

  it('leaves absurd dates empty, each with a warning', async () => {
    for (const id of ['dates/absurd-text-csv', 'dates/absurd-text-xlsx', 'dates/absurd-numbers', 'dates/absurd-date-formatted']) {
      const read = await plan(id);
      const column = id === 'dates/absurd-text-xlsx' ? 'end' : 'start';
      const rows = await activities(id);
      const readable = rows.filter((a) => a[column] !== null);
      // Only real days between 1990 and 2100 get through (none of these is one).
      expect(readable.map((a) => a[column])).toEqual([]);
      const dateWarnings = read.warnings.filter((w) => w.message.startsWith('cannot read the date'));
      expect(dateWarnings.length).toBeGreaterThanOrEqual(rows.length - 2);
      for (const warning of dateWarnings) expect(warning.message).not.toMatch(/NaN-NaN|Invalid Date/);
    }
  });

  it('lists at most 1,000 warnings, and counts the rest', async () => {
    const warnings = (await plan('columns/5000-columns')).warnings;
    expect(warnings).toHaveLength(1001);
    expect(warnings.at(-1)!.message).toMatch(/^[\d,]+ more warnings not listed \(only the first 1000 are\)$/);
  });

  it('shortens a sheet name longer than any Excel allows', async () => {
    const outcome = await settle(async () => plan('long-cell/1mb-sheet-name'));
    if (outcome.kind === 'parsed') {
      const sheets = [...outcome.value.warnings.map((w) => w.sheet), ...outcome.value.areas.map((a) => a.title)];
      for (const sheet of sheets) expect(sheet.length).toBeLessThanOrEqual(100);
    }
    else expect(outcome.kind).toBe('refused');
  });

  it('shows script in cells escaped on the preview page', async () => {
    const fileName = '<img src=x onerror=alert(1)>.xlsx';
    const bytes = await FILES.find((f) => f.id === 'script/xlsx-shared-strings')!.bytes();
    const { plan: read, understanding } = await understandPlanFile(bytes, 'plan.xlsx');
    const preview: PreviewData = {
      token: 't',
      problem: null,
      kept: false,
      fileName,
      planId: null,
      title: read.title ?? fileName,
      period: read.period,
      similar: [],
      counts: { areas: 1, measures: 1, activities: SCRIPTS.length },
      warnings: [{ sheet: '<script>alert("sheet")</script>', row: 1, column: '<b>c</b>', message: '<script>alert("warning")</script>' }],
      areas: read.areas,
      understanding,
      sampleRows: await previewRows(bytes, fileName, 12),
      diff: null,
    };
    // Rendered as the server renders it (useLang reads the root route's data).
    const handler = createStaticHandler([{ id: 'root', path: '/', loader: () => ({ lang: 'bg' }), element: createElement(ImportPreview, { preview }) }]);
    const context = (await handler.query(new Request('http://localhost/'))) as StaticHandlerContext;
    const router = createStaticRouter(handler.dataRoutes, context);
    const html = renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false }));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(&quot;warning&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<img|<svg|<h1>big/i);
  });
});

